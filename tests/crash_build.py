"""`kg build` for the crash test: a fast stand-in extractor, and a line around each write.

Run as `python crash_build.py build FOLDER --store DIR`. Before each graph is written it
prints `write <graph IRI>`, after it `wrote <graph IRI>` (new graphs are written in a batch:
a line for each before the batch, and after it), so that the test can kill the process
(SIGKILL) before, during or after any write. The extractor is replaced by
`article_from` (each article's facts follow from its text) and validation is skipped: what
is under test is how the store takes a kill, not spaCy or pySHACL, and this keeps it fast.
"""

import re
import sys
from decimal import Decimal

from kg.extract.model import Article, Entity, Event, Evidence, Fact

PEOPLE = 40  # ~1,500 triples an article: a write takes a few tens of milliseconds


def article_text(version: str, number: int) -> str:
    """The text of article `number` in `version` ("old" or "new")."""
    return f"Article {number}, {version} version\n\nPeople of company {number} ({version}).\n"


def article_from(text: str, article_id: str, **options: object) -> Article:
    """The facts of an `article_text`: a chain of people reporting to each other, and a deal."""
    number, version = re.match(r"Article (\d+), (\w+) version", text).groups()
    company = Entity("Organization", f"Company {number} {version}")
    people = [Entity("Person", f"Person {number} {version} {k}") for k in range(PEOPLE)]
    facts = []
    for k, person in enumerate(people):
        evidence = Evidence(k * 10, k * 10 + 9, f"sentence {k}", rule="crash")
        facts.append(Fact(person, "worksFor", company, evidence))
        if k:
            facts.append(Fact(person, "reportsTo", people[k - 1], evidence))
    deal = Event("Investment", [people[0]], company,
                 Evidence(PEOPLE * 10, PEOPLE * 10 + 4, "deal", rule="crash"),
                 amount=Decimal(int(number) + 1), currency="USD")
    return Article(article_id, text, "en", title=text.splitlines()[0],
                   source=f"{article_id}.txt", entities=[company, *people], facts=facts,
                   events=[deal])


def main(argv: list[str]) -> None:
    import kg.build
    import kg.extract
    import kg.store
    from kg.cli import app

    write = kg.store.replace_graph

    def replace_graph(store, graph, triples):  # type: ignore[no-untyped-def]
        triples = list(triples)
        print(f"write {graph.value}", flush=True)
        written = write(store, graph, triples)
        print(f"wrote {graph.value}", flush=True)
        return written

    add = kg.store.add_graphs

    def add_graphs(store, graphs):  # type: ignore[no-untyped-def]
        for graph in graphs:
            print(f"write {graph.value}", flush=True)
        add(store, graphs)
        for graph in graphs:
            print(f"wrote {graph.value}", flush=True)

    kg.store.replace_graph = replace_graph
    kg.store.add_graphs = add_graphs
    kg.extract.extract_article = article_from
    kg.build.validate_article = lambda article: []
    app(argv, prog_name="kg")


if __name__ == "__main__":
    main(sys.argv[1:])
