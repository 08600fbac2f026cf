"""The one error type the library raises for problems a user can fix."""


class KgError(Exception):
    """A user-facing problem, explained in one line (the CLI prints it as `kg: error: …`)."""
