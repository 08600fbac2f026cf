"""The language knowledge the extractor reads: word lists and patterns in `kg/lexicons/<lang>/`.

Each language is a folder of TOML files. Nothing here names a particular person, organization
or product: only the words a language uses around such names.
"""

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed."""


@dataclass(frozen=True)
class Title:
    """A job title as a lexicon lists it, and whether it makes its holder a leader."""

    text: str
    lead: bool


@dataclass
class Lexicon:
    """Everything one language profile knows, read from its TOML files."""

    lang: str
    entities: dict[str, Any]
    titles: list[Title]
    title_after: list[str]
    words: dict[str, list[str]]  # named word lists the patterns refer to as @name
    patterns: list[dict[str, Any]]  # relation and event patterns
    extra: dict[str, Any] = field(default_factory=dict)

    def words_of(self, key: str) -> list[str]:
        """A word list from entities.toml (empty when the language has none)."""
        return list(self.entities.get(key, []))


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Languages with a lexicon folder."""
    return tuple(sorted(p.name for p in LEXICONS.iterdir() if (p / "entities.toml").is_file()))


def _read(lang: str, name: str) -> dict[str, Any]:
    path = LEXICONS / lang / f"{name}.toml"
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise LexiconError(f"no lexicon {name}.toml for language {lang!r}") from None
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"{path}: {e}") from None


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang` ("id", "en"), read once per process."""
    if lang not in available_languages():
        raise LexiconError(f"no lexicon for language {lang!r}; have {list(available_languages())}")
    titles = _read(lang, "titles")
    relations = _read(lang, "relations")
    return Lexicon(
        lang=lang,
        entities=_read(lang, "entities"),
        titles=[Title(t, True) for t in titles.get("lead", [])]
        + [Title(t, False) for t in titles.get("member", [])],
        title_after=titles.get("after", []) + titles.get("field", []),
        words=relations.get("words", {}),
        patterns=relations.get("pattern", []),
        extra={"title_before": titles.get("before", []),
               "field_openers": titles.get("field_openers", []),
               "title_former": titles.get("former", []),
               "field_joiners": titles.get("field_joiners", []),
               "title_shapes": titles.get("member_shapes", []),
               "not_titles": titles.get("not_titles", []),
               "field_articles": titles.get("field_articles", []),
               "field_breaks": titles.get("field_breaks", [])},
    )
