"""Readable views of what the extractor finds, for assertions on small texts."""

from kg.extract import extract_article
from kg.extract.model import Article, Entity


def read(text: str, lang: str | None = None) -> Article:
    return extract_article(text, "test", lang=lang)


def facts(text: str, lang: str | None = None) -> set[tuple]:
    """(subject name, predicate, object name or value) for every binary fact."""
    return facts_of(read(text, lang))


def facts_of(article: Article) -> set[tuple]:
    """(subject name, predicate, object name or value) for every binary fact of `article`."""
    return {(f.subject.name, f.predicate,
             f.object.name if isinstance(f.object, Entity) else f.object)
            for f in article.facts}


def events(text: str, lang: str | None = None) -> set[tuple]:
    """(kind, investors, target, amount, currency, stake) for every event."""
    article = read(text, lang)
    return {(e.kind, tuple(sorted(a.name for a in e.agents)), e.target.name,
             None if e.amount is None else int(e.amount), e.currency,
             None if e.stake is None else float(e.stake))
            for e in article.events}


def entity(article: Article, name: str) -> Entity:
    return next(e for e in article.entities if e.name == name)
