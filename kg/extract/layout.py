"""Which parts of an article are running text worth reading for facts.

Headlines, section headings, bylines and datelines are written in Title Case or as fragments:
reading them for names would turn every capitalised word into an entity. Only body
paragraphs are read, with any dateline ("JAKARTA, Site.id – ") cut from their start.
"""

import re

PARAGRAPH = re.compile(r"[^\n]+")
SENTENCE_END = frozenset(".!?…\"”’)")  # the last character of a sentence, spaces aside
# "JAKARTA, Example.id – ", "Example.id - ": a short lead-in ended by a dash.
DATELINE = re.compile(r"^\s*(?P<lead>[^–—\-\n]{2,60}?)\s+(?:--|[–—-])\s+")  # "(Wire) -- "
DOMAIN = re.compile(r"\b[\w-]+\.(?:id|com|co|net|org|news|io|tv)\b", re.IGNORECASE)
MIN_BODY_WORDS = 6
DATELINE_WORDS = 8  # a place of three or four words, a date of two, a source
LONG_PARAGRAPH = 25


def body_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the body paragraphs, datelines removed."""
    spans = []
    for match in PARAGRAPH.finditer(text):
        start, end = match.span()
        paragraph = match.group()
        if not is_body(paragraph):
            continue
        dateline = DATELINE.match(paragraph)
        if dateline and _is_dateline(dateline.group("lead")):
            start += dateline.end()
        spans.append((start, end))
    return spans


def is_body(paragraph: str) -> bool:
    """Running text: long enough and ending like a sentence, not a Title Case heading.

    A sentence dense with names can have most words capitalised; a heading has nearly all,
    and seldom ends with a full stop. A long paragraph may have lost its final stop.
    """
    words = paragraph.split()
    if len(words) < MIN_BODY_WORDS:
        return False
    alphabetic = [w for w in words if w[:1].isalpha()]
    share = sum(w[0].isupper() for w in alphabetic) / max(len(alphabetic), 1)
    if paragraph.rstrip()[-1:] in SENTENCE_END:
        return share < 0.85
    return len(words) >= LONG_PARAGRAPH and share < 0.5


def _is_dateline(lead: str) -> bool:
    """"JAKARTA, Site.id", "Jakarta (Warta BUMN)", "HO CHI MINH CITY, Oct 23 (Reuters)",
    "kumparanBISNIS": a place, a date and a source, every word with a capital."""
    words = lead.replace(",", " ").replace("(", " ").replace(")", " ").split()
    return bool(DOMAIN.search(lead)) or (
        0 < len(words) <= DATELINE_WORDS
        and all(not w[:1].isalpha() or not w.islower() for w in words))


def title_of(text: str) -> str:
    """The first non-empty line: the headline."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
