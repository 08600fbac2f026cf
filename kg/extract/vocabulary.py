"""The ordinary words of a language: what a capitalised sentence-initial word may just be.

spaCy's lemma lookup tables (the `spacy-lookups-data` package, shipped with the project's
dependencies, nothing downloaded) list tens of thousands of inflected words with their
lemmas; together with spaCy's stop words and the words of our own lexicons they tell
"Gesekan internal …" (friction) from "Kopiloka didirikan …" (a name). The words the
patterns spell out ("kursi", "jabatan") count too.
"""

import re
from functools import lru_cache

from spacy.lookups import load_lookups
from spacy.util import get_lang_class

from kg.extract.lexicon import load_lexicon


class Vocabulary:
    """Membership of ordinary words: inflected forms (the table's keys), lemmas, stop words."""

    def __init__(self, lang: str):
        self._table = load_lookups(lang, ["lemma_lookup"]).get_table("lemma_lookup")
        words = {str(v).lower() for v in self._table.values()}
        words |= set(get_lang_class(lang).Defaults.stop_words)
        lexicon = load_lexicon(lang)
        literals = [re.findall(r"[a-z][a-z-]+", p.get("p", "")) for p in lexicon.patterns]
        cues = [lexicon.entities.get(k, []) for k in (
                "org_cues", "product_cues", "place_cues", "person_cues", "org_apposition",
                "person_apposition", "org_description_heads", "person_description_heads")]
        for phrases in literals + list(lexicon.words.values()) + cues:
            for phrase in phrases:
                words.update(w for w in phrase.lower().split() if w.isalpha())
        self._words = frozenset(words)

    def __contains__(self, word: str) -> bool:
        word = word.lower()
        return word in self._words or word in self._table


@lru_cache(maxsize=4)
def vocabulary(lang: str) -> Vocabulary:
    """The ordinary words of `lang`, loaded once per process."""
    return Vocabulary(lang)
