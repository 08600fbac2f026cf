"""Read an article's text and return what it says: entities, facts and deal events."""

from kg.extract.model import Article, Entity, Event, Evidence, Fact

__all__ = ["Article", "Entity", "Event", "Evidence", "Fact", "extract_article"]


def extract_article(text: str, article_id: str, *, lang: str | None = None,
                    source: str = "", min_confidence: float = 0.0) -> Article:
    """Extract an article. `lang` ("id" or "en") is detected from the text when not given;
    facts read with less than `min_confidence` (0-1) are left out."""
    from kg.extract.model import above
    from kg.extract.pipeline import extract  # spaCy is imported only when extracting

    return above(extract(text, article_id, lang=lang, source=source), min_confidence)
