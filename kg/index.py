"""The entity index: a derived graph giving each entity one name.

Every article graph labels the entities it mentions, so an entity named in five hundred
articles carries five hundred `rdfs:label` triples in the union graph, and a query that
prints one name per entity (the smallest label, should articles spell it differently)
reads them all. The index holds, in the graph `kg.vocab.INDEX`, one `skos:prefLabel` per
entity (that smallest label), which the canned queries read instead. Only that: a triple
the article graphs hold too would print twice in queries without DISTINCT.

It is derived data: the store's writers (`kg.store`) bring it up to date for the entities of
every graph they write, and `refresh` rebuilds it whole: when a store without one is opened
for writing, and when `kg serve --writable` stops (SPARQL updates sent to the server change
the article graphs without it).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.errors import KgError
from kg.terms import RDFS_LABEL, SKOS_PREF
from kg.vocab import INDEX, ONTOLOGY, PREFIXES

INDEX_GRAPH = NamedNode(INDEX)
# Entities per update: a VALUES list of a few thousand IRIs stays a small query.
CHUNK = 2000

_DERIVE = """
INSERT {{ GRAPH <{index}> {{ ?e skos:prefLabel ?name }} }}
WHERE {{
  SELECT ?e (MIN(?l) AS ?name) WHERE {{
    {values}
    GRAPH ?g {{ ?e rdfs:label ?l }} FILTER(?g != <{index}> && ?g != <{ontology}>)
  }} GROUP BY ?e
}}"""


def labelled(quads: Iterable[Quad]) -> set[NamedNode]:
    """The entities (and events) that `quads` name: subjects of an `rdfs:label`."""
    return {q.subject for q in quads
            if q.predicate == RDFS_LABEL and isinstance(q.subject, NamedNode)}


def labelled_in(store: Store, graph: NamedNode) -> set[NamedNode]:
    """The entities the store's graph `graph` names."""
    return labelled(store.quads_for_pattern(None, RDFS_LABEL, None, graph))


def update(store: Store, entities: Iterable[NamedNode]) -> None:
    """Derive the index entries of `entities` again from the article graphs.

    An entity no article names any more leaves the index. One transaction per chunk of
    entities: a failure leaves each chunk's entries as they were or as they should be.
    """
    entities = sorted(entities, key=lambda e: e.value)
    for start in range(0, len(entities), CHUNK):
        chunk = " ".join(str(e) for e in entities[start:start + CHUNK])  # N-Triples form
        values = f"VALUES ?e {{ {chunk} }}"
        _run(store, f"DELETE {{ GRAPH <{INDEX}> {{ ?e ?p ?o }} }} WHERE {{ {values} "
                    f"GRAPH <{INDEX}> {{ ?e ?p ?o }} }} ;\n"
                    + _DERIVE.format(index=INDEX, ontology=ONTOLOGY, values=values))


@dataclass
class Additions:
    """What adding graphs changes in the index (see `additions`)."""

    new: list[Quad] = field(default_factory=list)  # entries of entities new to the index
    renamed: list[tuple[Quad, Quad]] = field(default_factory=list)  # (old entry, new entry)


def additions(store: Store, quads: Iterable[Quad]) -> Additions:
    """The index entries that graphs about to be added (none replaced) bring.

    Adding labels can only make an entity's smallest label smaller, so its name is the
    smaller of its name in the index and its smallest label here: a look-up per entity,
    where `update` would read every label of each. The writer adds the new entries with the
    graphs, in the same bulk load, and then applies the renamings with `rename`.
    """
    smallest: dict[NamedNode, Literal] = {}
    for quad in quads:
        if quad.predicate == RDFS_LABEL and isinstance(quad.subject, NamedNode):
            known = smallest.get(quad.subject)
            if known is None or quad.object.value < known.value:
                smallest[quad.subject] = quad.object
    found = Additions()
    for entity, label in smallest.items():
        current = next(store.quads_for_pattern(entity, SKOS_PREF, None, INDEX_GRAPH), None)
        entry = Quad(entity, SKOS_PREF, label, INDEX_GRAPH)
        if current is None:
            found.new.append(entry)
        elif label.value < current.object.value:
            found.renamed.append((current, entry))
    return found


def rename(store: Store, renamed: list[tuple[Quad, Quad]]) -> None:
    """Replace index entries by smaller names, in one transaction."""
    if renamed:
        _run(store, _data("DELETE", [old for old, _ in renamed])
             + _data("INSERT", [new for _, new in renamed]))


def _data(verb: str, quads: list[Quad]) -> str:
    """A DELETE DATA or INSERT DATA operation; terms print as N-Triples, read as written."""
    if not quads:
        return ""
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"{verb} DATA {{ GRAPH <{INDEX}> {{\n{body}\n}} }} ;\n"


def refresh(store: Store) -> None:
    """Rebuild the whole index from the article graphs, in one transaction."""
    # CREATE: an empty index (no article names anything) is still an index, not a missing one
    _run(store, f"DROP SILENT GRAPH <{INDEX}> ;\nCREATE SILENT GRAPH <{INDEX}> ;\n"
                + _DERIVE.format(index=INDEX, ontology=ONTOLOGY, values=""))


def is_missing(store: Store) -> bool:
    """Whether the store holds graphs other than the ontology's but no index."""
    if store.contains_named_graph(INDEX_GRAPH):
        return False
    ontology = NamedNode(ONTOLOGY)
    return any(g != ontology for g in store.named_graphs())


def _run(store: Store, update_text: str) -> None:
    prologue = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("rdfs", "skos"))
    try:
        store.update(prologue + update_text)
    except (OSError, SyntaxError) as exc:
        raise KgError(f"could not update the entity index: {exc}") from None
