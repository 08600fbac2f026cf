"""newskg: read news articles, extract facts, keep them as RDF in an Oxigraph store."""

__version__ = "0.1.0"
