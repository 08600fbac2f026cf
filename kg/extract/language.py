"""Which language an article is written in, from the function words it uses."""

import re

from kg.extract.lexicon import available_languages, load_lexicon

WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, default: str = "id") -> str:
    """The language whose marker words are most frequent in `text` ("id" or "en")."""
    words = [w.lower() for w in WORD.findall(text[:20000])]
    best, best_score = default, 0.0
    for lang in available_languages():
        markers = set(load_lexicon(lang).words_of("language_markers"))
        score = sum(w in markers for w in words) / max(len(words), 1)
        if score > best_score:
            best, best_score = lang, score
    return best
