"""Extract articles in worker processes and hand them back in file order, a few at a time.

The store has a single writer, so workers only extract (and validate): each returns the
extracted `Article` (a few kB pickled; the parent turns it into triples as it writes). At
most `2 × jobs` chunks are in flight, so memory stays bounded however many files there are,
and articles come back in the order of `files`, so a parallel build writes exactly what a
sequential one writes.
"""

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KgError

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from kg.extract.model import Article

Check = Callable[["Article"], Any]
Done = tuple["Article", Any]  # an extracted article and what `check` said of it
CHUNK = 4  # articles per task: ~0.2 s of extraction, enough to amortize the round trip


def extract_files(files: Sequence[Path], jobs: int = 1, chunk: int = CHUNK,
                  check: Check | None = None,
                  **options: Any) -> Iterator[tuple[Path, "Article", Any]]:
    """(file, extracted article, `check(article)`) for each of `files`, in order, extracted
    (and checked) by `jobs` processes.

    `check` must be a module-level function (workers receive it by name); `options` go to
    `kg.build.extract_file` (`lang`, `min_confidence`).
    """
    if jobs < 1:
        raise KgError(f"--jobs must be 1 or more, not {jobs}")
    if jobs == 1 or len(files) < 2:
        for path in files:
            yield path, *_extract(path, check, options)
        return
    yield from _in_pool(files, min(jobs, len(files)), max(1, chunk), check, options)


def _in_pool(files: Sequence[Path], jobs: int, chunk: int, check: Check | None,
             options: dict[str, Any]) -> Iterator[tuple[Path, "Article", Any]]:
    import multiprocessing

    # spawn: the parent may hold a store (and RocksDB's threads), which fork would copy.
    context = multiprocessing.get_context("spawn")
    chunks = (list(files[i:i + chunk]) for i in range(0, len(files), chunk))
    pending: deque[tuple[list[Path], AsyncResult[list[Done]]]] = deque()
    with context.Pool(jobs) as pool:
        for paths in chunks:
            task = pool.apply_async(_extract_chunk, (paths, check, options))
            pending.append((paths, task))
            if len(pending) >= 2 * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(paths: list[Path],
             result: "AsyncResult[list[Done]]") -> Iterator[tuple[Path, "Article", Any]]:
    for path, (article, checked) in zip(paths, result.get(), strict=True):
        yield path, article, checked


def _extract_chunk(paths: list[Path], check: Check | None,
                   options: dict[str, Any]) -> list["Done"]:
    """In a worker: extract and check each file (errors travel back to the parent)."""
    return [_extract(path, check, options) for path in paths]


def _extract(path: Path, check: Check | None, options: dict[str, Any]) -> "Done":
    from kg.build import extract_file

    article = extract_file(path, **options)
    return article, check(article) if check else None
