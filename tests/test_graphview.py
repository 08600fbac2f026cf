"""The property-graph view of the store: nodes, literal attributes, edges, neighbourhoods."""

from decimal import Decimal

import pytest

from kg.errors import KgError
from kg.graphview import Edge, entity_view, read_graph
from kg.vocab import entity_iri

YANN = entity_iri("Person", "Yann LeCun")
WANG = entity_iri("Person", "Alexandr Wang")
ZUCK = entity_iri("Person", "Mark Zuckerberg")
ALTMAN = entity_iri("Person", "Sam Altman")
META = entity_iri("Organization", "Meta")
SCALE = entity_iri("Organization", "Scale AI")
LABS = entity_iri("Organization", "Superintelligence Labs")
OPENAI = entity_iri("Organization", "OpenAI")
MICROSOFT = entity_iri("Organization", "Microsoft")
LLAMA = entity_iri("Product", "Llama")
MENLO = entity_iri("Place", "Menlo Park")
DEAL = "https://w3id.org/newskg/id/investment/meta-scale-ai-14000000000"


def test_nodes_are_entities_and_deals(store):
    view = read_graph(store)
    assert set(view.nodes) == {YANN, WANG, ZUCK, ALTMAN, META, SCALE, LABS, OPENAI, MICROSOFT,
                               LLAMA, MENLO, DEAL}
    assert view.nodes[YANN].label == "Yann LeCun"
    assert view.nodes[YANN].kind == "Person"
    assert view.nodes[DEAL].kind == "Investment"
    assert view.nodes[DEAL].is_event and not view.nodes[META].is_event


def test_literal_facts_are_attributes(store):
    view = read_graph(store)
    assert view.nodes[YANN].attributes == {"jobTitle": ["Chief AI Scientist"]}
    assert view.nodes[WANG].attributes == {"age": [29]}
    assert view.nodes[META].attributes == {"formerName": ["Facebook"]}
    assert view.nodes[DEAL].attributes == {"amount": [Decimal("14000000000")],
                                           "currency": ["USD"], "stakePercent": [Decimal("49")]}
    assert view.attribute_names() == ["age", "amount", "currency", "formerName", "jobTitle",
                                      "stakePercent"]


def test_names_from_both_articles_are_merged(store):
    zuck = read_graph(store).nodes[ZUCK]
    assert (zuck.label, zuck.alt_labels) == ("Mark Zuckerberg", ["Zuckerberg"])


def test_edges_are_facts_between_nodes_each_once(store):
    view = read_graph(store)
    assert view.edges == sorted([
        Edge(YANN, "reportsTo", WANG), Edge(YANN, "worksFor", META),
        Edge(YANN, "leftOrganization", META), Edge(WANG, "founded", SCALE),
        Edge(WANG, "leftOrganization", SCALE), Edge(WANG, "worksFor", META),
        Edge(ZUCK, "leads", META), Edge(META, "basedIn", MENLO), Edge(META, "developed", LLAMA),
        Edge(LABS, "subOrganizationOf", META), Edge(DEAL, "investor", META),
        Edge(DEAL, "investee", SCALE), Edge(ALTMAN, "leads", OPENAI),
        Edge(OPENAI, "partnerOf", MICROSOFT)])


def test_labels_and_symmetry_come_from_the_ontology(store):
    view = read_graph(store)
    assert view.label("reportsTo") == "reports to"
    assert view.label("subOrganizationOf") == "sub-organization of"
    assert view.label("Person") == "Person"
    assert view.label("notInTheOntology") == "not in the ontology"
    assert view.symmetric == {"partnerOf"}


def test_one_article(store):
    view = read_graph(store, "openai-microsoft.en")
    assert set(view.nodes) == {ALTMAN, ZUCK, OPENAI, MICROSOFT, META}
    assert len(view.edges) == 3
    assert view.title == "article openai-microsoft.en"


def test_unknown_article(store):
    with pytest.raises(KgError, match="no graph"):
        read_graph(store, "nope")


@pytest.mark.parametrize("name", ["Yann LeCun", "lecun", "  LECUN ", f"<{YANN}>", YANN])
def test_find_by_any_name_or_iri(store, name: str):
    assert [n.iri for n in read_graph(store).find(name)] == [YANN]


def test_neighbourhood_of_one_entity(store):
    view = entity_view(store, ["Yann LeCun"])
    assert set(view.nodes) == {YANN, WANG, META}
    assert set(view.edges) == {Edge(YANN, "reportsTo", WANG), Edge(YANN, "worksFor", META),
                               Edge(YANN, "leftOrganization", META),
                               Edge(WANG, "worksFor", META)}
    assert view.title == "around Yann LeCun"


def test_neighbourhood_takes_a_deal_with_all_its_parties(store):
    assert set(entity_view(store, ["Scale AI"]).nodes) == {SCALE, WANG, DEAL, META}


def test_neighbourhood_depth(store):
    assert set(entity_view(store, ["Sam Altman"]).nodes) == {ALTMAN, OPENAI}
    assert set(entity_view(store, ["Sam Altman"], depth=2).nodes) == {ALTMAN, OPENAI, MICROSOFT}


def test_neighbourhood_within_one_article(store):
    view = entity_view(store, ["Meta"], graph="openai-microsoft.en")
    assert set(view.nodes) == {META, ZUCK}


def test_unknown_entity_suggests_names(store):
    with pytest.raises(KgError, match=r"no entity named 'Scale'; did you mean: Scale AI\?"):
        entity_view(store, ["Scale"])
    with pytest.raises(KgError, match="`kg query people`"):
        entity_view(store, ["nobody at all"])
