"""Build the store from article files: read, extract, replace each article's graph."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, Store

from kg.articles import find_articles, read_article
from kg.errors import KgError
from kg.store import Counts, load_ontology, replace_article
from kg.vocab import PREFIXES, term

if TYPE_CHECKING:  # kg.extract (and spaCy behind it) is imported only when extracting
    from kg.extract.model import Article

# Called after each article: (articles done, articles in all, the file just built).
Progress = Callable[[int, int, Path], None]
STATEMENT = NamedNode(term("Statement"))
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")


@dataclass
class BuildReport:
    """What a build wrote: articles, and the entities, events and facts extracted from them."""

    articles: int = 0
    entities: int = 0
    events: int = 0
    facts: int = 0
    triples: int = 0
    files: list[Path] = field(default_factory=list)

    def counts(self) -> Counts:
        """The report's figures as `Counts`."""
        return Counts(self.articles, self.entities, self.events, self.facts)


def build(paths: list[Path] | list[str], store: Store, lang: str | None = None,
          progress: Progress | None = None, min_confidence: float = 0.0) -> BuildReport:
    """Extract every article under `paths` into `store`, one article at a time.

    Each article replaces its own named graph, so building again never duplicates facts.
    The ontology graph is reloaded first.
    """
    files = find_articles(paths)
    load_ontology(store)  # every build refreshes it, so the store follows the shipped ontology
    report = BuildReport()
    for done, path in enumerate(files, start=1):
        article = extract_file(path, lang, min_confidence)
        report.triples += replace_article(store, article)
        report.articles += 1
        report.entities += len(article.entities)
        report.events += len(article.events)
        report.facts += count_facts(article)
        report.files.append(path)
        if progress:
            progress(done, len(files), path)
    return report


def extract_file(path: Path, lang: str | None = None,
                 min_confidence: float = 0.0) -> "Article":
    """Read an article file and extract it, keeping facts read with at least `min_confidence`."""
    from kg.extract import extract_article  # spaCy loads only when extracting

    article_id, title, text = read_article(path)
    try:
        article = extract_article(text, article_id, lang=lang, source=path.name,
                                  min_confidence=min_confidence)
    except KgError:
        raise
    except Exception as exc:  # the extractor's own failure, named with the file it failed on
        raise KgError(f"{path}: extraction failed: {type(exc).__name__}: {exc}") from exc
    article.title = article.title or title
    return article


def count_facts(article: "Article") -> int:
    """Distinct facts of an article: one per reified statement."""
    from kg.rdf import article_triples

    return len({t.subject for t in article_triples(article)
                if t.predicate == RDF_TYPE and t.object == STATEMENT})
