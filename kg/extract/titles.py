"""Find job titles ("CEO", "kepala ilmuwan", "head of search") in a Doc.

Titles come from the lexicon; the longest one wins. A title may carry a qualifier after it
("CEO interim"), its abbreviation in parentheses ("Chief Technology Officer (CTO)"), and an
open title ending in "of" takes the lower-case words that follow ("head of search").
"""

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from kg.extract.lexicon import Lexicon, Title
from kg.extract.tokens import TokenDoc
from kg.extract.vocabulary import vocabulary

# Words that end an open title ("chief of machine learning and …" stops at "and").
OPEN_TITLE_BREAKS = {"and", "at", "for", "in", "on", "with", "to", "who", "which", "that",
                     "since", "from", "will", "would", "has", "had", "is", "was", "dan", "di",
                     "yang", "pada", "sejak", "untuk", "dari"}


@dataclass(frozen=True)
class TitleSpan:
    """A title in the text: its tokens, its words as written, whether it leads."""

    start: int
    end: int
    text: str
    lead: bool


class TitleFinder:
    """PhraseMatcher over the lexicon's titles, matched case-insensitively."""

    def __init__(self, nlp, lexicon: Lexicon):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles: dict[str, Title] = {}
        for title in lexicon.titles:
            key = title.text.lower()
            self.titles.setdefault(key, title)
            self.matcher.add(key, [nlp.make_doc(title.text)])
        self.after = [w.lower().split() for w in lexicon.title_after]
        self.before = [w.lower().split() for w in lexicon.extra.get("title_before", [])]
        self.vocabulary = vocabulary(lexicon.lang)
        self.english = vocabulary("en")
        self.openers = {w.lower() for w in lexicon.extra.get("field_openers", [])}
        # "Direktur Keuangan dan Bisnis": two fields of one title, joined
        self.joiners = {w.lower() for w in lexicon.extra.get("field_joiners", [])}
        # where a field ends: the organization's name begins ("… Tresuri PT Bank …")
        self.org_words = set(lexicon.words_of("org_prefixes") + lexicon.words_of("legal_forms"))

    def find(self, doc: TokenDoc) -> list[TitleSpan]:
        """Non-overlapping titles, longest first."""
        spans = filter_spans(self.matcher(doc.spacy, as_spans=True))
        out = []
        for span in spans:
            title = self.titles[span.label_]
            start = span.start
            for words in sorted(self.before, key=len, reverse=True):
                n = len(words)
                if start >= n and [t.lower_ for t in doc[start - n:start]] == words:
                    start -= n  # "interim CEO", "Pelaksana Tugas Direktur Utama"
                    break
            end = self._extend(doc, span.start, span.end)
            if doc[end - 1].lower_ == "of":
                end -= 1  # "president of Tidewater AI": the title is "president"
            text = doc[start:end].text
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and doc[end + 1].text.isupper():
                end += 3  # "Chief Technology Officer (CTO)": one title
            out.append(TitleSpan(start, end, text, title.lead))
        return out

    def _extend(self, doc: TokenDoc, start: int, end: int) -> int:
        if doc[end - 1].lower_ == "of":  # "head of search", "Head of Product"
            while end < len(doc) and doc[end].lower_ not in OPEN_TITLE_BREAKS and (
                    _open_word(doc[end].text) or doc[end].lower_ in self.vocabulary
                    or doc[end].lower_ in self.english):  # titles are often English
                end += 1
        extended, after_field = True, False
        while extended:  # "Direktur Sumber Daya Manusia", "CEO interim"
            extended = False
            for words in self.after:
                if [t.lower_ for t in doc[end:end + len(words)]] == words:
                    end += len(words)
                    extended = after_field = True
                    break
                if after_field and end < len(doc) and doc[end].lower_ in self.joiners and \
                        [t.lower_ for t in doc[end + 1:end + 1 + len(words)]] == words \
                        and doc[end + 1].text[:1].isupper():
                    end += 1 + len(words)  # "… Kepatuhan dan Manajemen Risiko"
                    extended = True
                    break
            if not extended and end < len(doc) and doc[end].lower_ in self.openers:
                end += 1  # "Deputi Bidang Infrastruktur Bisnis": the field's own words
                while end < len(doc) and doc[end].text[:1].isupper() \
                        and doc[end].text not in self.org_words:
                    end += 1
                extended = True
        return end


def _open_word(text: str) -> bool:
    return text.isalpha() and (text.islower() or (text.isupper() and len(text) <= 3))
