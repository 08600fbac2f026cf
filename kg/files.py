"""Files written whole or not at all: written beside the target, then renamed over it.

A write that fails halfway (a full disk, a serializer error, Ctrl-C) leaves the old file, if
there was one, untouched, and no partial file behind. What is not a regular file (a device, a
pipe) is written to directly: renaming over it would replace it.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kg.errors import KgError


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; it becomes `path` when the block ends
    without error, and is removed otherwise."""
    if path.exists() and not path.is_file():
        yield path  # a device or a pipe (/dev/stdout): nothing to keep, nothing to rename
        return
    path = path.resolve() if path.is_symlink() else path  # the file, not the link, is new
    if not path.parent.is_dir():
        raise KgError(f"cannot write {path}: folder {path.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


def write_file(path: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `path`, whole or not at all."""
    try:
        with replacing(path) as temporary:
            temporary.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    except OSError as exc:
        raise KgError(f"cannot write {path}: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask
