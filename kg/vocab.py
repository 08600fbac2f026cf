"""The IRIs the project mints: ontology terms, entities, articles, sentences and statements.

Entity IRIs are readable and stable: minted from the entity's type and canonical name, so
the same person named the same way in two articles is one node.
"""

import hashlib
import re
import unicodedata
from functools import lru_cache

BASE = "https://w3id.org/newskg/"
ONTOLOGY = BASE + "ontology"  # the ontology's IRI, and the named graph it is loaded into
NKG = ONTOLOGY + "#"
ENTITY = BASE + "id/"
ARTICLE = BASE + "article/"
SENTENCE = BASE + "sentence/"
STATEMENT = BASE + "statement/"
INDEX = BASE + "index"  # the entity index's graph (kg.index), derived from the articles
ENTITY_KINDS = ("person", "organization", "product", "place", "investment", "acquisition")

PREFIXES = {
    "nkg": NKG,
    **{kind: f"{ENTITY}{kind}/" for kind in ENTITY_KINDS},
    "article": ARTICLE,
    "sentence": SENTENCE,
    "statement": STATEMENT,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}


def term(local_name: str) -> str:
    """IRI of an ontology term, e.g. `term("reportsTo")`."""
    return NKG + local_name


@lru_cache(maxsize=1 << 16)  # every statement of an entity names it again
def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "José Núñez" -> "jose-nunez"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def entity_iri(kind: str, name: str) -> str:
    """IRI of an entity of class `kind` ("Person", "Organization", ...) named `name`."""
    return f"{ENTITY}{kind.lower()}/{slugify(name)}"


def article_iri(article_id: str) -> str:
    """IRI of an article, which is also the named graph holding its facts."""
    return ARTICLE + slugify(article_id)


def sentence_iri(article_id: str, start: int, end: int) -> str:
    """IRI of the span `start`..`end` (character offsets) of an article's text."""
    return f"{SENTENCE}{slugify(article_id)}-{start}-{end}"


def statement_iri(article_id: str, *parts: str) -> str:
    """IRI of the reified statement of one fact; stable for the same fact in the same article."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return f"{STATEMENT}{slugify(article_id)}-{digest}"
