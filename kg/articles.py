"""Article files: find them under paths, read one into (id, title, text)."""

from pathlib import Path

from kg.errors import KgError

SUFFIXES = (".txt", ".md")


def find_articles(paths: list[Path] | list[str]) -> list[Path]:
    """Article files named by `paths` (files, or folders searched recursively), sorted.

    A file given by name is taken whatever its ending; in folders only `.txt` and `.md` count.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
            if not inside:
                raise KgError(f"no articles (.txt or .md files) in folder {path}")
            found.extend(inside)
        else:
            raise KgError(f"no such file or folder: {path}")
    # A file named twice (as itself and inside a folder) is read once.
    return sorted(set(found))


def article_id(path: Path) -> str:
    """The id of the article in `path`: its file name without the last ending."""
    return path.stem


def read_article(path: Path | str) -> tuple[str, str, str]:
    """(article id, title, text) of an article file; the title is its first non-empty line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KgError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise KgError(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise KgError(f"cannot read {path}: {exc.strerror or exc}") from None
    text = _decode(path, data)
    if not text.strip():
        raise KgError(f"{path} is empty: an article needs some text")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    if path.suffix == ".md":
        title = title.lstrip("#").strip() or title  # a Markdown heading: "# Title"
    return article_id(path), title, text


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 text of a file, refusing binaries: news articles are plain text."""
    if b"\x00" in data:
        raise KgError(f"{path} is not a text file (it contains NUL bytes); articles are UTF-8 text")
    try:
        # A byte-order mark (Windows editors) is not part of the text; offsets count from after it.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KgError(f"{path} is not valid UTF-8 text (bad byte at offset {exc.start}); "
                      "save it as UTF-8") from None
