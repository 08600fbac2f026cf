"""`kg stats`: entities of each class and facts of each property, overall and per article.

The counts come from the canned query `article-stats` (queries/article-stats.rq); here they
are laid out as one table: a row per class and property, a column per article.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import QuerySolutions, Store

from kg.queries import get_query, run
from kg.store import require_graph
from kg.texttable import text_table
from kg.vocab import ARTICLE

ALL = "all"  # the column of counts over all articles
GROUPS = {"entities": ("Person", "Organization", "Product", "Place"),
          "deals": ("Investment", "Acquisition")}


@dataclass
class Stats:
    """Counts by (row name, column): column None is all articles, else an article id."""

    articles: list[str] = field(default_factory=list)
    classes: dict[str, dict[str | None, int]] = field(default_factory=dict)
    properties: dict[str, dict[str | None, int]] = field(default_factory=dict)

    def rows(self) -> list[tuple[str, dict[str | None, int]]]:
        """Each group's total, then its members: entities, deals, facts."""
        rows = []
        for group, members in GROUPS.items():
            present = [m for m in members if m in self.classes]
            rows.append((group, _sum(self.classes[m] for m in present)))
            rows += [(f"  {m}", self.classes[m]) for m in present]
        rows.append(("facts", _sum(self.properties.values())))
        rows += [(f"  {p}", self.properties[p]) for p in sorted(self.properties)]
        return rows


def article_stats(store: Store, graph: str | None = None) -> Stats:
    """The counts over all articles and per article (or for the one article `graph`)."""
    only = require_graph(store, graph).value.removeprefix(ARTICLE) if graph else None
    results = run(store, get_query("article-stats"))
    assert isinstance(results, QuerySolutions)
    stats = Stats()
    for row in results:
        article = row["article"].value if row["article"] is not None else None
        if only is not None and article != only:
            continue
        if article is not None and article not in stats.articles:
            stats.articles.append(article)
        table = stats.classes if row["kind"].value == "class" else stats.properties
        table.setdefault(row["name"].value, {})[article] = int(row["count"].value)
    return stats


def render_stats(stats: Stats, overall: bool = True) -> str:
    """An aligned table: the count over all articles (if `overall`), then one per article."""
    columns: list[str | None] = ([None] if overall else []) + list(stats.articles)
    header = ["", *(ALL if c is None else c for c in columns)]
    body = [[name, *(str(counts.get(c, 0)) for c in columns)] for name, counts in stats.rows()]
    return text_table(header, body, numeric=True)


def stats_csv(stats: Stats, overall: bool = True) -> str:
    """The table as CSV: a row per class and property, a column per article."""
    import csv
    import io

    columns: list[str | None] = ([None] if overall else []) + list(stats.articles)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["name", *(ALL if c is None else c for c in columns)])
    for name, counts in stats.rows():
        writer.writerow([name.strip(), *(counts.get(c, 0) for c in columns)])
    return buffer.getvalue()


def stats_json(stats: Stats) -> str:
    """The counts as JSON: {"articles": [...], "classes": {class: {"all": n, article: n}},
    "properties": {...}}."""
    import json

    def named(table: dict[str, dict[str | None, int]]) -> dict[str, dict[str, int]]:
        return {name: {ALL if a is None else a: n for a, n in counts.items()}
                for name, counts in sorted(table.items())}

    data = {"articles": stats.articles, "classes": named(stats.classes),
            "properties": named(stats.properties)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _sum(counts: Iterable[dict[str | None, int]]) -> dict[str | None, int]:
    total: dict[str | None, int] = {}
    for column in counts:
        for article, n in column.items():
            total[article] = total.get(article, 0) + n
    return total
