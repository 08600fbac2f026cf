"""Build the store from article files: read, extract, replace each article's graph."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, Quad, Store, Triple

from kg.articles import check_articles, find_articles, read_article
from kg.errors import KgError
from kg.parallel import extract_files
from kg.store import Counts, GraphWriter, load_ontology
from kg.terms import RDF_TYPE
from kg.validate import Violation, validate_article
from kg.vocab import article_iri, term

if TYPE_CHECKING:  # kg.extract (and spaCy behind it) is imported only when extracting
    from kg.extract.model import Article

# Called after each article: (articles done, articles in all, the file just built).
Progress = Callable[[int, int, Path], None]
STATEMENT = NamedNode(term("Statement"))
FLUSH_EVERY = 100  # articles: keeps a long build's memory flat (and is no slower)


@dataclass
class BuildReport:
    """What a build wrote: articles, and the entities, events and facts extracted from them."""

    articles: int = 0
    entities: int = 0
    events: int = 0
    facts: int = 0
    triples: int = 0
    files: list[Path] = field(default_factory=list)
    # Articles whose facts break the SHACL shapes (kg.validate), and those not written for it.
    violations: dict[Path, list[Violation]] = field(default_factory=dict)
    refused: list[Path] = field(default_factory=list)

    def counts(self) -> Counts:
        """The report's figures as `Counts`."""
        return Counts(self.articles, self.entities, self.events, self.facts)


def build(paths: list[Path] | list[str], store: Store, lang: str | None = None,
          progress: Progress | None = None, min_confidence: float = 0.0,
          jobs: int = 1, strict: bool = False) -> BuildReport:
    """Extract every article under `paths` into `store`, one article at a time.

    Each article replaces its own named graph, so building again never duplicates facts;
    new graphs are added in batches (kg.store.GraphWriter). The ontology graph is reloaded
    first. `jobs` processes extract (see kg.parallel); this one writes the articles, in file
    order, as they come.

    Every file is read before anything is written, so an unreadable one changes nothing.
    Each article's facts are validated against the SHACL shapes; violations are reported,
    and with `strict` the article is not written (the others are).
    """
    from kg.rdf import article_quads  # imports kg.extract: kept off the CLI's start-up

    files = check_articles(find_articles(paths))
    load_ontology(store)  # every build refreshes it, so the store follows the shipped ontology
    report = BuildReport()
    # Workers validate too: the shapes cost about as much as the extraction.
    articles = extract_files(files, jobs, check=validate_article, lang=lang,
                             min_confidence=min_confidence)
    with GraphWriter(store) as writer:
        for done, (path, article, violations) in enumerate(articles, start=1):
            if _conforms(report, path, violations) or not strict:
                quads = list(article_quads(article))  # made once: written, then counted
                report.triples += writer.write(NamedNode(article_iri(article.id)), quads)
                report.articles += 1
                report.entities += len(article.entities)
                report.events += len(article.events)
                report.facts += count_statements(quads)
                report.files.append(path)
            else:
                report.refused.append(path)
            if progress:
                progress(done, len(files), path)
            if done % FLUSH_EVERY == 0:
                store.flush()  # else RocksDB's write buffers grow with the corpus
    return report


def _conforms(report: BuildReport, path: Path, violations: list[Violation]) -> bool:
    """Whether the article's facts met the shapes; the violations go in the report."""
    if violations:
        report.violations[path] = violations
    return not violations


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


def count_statements(triples: list[Triple] | list[Quad]) -> int:
    """Distinct facts among an article's triples: one per reified statement."""
    return len({t.subject for t in triples if t.predicate == RDF_TYPE and t.object == STATEMENT})
