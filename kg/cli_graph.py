"""The `kg show`, `kg stats` and `kg ontology` commands (registered on kg.cli's app).

Like the rest of the CLI they only parse options and call the library: kg.show, kg.stats,
kg.ontology_doc.
"""

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli import GraphOption, StoreOption, _reports_errors, app
from kg.files import write_file
from kg.show import SHOW_FORMATS
from kg.show import show as draw
from kg.store import read_store

ShowChoice = Enum("ShowChoice", {name: name for name in SHOW_FORMATS}, type=str)
StatsChoice = Enum("StatsChoice", {name: name for name in ("table", "csv", "json")}, type=str)
OntologyChoice = Enum("OntologyChoice", {name: name for name in ("text", "markdown")}, type=str)


@app.command(short_help="Draw the graph, or an entity's neighbourhood, as SVG or HTML.")
@_reports_errors
def show(
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="graph.svg or graph.html [default: SVG on "
                                               "stdout]")] = None,
    fmt: Annotated[ShowChoice | None, typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help="svg, or html (a page with the picture) [default: from FILE's ending]")] = None,
    graph: GraphOption = None,
    entity: Annotated[list[str] | None, typer.Option(
        "--entity", "-e", metavar="NAME",
        help="Only this entity and its neighbours: any of its names, or its IRI (repeatable).")]
        = None,
    depth: Annotated[int, typer.Option(
        "--depth", min=1, metavar="N", help="With --entity: neighbours up to N facts away.")]
        = 1,
    store: StoreOption = None,
) -> None:
    """Draw the graph: entities as boxes coloured by class with their job title, age and
    other values, deals with their amount, and the facts between them as labelled arrows.

    The HTML page is self-contained (no network needed to view it): point at a box to see
    only its facts.

    \b
    Example:
      kg show --graph yann-lecun-leaves-meta.id -o graph.svg
      kg show --entity "Ana Souza" -o lecun.html
      kg show --entity Northwind --depth 2 -o meta.svg
    """
    text = read_store(store, lambda s: draw(s, out, fmt.value if fmt else None, graph,
                                            entity, depth))
    if text is not None:
        typer.echo(text, nl=False)


@app.command(short_help="Count entities by class and facts by property, per article.")
@_reports_errors
def stats(
    graph: GraphOption = None,
    fmt: Annotated[StatsChoice, typer.Option(
        "--format", "-f", case_sensitive=False, help="table, csv or json.")]
        = StatsChoice.table,
    store: StoreOption = None,
) -> None:
    """Count the entities of each class, the deals, and the facts of each property: for all
    articles (a fact read twice counts once), then for each article.

    \b
    Example:
      kg stats
      kg stats --graph yann-lecun-leaves-meta.id
      kg stats --format csv > stats.csv
    """
    from kg.stats import article_stats, render_stats, stats_csv, stats_json

    counts = read_store(store, lambda s: article_stats(s, graph))
    if fmt.value == "json":
        typer.echo(stats_json(counts), nl=False)
    elif fmt.value == "csv":
        typer.echo(stats_csv(counts, overall=graph is None), nl=False)
    else:
        typer.echo(render_stats(counts, overall=graph is None), nl=False)


@app.command(short_help="List the ontology's classes and properties.")
@_reports_errors
def ontology(
    fmt: Annotated[OntologyChoice, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="text for the terminal, or markdown (what ontology/README.md holds).")]
        = OntologyChoice.text,
    out: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write here instead of stdout.")] = None,
) -> None:
    """List the ontology's classes and properties: labels in English and Indonesian,
    domains, ranges, and alignments with ORG, schema.org, FOAF, SKOS and PROV-O.

    \b
    Example:
      kg ontology
      kg ontology --format markdown -o ontology/README.md
    """
    from kg.ontology_doc import markdown, read_ontology, text

    doc = read_ontology()
    written = markdown(doc) if fmt.value == "markdown" else text(doc)
    if out is None:
        typer.echo(written, nl=False)
        return
    write_file(out, written)
