"""Turn each sentence into the string the patterns read, resolving what refers back.

Every mention becomes a placeholder `KIND#n`; so do titles, amounts, percentages and ages.
Pronouns ("ia", "he"), the clitic "-nya" on certain nouns, and descriptions ("perusahaan
tersebut", "the search giant") become placeholders of the entity they refer to: the first
fitting person earlier in the same sentence (or the nearest fitting organization), else the
first one of the nearest sentence before that has one (the subject is the likeliest
antecedent in news prose).
"""

from dataclasses import dataclass

from spacy.tokens import Span

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.model import Entity
from kg.extract.numbers import Quantity
from kg.extract.patterns import placeholder
from kg.extract.titles import TitleSpan

CODES = {"Person": "PER", "Organization": "ORG", "Product": "PROD", "Place": "PLACE"}
QUANTITY_CODES = {"money": "MONEY", "percent": "PCT", "age": "AGE"}
LOOKBACK = 4  # sentences an anaphor may reach back


@dataclass
class Slot:
    """What a placeholder stands for."""

    code: str
    start: int  # character offsets of the words it replaced
    end: int
    entity: Entity | None = None
    title: TitleSpan | None = None
    quantity: Quantity | None = None
    anaphor: bool = False


@dataclass
class Encoded:
    """One sentence as the patterns see it."""

    text: str  # " tok tok PER#0 tok … "
    slots: list[Slot]
    start: int  # the sentence's character span
    end: int


class Encoder:
    """Encodes sentences in article order, remembering recent entities for anaphora."""

    def __init__(self, lexicon: Lexicon):
        w = lexicon.words_of
        self.person_pronouns = set(w("person_pronouns"))
        self.org_pronouns = set(w("org_pronouns"))
        self.clitic = lexicon.entities.get("clitic", "")
        self.clitic_nouns = set(w("clitic_nouns"))
        self.clitic_person_nouns = set(w("clitic_person_nouns"))
        self.org_heads = set(w("org_description_heads"))
        self.person_heads = set(w("person_description_heads"))
        self.demonstratives = set(w("demonstratives"))
        self.definite = set(w("definite_articles"))
        self.history: list[list[Entity]] = []
        self._inside_description_until = -1  # token index of the demonstrative closing one

    def encode(self, sent: Span, mentions: list[Mention], titles: list[TitleSpan],
               quantities: list[Quantity]) -> Encoded:
        """Encode one sentence; call in article order."""
        doc = sent.doc
        starts: dict[int, tuple[int, Slot]] = {}
        for m in mentions:
            starts[m.start] = (m.end, self._slot(CODES[m.entity.kind], doc, m.start, m.end,
                                                 entity=m.entity))
        for t in titles:
            starts.setdefault(t.start, (t.end, self._slot("TITLE", doc, t.start, t.end,
                                                          title=t)))
        for q in quantities:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and span.start >= sent.start and span.end <= sent.end:
                starts.setdefault(span.start, (span.end, Slot(QUANTITY_CODES[q.kind], q.start,
                                                              q.end, quantity=q)))
        tokens, slots, seen = [], [], []
        i = sent.start
        while i < sent.end:
            if i in starts:
                end, slot = starts[i]
                tokens.append(placeholder(slot.code, len(slots)))
                slots.append(slot)
                if slot.entity is not None:
                    seen.append(slot.entity)
                i = end
                continue
            tok = doc[i]
            words = self._words(doc, i, sent, seen)
            for word, slot in words:
                if slot is None:
                    tokens.append(word)
                else:
                    tokens.append(placeholder(slot.code, len(slots)))
                    slots.append(slot)
                    seen.append(slot.entity)
            if not words and not tok.is_space:
                tokens.append(tok.lower_.replace("#", ""))
            i += 1
        self.history.append(seen)
        return Encoded(" " + " ".join(tokens) + " ", slots, sent.start_char, sent.end_char)

    def _words(self, doc, i: int, sent: Span, seen: list[Entity]):
        """Anaphors at token i, as (word, slot) pairs; empty when token i is a plain word."""
        tok = doc[i]
        low = tok.lower_
        if low in self.person_pronouns:
            return [(None, s) for s in [self._anaphor(tok, ("Person",), seen)] if s] or []
        if low in self.org_pronouns:
            return [(None, s) for s in [self._anaphor(tok, ("Organization",), seen)] if s] or []
        noun = low[:-len(self.clitic)] if self.clitic and low.endswith(self.clitic) else ""
        if noun and (noun in self.clitic_nouns or noun in self.clitic_person_nouns
                     or noun in self.org_heads):
            kinds = (("Organization",) if noun in self.org_heads else
                     ("Person",) if noun in self.clitic_person_nouns else
                     ("Person", "Organization"))
            slot = self._anaphor(tok, kinds, seen)
            return [(noun, None), (None, slot)] if slot else []
        if (low in self.org_heads or low in self.person_heads) \
                and i > self._inside_description_until:
            kinds = ("Organization",) if low in self.org_heads else ("Person",)
            if self._is_description(doc, i, sent):
                slot = self._anaphor(tok, kinds, seen)
                return [(None, slot)] if slot else []
        return []

    def _is_description(self, doc, i: int, sent: Span) -> bool:
        """Is the noun at token i the head of a description of something named before?

        "perusahaan (…) tersebut": a demonstrative closes it a few words on; "the (search)
        giant": a definite article opens it a few words back, and no name follows.
        """
        for j in range(i + 1, min(sent.end, i + 10)):
            if doc[j].lower_ in self.demonstratives:
                self._inside_description_until = j
                return True
            if doc[j].text in {".", ",", ";", ":"} or doc[j].lower_ in self.org_heads \
                    or doc[j].lower_ in self.person_heads:
                break  # the demonstrative belongs to a nearer head
        nxt = doc[i + 1].text if i + 1 < sent.end else ""
        if nxt[:1].isupper() or nxt.lower() == "of":
            return False
        for j in range(i - 1, max(sent.start, i - 7) - 1, -1):
            if doc[j].lower_ in self.definite:
                return True
            if not doc[j].text[:1].isalnum() and doc[j].text != "-":
                break
        return False

    def _anaphor(self, tok, kinds: tuple[str, ...], seen: list[Entity]) -> Slot | None:
        # Within the sentence a pronoun points to the subject (the first person named), a
        # description to the nearest fitting name; across sentences, to the subject.
        ordered = seen if "Person" in kinds else list(reversed(seen))
        entity = next((e for e in ordered if e.kind in kinds), None)
        if entity is None:
            for earlier in reversed(self.history[-LOOKBACK:]):
                entity = next((e for e in earlier if e.kind in kinds), None)
                if entity:
                    break
        if entity is None:
            return None
        return Slot(CODES[entity.kind], tok.idx, tok.idx + len(tok.text), entity=entity,
                    anaphor=True)

    def _slot(self, code: str, doc, start: int, end: int, **kw) -> Slot:
        span = doc[start:end]
        return Slot(code, span.start_char, span.end_char, **kw)
