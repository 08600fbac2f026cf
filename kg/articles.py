"""Article files: find them under paths, read one into (id, title, text).

An article is UTF-8 text (a byte-order mark is skipped), at most `max_article_bytes()` long.
Anything else is refused with a one-line KgError and nothing is built: an empty file, a binary
(NUL bytes), text in another encoding (no guessing: cp1252 and Latin-1 would decode any bytes
into plausible-looking nonsense), a file over the limit (read no further than the limit, so
memory stays bounded whatever the file). An HTML page is turned into its text (kg.html_text).
"""

import os
from pathlib import Path

from kg.errors import KgError
from kg.html_text import html_to_text, looks_like_html

SUFFIXES = (".txt", ".md")
MAX_BYTES_ENV = "KG_MAX_ARTICLE_BYTES"
# spaCy's own limit on a text's length (nlp.max_length, in characters); a byte is at most one.
DEFAULT_MAX_BYTES = 1_000_000


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


def check_articles(files: list[Path]) -> list[Path]:
    """`files`, once each has been read as an article: the first that cannot be raises KgError.

    A build checks every file before it writes anything, so a bad file changes nothing.
    """
    for path in files:
        read_article(path)
    return files


def article_id(path: Path) -> str:
    """The id of the article in `path`: its file name without the last ending."""
    return path.stem


def read_article(path: Path | str) -> tuple[str, str, str]:
    """(article id, title, text) of an article file; the title is its first non-empty line."""
    path = Path(path)
    limit = max_article_bytes()
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)  # a device or a pipe may not say its size
    except FileNotFoundError:
        raise KgError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise KgError(f"{path} is a folder, not an article file") from None
    except OSError as exc:
        raise KgError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise KgError(f"{path} is larger than {limit:,} bytes, the limit for one article "
                      f"(set {MAX_BYTES_ENV} to change it)")
    text = _decode(path, data)
    if looks_like_html(text, path.name):
        text = html_to_text(text)
        if not text.strip():
            raise KgError(f"{path} is an HTML page with no text outside its tags")
    if not text.strip():
        raise KgError(f"{path} is empty: an article needs some text")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    if path.suffix == ".md":
        title = title.lstrip("#").strip() or title  # a Markdown heading: "# Title"
    return article_id(path), title, text


def max_article_bytes() -> int:
    """The largest article file read, in bytes: `$KG_MAX_ARTICLE_BYTES`, else 1,000,000."""
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        limit = int(raw.replace("_", "").replace(",", ""))
    except ValueError:
        limit = 0
    if limit < 1:
        raise KgError(f"{MAX_BYTES_ENV} must be a whole number of bytes above 0, not {raw!r}")
    return limit


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
