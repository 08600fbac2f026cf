"""Find job titles ("CEO", "kepala ilmuwan", "head of search") in a Doc.

Titles come from the lexicon, as phrases or as shapes ("chief * officer": any word between);
the longest one wins. A title may carry a qualifier after it
("CEO interim"), its abbreviation in parentheses ("Chief Technology Officer (CTO)"), and an
open title ending in "of" takes the lower-case words that follow ("head of search").
"""

from dataclasses import dataclass

from kg.extract.lexicon import Lexicon, Title
from kg.extract.tokens import TokenDoc
from kg.extract.vocabulary import vocabulary

ANY_WORD = "*"  # in a title shape: any one word of letters


@dataclass(frozen=True)
class TitleSpan:
    """A title in the text: its tokens, its words as written, whether it leads."""

    start: int
    end: int
    text: str
    lead: bool


class TitleFinder:
    """The lexicon's titles, and titles made to its shapes, matched case-insensitively."""

    def __init__(self, nlp, lexicon: Lexicon):
        # each title as the tokenizer splits it, in lower case, by its first word: a title is
        # matched where its words stand, as spaCy's PhraseMatcher on LOWER would (the words
        # are compared directly: an article has a few titles among a thousand tokens)
        self.by_first: dict[str, list[tuple[tuple[str, ...], Title | None]]] = {}
        seen: set[tuple[str, ...]] = set()
        for title in lexicon.titles:
            words = tuple(t.lower_ for t in nlp.make_doc(title.text))
            if words and words not in seen:  # the first listed of the same words wins
                seen.add(words)
                self.by_first.setdefault(words[0], []).append((words, title))
        # member titles made to a shape: "chief consumer officer" from "chief * officer";
        # tried after the listed titles, which win over a shape matching the same words
        for shape in lexicon.extra.get("title_shapes", []):
            words = tuple(w.lower() for w in shape.split())
            self.by_first.setdefault(words[0], []).append((words, None))
        # words that continue a title, by their first word; in lexicon order, as the first
        # listed that fits wins
        self.after: dict[str, list[tuple[int, list[str]]]] = {}
        for n, entry in enumerate(lexicon.title_after):
            words = entry.lower().split()
            if words:
                self.after.setdefault(words[0], []).append((n, words))
        self.before = sorted((w.lower().split() for w in lexicon.extra.get("title_before", [])),
                             key=len, reverse=True)
        # phrases ending in a title that name no post ("strategic partner": a company)
        self.not_titles = [w.lower().split() for w in lexicon.extra.get("not_titles", [])]
        self.vocabulary = vocabulary(lexicon.lang)
        self.english = vocabulary("en")
        self.openers = {w.lower() for w in lexicon.extra.get("field_openers", [])}
        self.field_articles = {w.lower() for w in lexicon.extra.get("field_articles", [])}
        # where an open title's field ends ("head of research at X", "… until she left")
        self.breaks = {w.lower() for w in lexicon.extra.get("field_breaks", [])}
        # "Direktur Keuangan dan Bisnis": two fields of one title, joined
        self.joiners = {w.lower() for w in lexicon.extra.get("field_joiners", [])}
        # where a field ends: the organization's name begins ("… Tresuri PT Bank …")
        self.org_words = set(lexicon.words_of("org_prefixes") + lexicon.words_of("legal_forms"))

    def find(self, doc: TokenDoc) -> list[TitleSpan]:
        """Non-overlapping titles, longest first."""
        lower = [t.lower_ for t in doc.tokens]
        out = []
        for span_start, span_end, listed in self._matches(doc, lower):
            if any(lower[max(span_end - len(words), 0):span_end] == words
                   for words in self.not_titles):
                continue
            title = listed or Title(doc[span_start:span_end].text, lead=False)
            start = span_start
            for words in self.before:  # longest first
                n = len(words)
                if start >= n and lower[start - n:start] == words:
                    start -= n  # "interim CEO", "Pelaksana Tugas Direktur Utama"
                    break
            end = self._extend(doc, lower, span_start, span_end)
            if doc[end - 1].lower_ == "of":
                end -= 1  # "president of Tidemark AI": the title is "president"
            text = doc[start:end].text
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and doc[end + 1].text.isupper():
                end += 3  # "Chief Technology Officer (CTO)": one title
            out.append(TitleSpan(start, end, text, title.lead))
        return out

    def _matches(self, doc: TokenDoc, lower: list[str]) -> list[tuple[int, int, Title | None]]:
        """Where titles and shapes match, overlaps resolved as spaCy's `filter_spans` does:
        the longest first, of those as long the earliest, in text order."""
        found = []
        for i, word in enumerate(lower):
            for words, title in self.by_first.get(word, ()):
                end = i + len(words)
                if end <= len(lower) and all(
                        w == lower[k] or (w == ANY_WORD and doc.tokens[k].is_alpha)
                        for k, w in enumerate(words[1:], i + 1)):
                    found.append((i, end, title))
        taken: set[int] = set()
        kept = []
        # (sorted is stable, even reversed: of the same words, the listed title comes first)
        for start, end, title in sorted(found, key=lambda f: (f[1] - f[0], -f[0]), reverse=True):
            if start not in taken and end - 1 not in taken:
                kept.append((start, end, title))
                taken.update(range(start, end))
        return sorted(kept, key=lambda f: f[0])

    def _extend(self, doc: TokenDoc, lower: list[str], start: int, end: int) -> int:
        """Where the title matched at `start`..`end` ends with the words that continue it.

        `lower` holds the doc's words in lower case.
        """
        if end + 1 < len(doc) and lower[end] == "of" and lower[end - 1] != "of":
            # "vice president of engineering": the field after "of", as after the title
            for words in self.after.get(lower[end + 1], ()):
                if lower[end + 1:end + 1 + len(words[1])] == words[1]:
                    end += 1 + len(words[1])
                    break
        if lower[end - 1] == "of":  # "head of search", "Head of Product"
            while end < len(doc) and lower[end] not in self.breaks and (
                    _open_word(doc[end].text) or lower[end] in self.vocabulary
                    or lower[end] in self.english):  # titles are often English
                if lower[end] in self.field_articles and end + 1 < len(doc) \
                        and doc[end + 1].text[:1].isupper():
                    # "head of the Toyama plant": a name inside the field, which a noun of
                    # its own ends; "president of the Philippine Stock Exchange": the
                    # organization, no part of the title
                    named = end + 1
                    while named < len(doc) and doc[named].text[:1].isupper():
                        named += 1
                    if named == len(doc) or not _open_word(doc[named].text) \
                            or lower[named] in self.breaks:
                        break
                    end = named
                end += 1
        if lower[end - 1] in self.openers:  # "Kepala Divisi Aktuaria": a title ending in one
            end = self._named_field(doc, end)
        extended, after_field = True, False
        while extended:  # "Direktur Sumber Daya Manusia", "CEO interim"
            extended = False
            joined = after_field and end < len(doc) and lower[end] in self.joiners
            for words in self._after_candidates(lower, end, joined):
                if lower[end:end + len(words)] == words:
                    end += len(words)
                    extended = after_field = True
                    break
                if joined and lower[end + 1:end + 1 + len(words)] == words \
                        and doc[end + 1].text[:1].isupper():
                    end += 1 + len(words)  # "… Kepatuhan dan Manajemen Risiko"
                    extended = True
                    break
            if not extended and end < len(doc) and lower[end] in self.openers:
                # "Deputi Bidang Infrastruktur Bisnis": the field's own words
                end = self._named_field(doc, end + 1)
                extended = True
        return end

    def _named_field(self, doc: TokenDoc, end: int) -> int:
        """Where the capitalised words of a field after its opener, from `end`, end: before
        an organization's name ("… Tresuri PT Bank …", "… Produksi TKPR", an acronym no
        field word is)."""
        while end < len(doc) and doc[end].text[:1].isupper() \
                and doc[end].text not in self.org_words and not (
                    len(doc[end].text) > 1 and doc[end].text.isupper()
                    and doc[end].lower_ not in self.after):
            end += 1
        return end

    def _after_candidates(self, lower: list[str], end: int, joined: bool) -> list[list[str]]:
        """The lexicon's continuations that may follow at `end`: those starting with the word
        there, and after a joiner ("dan") those starting with the next word, in lexicon order."""
        found = self.after.get(lower[end], []) if end < len(lower) else []
        if joined and end + 1 < len(lower):
            found = sorted(found + self.after.get(lower[end + 1], []))
        return [words for _, words in found]


def _open_word(text: str) -> bool:
    return text.isalpha() and (text.islower() or (text.isupper() and len(text) <= 3))
