"""The RDF terms every part of kg writes or reads, as pyoxigraph nodes.

The IRIs themselves live in `kg.vocab` as strings; this module only makes nodes of the ones
used in many places, so that they are spelled once. It imports pyoxigraph alone, so the
store and the commands that never extract can use it without loading the extractor.
"""

from pyoxigraph import NamedNode

from kg.vocab import PREFIXES

RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
RDFS_LABEL = NamedNode(PREFIXES["rdfs"] + "label")
SKOS_ALT = NamedNode(PREFIXES["skos"] + "altLabel")
SKOS_PREF = NamedNode(PREFIXES["skos"] + "prefLabel")
