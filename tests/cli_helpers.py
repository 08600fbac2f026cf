"""Running `kg` in tests: typer's runner, and the shape every error must have."""

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def kg(*args: str | Path, store: Path | None = None):
    """Run `kg ARGS… [--store STORE]` in-process."""
    argv = [str(a) for a in args] + (["--store", str(store)] if store else [])
    return runner.invoke(app, argv, catch_exceptions=False)


def assert_fails(result, message: str) -> None:
    """Exit status 1 and exactly one line on stderr, `kg: error: …`, no traceback."""
    assert result.exit_code == 1
    assert result.stderr.startswith("kg: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
