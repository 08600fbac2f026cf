"""Read an article's text and return what it says: entities, facts and deal events."""

from kg.extract.model import Article, Entity, Event, Evidence, Fact

__all__ = ["Article", "Entity", "Event", "Evidence", "Fact", "extract_article"]


def extract_article(text: str, article_id: str, *, lang: str | None = None,
                    source: str = "") -> Article:
    """Extract an article. `lang` ("id" or "en") is detected from the text when not given."""
    from kg.extract.pipeline import extract  # spaCy is imported only when extracting

    return extract(text, article_id, lang=lang, source=source)
