"""Turn each sentence into the string the patterns read, resolving what refers back.

Every mention becomes a placeholder `KIND#n`; so do titles, amounts, percentages and ages.
Words that refer back become placeholders of the entity they refer to:
- pronouns ("ia", "he", "it") and the clitic "-nya" on certain nouns point to the subject:
  the first fitting entity earlier in the sentence, else the first one of the nearest
  sentence before that has one (the subject is the likeliest antecedent in news prose);
- descriptions ("perusahaan tersebut", "the search giant", "the 53-year-old engineer")
  point to the nearest fitting entity earlier in the sentence, else to the subject before;
- plural pronouns ("both", "keduanya") stand for the two entities of one kind named last;
- a possessed organization ("perusahaan Hartono", "Hartono's company") is the one
  that person leads, if known, else the organization the article is most about.
Which earlier entity fits best is for `salience` to say.

The pipeline reads an article several times, each time knowing more (merged names, settled
kinds, who leads what), and most sentences read the same each time. One encoder serves all the
readings of an article (`begin` starts each) and keeps every sentence's last encoding, which
it reuses when everything that encoding was made from is unchanged: the entities of the
sentence's mentions, the article's first organization, and, only if the encoding read them,
the entities of the sentences before (with their kinds and names) and who leads what.
"""

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.model import Entity
from kg.extract.numbers import Quantity, load_numbers_lexicon
from kg.extract.patterns import placeholder, present
from kg.extract.salience import LOOKBACK, Salience
from kg.extract.titles import TitleSpan
from kg.extract.tokens import Tok, TokenDoc, TokSpan

CODES = {"Person": "PER", "Organization": "ORG", "Product": "PROD", "Place": "PLACE"}
QUANTITY_CODES = {"money": "MONEY", "percent": "PCT", "age": "AGE"}
DESCRIPTION_REACH = 11  # words between a description's head noun and its demonstrative
MAX_BARE_NUMBER = 120
QUANTITY_KEEP = {"AGE", "MONEY", "PCT", "NUM", "PLACE", "-based"}  # kept when one collapses


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

    # its words and placeholder kinds (see `patterns.present`), which pick the patterns to try:
    # worked out once, as every stage and every reading that reuses the encoding asks
    words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.words = present(self.text)


@dataclass
class Memo:
    """One sentence's encoding, with what it was made from and what it left behind."""

    inputs: tuple  # the state of its mentions' entities and of the first organization
    window: tuple | None  # the state of the sentences before, if a word referred back
    context: tuple | None  # who leads what and the dominant organization, if it read them
    encoded: Encoded
    seen: list[Entity]  # the entities it named, for the sentences after
    first_org: Entity | None
    possessives: list[tuple[Entity, Entity, int]] = field(default_factory=list)


class Encoder:
    """Encodes sentences in article order, remembering recent entities for anaphora."""

    def __init__(self, lexicon: Lexicon, owners: dict[int, Entity] | None = None,
                 dominant: Entity | None = None):
        w = lexicon.words_of
        # sentence start -> its last encoding, kept from one reading of the article to the next
        self.memo: dict[int, Memo] = {}
        # sentence start -> its tokens as plain words (see `_plain_words`), for every reading
        self._plain: dict[int, tuple[list[str | None], list[int]]] = {}
        self._toks: list[Tok] = []  # the tokens of the article being encoded
        # sentence start -> its quantities with the tokens they cover, for every reading
        self._quantities: dict[int, list[tuple[Quantity, tuple[int, int]]]] = {}
        self.head_first = bool(lexicon.entities.get("head_first", False))
        self.person_pronouns = set(w("person_pronouns"))
        self.org_pronouns = set(w("org_pronouns"))
        self.plural_pronouns = set(w("plural_pronouns"))
        self.possessive_pronouns = set(w("possessive_pronouns"))
        self.clitic = lexicon.entities.get("clitic", "")
        self.clitic_nouns = set(w("clitic_nouns"))
        self.clitic_person_nouns = set(w("clitic_person_nouns"))
        self.org_heads = set(w("org_description_heads"))
        self.company_heads = set(w("company_heads"))
        self.person_heads = set(w("person_description_heads"))
        self.demonstratives = set(w("demonstratives"))
        self.time_words = set(w("time_before_demonstrative"))
        self.naming_words = set(w("naming_words"))
        self.definite = set(w("definite_articles"))
        self.post_words = {p for p in lexicon.words.get("serve", []) + lexicon.words.get("as", [])
                           if " " not in p}
        self.plural_determiners = set(w("plural_determiners"))
        self.bare_followers = set(w("bare_followers"))
        self.calendar = {c.lower() for c in w("calendar")}
        self.degrees = {d.lower() for d in w("degrees")}
        self.honorifics = {h.lower() for h in w("honorifics")}
        self.clause_breaks = set(w("clause_breaks"))
        self.relatives = set(lexicon.words.get("rel", []))  # "which", "who", "yang"
        self.opening_prepositions = set(w("opening_prepositions"))
        self.issuer_nouns = set(w("issuer_nouns"))
        self.former = {f.lower() for f in lexicon.extra.get("title_former", [])}
        # "dahulu", "formerly": a name after them is a former one
        self.former_times = {f for f in lexicon.words.get("former", []) if " " not in f}
        self.number_words = set(load_numbers_lexicon(lexicon.lang).values)
        self.head_forms = dict(lexicon.entities.get("head_forms", {}))
        self.listed_forms = set(w("listed_forms"))  # "… Tbk": a company on the exchange
        self.say_words = set(w("person_after"))  # "said", "told": words of reporting
        self.verb_shapes = [re.compile(x) for x in w("verb_shapes")]
        # words that may refer back, or begin a head noun of several words: the rest are
        # plain words and skip the checks below
        # "aplikasi itu", "the app": a product named before
        self.product_heads = set(w("product_description_heads")) - self.org_heads
        heads = self.heads = self.org_heads | self.person_heads | self.product_heads
        self.maybe_referring = (self.person_pronouns | self.org_pronouns | self.plural_pronouns
                                | self.company_heads | heads
                                | {h[:k] for h in heads for k, c in enumerate(h) if c in " -"})
        # words whose reading depends on the words around them
        self.unplain = self.maybe_referring | self.honorifics | self.degrees | {
            h.split()[0] for h in self.honorifics}  # "Tan Sri": its first word
        self.begin(owners, dominant)

    def begin(self, owners: dict[int, Entity] | None = None,
              dominant: Entity | None = None) -> None:
        """Start a reading of the article from its first sentence, knowing who leads what
        (id(person) -> organization) and which organization the article is most about."""
        self.owners = owners or {}
        self.dominant = dominant
        self.possessives: list[tuple[Entity, Entity, int]] = []  # (person, org, char offset)
        self.first_org: Entity | None = None  # the first organization the article names
        self.salience = Salience(self.head_forms)
        self._context: tuple | None = None
        self._consulted = False  # the sentence being encoded read `owners` or `dominant`
        self._looked_back = False  # … or the sentences before it
        self._description_until = -1  # token index of the demonstrative closing one
        self._opened_at: int | None = None  # token index of "the" opening a description
        self._skip_to = -1  # last token of a description read as its head alone

    def encode(self, sent: TokSpan, mentions: list[Mention], titles: list[TitleSpan],
               quantities: list[Quantity]) -> Encoded:
        """Encode one sentence; call in article order."""
        # (a list comprehension: quicker here than a generator)
        inputs = (tuple([_state(m.entity) for m in mentions]), _state(self.first_org))
        memo = self.memo.get(sent.start)
        if memo is not None and memo.inputs == inputs and (
                memo.window is None or memo.window == self._window()) and (
                memo.context is None or memo.context == self.context()):
            self.salience.remember(memo.seen)
            self.first_org = memo.first_org
            self.possessives += memo.possessives
            return memo.encoded
        self._consulted = self._looked_back = False
        # the sentences it may refer back to; encoding changes no entity, so their state can
        # be read after it, and only if a word did refer back
        recent = self.salience.history[-LOOKBACK:]
        known = len(self.possessives)
        encoded = self._encode(sent, mentions, titles, quantities)
        self.memo[sent.start] = Memo(inputs, _states(recent) if self._looked_back else None,
                                     self.context() if self._consulted else None,
                                     encoded, self.salience.history[-1], self.first_org,
                                     self.possessives[known:])
        return encoded

    def _window(self) -> tuple:
        """The state of the entities of the sentences a word may refer back to."""
        return _states(self.salience.history[-LOOKBACK:])

    def context(self) -> tuple:
        """Who leads what and the dominant organization, as an encoding may read them."""
        if self._context is None:
            self._context = (_state(self.dominant),
                             tuple(sorted((k, id(v)) for k, v in self.owners.items())))
        return self._context

    def _encode(self, sent: TokSpan, mentions: list[Mention], titles: list[TitleSpan],
                quantities: list[Quantity]) -> Encoded:
        starts = self._spans(sent.doc, sent, mentions, titles, quantities)
        toks = self._toks = sent.doc.tokens  # (`_clause_start` reads them too)
        plain, runs = self._plain_words(sent)
        slot_starts = sorted(starts)
        self._people = {m.start: m.entity for m in mentions if m.entity.kind == "Person"}
        self._people_ending = {m.end: m.entity for m in mentions if m.entity.kind == "Person"}
        tokens: list[str] = []
        origins: list[int] = []  # the token each encoded word starts at
        slots: list[Slot] = []
        seen: list[Entity] = []

        def put(slot: Slot) -> None:
            if self._opened_at is not None:  # "the (search) giant" becomes the entity alone
                keep = [n for n, o in enumerate(origins) if o < self._opened_at
                        or tokens[n].split("#")[0] in QUANTITY_KEEP]
                tokens[:] = [tokens[n] for n in keep]
                origins[:] = [origins[n] for n in keep]
                self._opened_at = None
            tokens.append(placeholder(slot.code, len(slots)))
            origins.append(i)
            slots.append(slot)
            if slot.entity is not None:
                seen.append(slot.entity)
                self._seen_at.append(i)
                if self.first_org is None and slot.entity.kind == "Organization":
                    self.first_org = slot.entity

        self._seen_at: list[int] = []  # where each entity of `seen` was named
        self._opener_end = self._opening_phrase_end(toks, sent)
        self._possessors: list[Entity] = []  # what each "-nya" pointed to, once per "-nya"
        i = sent.start
        while i < sent.end:
            self._opened_at = None
            if i in starts:
                end, slot = starts[i]
                if slot.title is not None and self._title_describes(toks, i, end, sent):
                    slot = self._anaphor(toks[i], ("Person",), seen, nearest=True) or slot
                put(slot)
                i = self._skip_alias(toks, end, starts, slot)
                continue
            if plain[i - sent.start] is not None and i > self._skip_to:
                # most words: no more to them. Take the whole run of them up to the next
                # placeholder or word that needs a look.
                k = bisect_right(slot_starts, i)
                run_end = min(runs[i - sent.start] + sent.start,
                              slot_starts[k] if k < len(slot_starts) else sent.end)
                tokens += plain[i - sent.start:run_end - sent.start]
                origins += range(i, run_end)
                i = run_end
                continue
            tok = toks[i]
            if tok.is_space or i <= self._skip_to:
                i += 1
                continue
            if honorific := self._honorific_before_name(toks, i, starts):
                i += honorific  # "menggantikan Prof. Ana Lestari", "chairman Tan Sri X":
                continue  # the name is what the rules read
            if tok.lower_ in self.degrees and _after_person(tokens):
                # "dr. Ana Wirjono, Sp.PD (57)": the degree is left out, and its comma
                if tokens[-1] == ",":
                    tokens.pop()
                    origins.pop()
                i += 1
                continue
            if tok.text == "(" and tokens and tokens[-1].split("#")[0] in ("PER", "NAME") \
                    and i + 2 < sent.end and _bare_number(toks[i + 1]) \
                    and toks[i + 2].text == ")":
                # "Yudhistira (36) tetap …" reads as "Yudhistira, 36, tetap …"
                tokens.append(",")
                origins.append(i)
                i += 1
                put(_number_slot(toks[i]))
                tokens.append(",")
                origins.append(i)
                i += 2
                continue
            if _bare_number(tok):
                # "Alan Reed, 47, …": a bare small number may be an age
                put(_number_slot(tok))
                i += 1
                continue
            if self._plain_word(tok):
                if self._word(tokens, toks, i, _word_of(tok, self.calendar)):
                    origins.append(i)
                i += 1
                continue
            compound = self._compound(toks, i, sent)
            refs = self._references(toks, i, sent, seen, compound[0] if compound else None)
            if refs is None:
                if self._word(tokens, toks, i, _word_of(tok, self.calendar)):
                    origins.append(i)
            else:
                for word, slot in refs:
                    if slot is None:
                        tokens.append(word)
                        origins.append(i)
                    else:
                        put(slot)
                i += compound[1] if compound else 0  # "start - up" was read as one word
            i += 1
        # an opening phrase names no subject: for the sentences after, what it named comes last
        if self._opener_end is not None:
            seen = [e for e, at in sorted(zip(seen, self._seen_at, strict=False),
                                          key=lambda named: named[1] < self._opener_end)]
        # "Posisinya diisi Y": who "-nya" points to owns the subject, is not it; for the
        # sentences after, the entities named in their own right come first
        if self._possessors:
            pointed = Counter(id(e) for e in self._possessors)
            named = Counter(id(e) for e in seen)
            behind = {k for k, n in pointed.items() if named[k] <= n}
            seen = [e for e in seen if id(e) not in behind] + [
                e for e in seen if id(e) in behind]
        self.salience.remember(seen)
        return Encoded(" " + " ".join(tokens) + " ", slots, sent.start_char, sent.end_char)

    def _honorific_before_name(self, toks: list[Tok], i: int, starts) -> int:
        """The number of tokens of an honorific at `i` right before a person's name, or 0."""
        for n in (1, 2, 3):
            if i + n in starts and starts[i + n][1].code in ("PER", "NAME") and " ".join(
                    t.lower_ for t in toks[i:i + n]) in self.honorifics:
                return n
        return 0

    def _opening_phrase_end(self, toks: list[Tok], sent: TokSpan) -> int | None:
        """The comma closing a phrase a preposition opens the sentence with ("Dalam
        keterbukaan informasi di BEI, …", "Under Kurohane, …"), if any: a phrase with no word
        that refers back and no verb ("Sejak 2021 perseroan bermitra dengan X, …" and "At
        Kavindra he will oversee Reflexa, …" are clauses), where a name is followed by nothing but
        a preposition or the comma."""
        if toks[sent.start].lower_ not in self.opening_prepositions:
            return None
        for k in range(sent.start + 1, sent.end):
            word = toks[k].lower_
            if word == ",":
                return k
            if word in self.maybe_referring or any(shape.match(word)
                                                   for shape in self.verb_shapes):
                return None
            if toks[k].text[:1].isupper() and k + 1 < sent.end \
                    and toks[k + 1].text[:1].islower() \
                    and toks[k + 1].lower_ not in self.opening_prepositions:
                return None  # "In September Kavindra set up X, …": a name and its verb
        return None

    @staticmethod
    def _skip_alias(toks: list[Tok], end: int, starts, slot: Slot) -> int:
        """"PT Bank Lembah Sejahtera Tbk (BLSJ) resmi …": the alias in brackets adds nothing."""
        if end + 2 < len(toks) and toks[end].text == "(" and end + 1 in starts:
            inner_end, inner = starts[end + 1]
            if inner.entity is not None and inner.entity is slot.entity \
                    and inner_end < len(toks) and toks[inner_end].text == ")":
                return inner_end + 1
        return end

    def _spans(self, doc: TokenDoc, sent: TokSpan, mentions, titles, quantities):
        toks = doc.tokens
        starts: dict[int, tuple[int, Slot]] = {}
        for m in mentions:
            starts[m.start] = (m.end, Slot(_code(m.entity), toks[m.start].idx,
                                           _end_char(toks, m.end), entity=m.entity))
        for t in titles:
            starts.setdefault(t.start, (t.end, Slot("TITLE", toks[t.start].idx,
                                                    _end_char(toks, t.end), title=t)))
        for q, span in self._quantity_spans(doc, sent, quantities):
            starts.setdefault(span[0], (span[1], Slot(QUANTITY_CODES[q.kind], q.start, q.end,
                                                      quantity=q)))
        return starts

    def _quantity_spans(self, doc: TokenDoc, sent: TokSpan,
                        quantities: list[Quantity]) -> list[tuple[Quantity, tuple[int, int]]]:
        """The sentence's quantities with the tokens they cover; the same in every reading."""
        found = self._quantities.get(sent.start)
        if found is None:
            found = self._quantities[sent.start] = []
            for q in quantities:
                span = doc.char_span(q.start, q.end, alignment_mode="expand")
                if span is not None and span.start >= sent.start and span.end <= sent.end:
                    found.append((q, (span.start, span.end)))
        return found

    def _plain_words(self, sent: TokSpan) -> tuple[list[str | None], list[int]]:
        """Each token of the sentence as the encoded word it is wherever it stands, or None if
        that depends on the words around it; and where each run of such words ends. The same
        in every reading: worked out once."""
        found = self._plain.get(sent.start)
        if found is None:
            words = self._standalone(sent)
            # for each token, where the run of plain words from it ends (its own offset if it
            # is none): runs of them are copied at once
            runs = [0] * len(words)
            end = len(words)
            for k in range(len(words) - 1, -1, -1):
                if words[k] is None:
                    end = k
                runs[k] = end
            found = self._plain[sent.start] = (words, runs)
        return found

    def _standalone(self, sent: TokSpan) -> list[str | None]:
        """Each token as a plain encoded word, if it reads so wherever it stands: not a space,
        a bracket or a small number, no word that may refer back, no honorific or degree, not
        joined to the word before by a hyphen (see `_word`); else None."""
        # one loop with the checks inlined: it runs for every token of the article
        toks = sent.doc.tokens
        unplain, clitic, calendar = self.unplain, self.clitic, self.calendar
        words: list[str | None] = []
        for i in range(sent.start, sent.end):
            tok = toks[i]
            low, text = tok.lower_, tok.text
            if low in unplain or text == "(" or text.isspace() \
                    or (clitic and low.endswith(clitic)) \
                    or (text[:1].isdigit() and _bare_number(tok)) \
                    or (i > 0 and not toks[i - 1].whitespace_
                        and (text == "-" or toks[i - 1].text == "-")):
                words.append(None)
            elif "#" in low or (low in calendar and text[:1].isupper()):
                words.append(_word_of(tok, calendar))  # the rare words with more to them
            else:
                words.append(low)
        return words

    def _plain_word(self, tok: Tok) -> bool:
        """Is the token no word that may refer back?"""
        return tok.lower_ not in self.maybe_referring and not (
            self.clitic and tok.lower_.endswith(self.clitic))

    def _word(self, tokens: list[str], toks: list[Tok], i: int, word: str) -> bool:
        """Add a plain word; "co - founded" as the text wrote it, "co-founded", is one word.
        True when it starts a new encoded word, False when it joined the one before."""
        tok = toks[i]
        prev = toks[i - 1] if i > 0 else None
        if tokens and "#" not in tokens[-1] and prev is not None and not prev.whitespace_ \
                and (tok.text == "-" or prev.text == "-") and tokens[-1][-1:].isalnum() | (
                    tokens[-1].endswith("-")):
            tokens[-1] += word
            return False
        tokens.append(word)
        return True

    def _compound(self, toks: list[Tok], i: int, sent: TokSpan) -> tuple[str, int] | None:
        """A head noun of several tokens at i: "start - up" as the tokenizer split it, or
        "anak usaha"; with how many tokens past i it takes."""
        heads = self.heads
        if i + 2 < sent.end and toks[i + 1].text == "-" and not toks[i].whitespace_ \
                and not toks[i + 1].whitespace_:
            word = f"{toks[i].lower_}-{toks[i + 2].lower_}"
            if word in heads:
                return word, 2
        if i + 1 < sent.end and f"{toks[i].lower_} {toks[i + 1].lower_}" in heads:
            return f"{toks[i].lower_} {toks[i + 1].lower_}", 1
        return None

    def _references(self, toks: list[Tok], i: int, sent: TokSpan, seen: list[Entity],
                    compound: str | None = None):
        """Placeholders for a word that refers back, as (word, slot) pairs; None if it doesn't."""
        tok = toks[i]
        low = compound or tok.lower_
        if low in self.person_pronouns or low in self.org_pronouns:
            kind = "Person" if low in self.person_pronouns else "Organization"
            slot = self._anaphor(tok, (kind,), seen)
            if slot and low in self.possessive_pronouns:  # "its chief executive": "X 's …"
                return [(None, slot), ("'s", None)]
            return self._one(slot)
        if low in self.plural_pronouns:
            return self._plural(tok, seen)
        noun = low[:-len(self.clitic)] if self.clitic and low.endswith(self.clitic) else ""
        if noun and i > sent.start and f"{toks[i - 1].lower_} {noun}" in self.org_heads:
            noun = f"{toks[i - 1].lower_} {noun}"  # "anak usahanya": a head of two words
        if noun and (noun in self.clitic_nouns or noun in self.clitic_person_nouns
                     or noun in self.org_heads):
            kinds = (("Organization",) if noun in self.org_heads else
                     ("Person",) if noun in self.clitic_person_nouns else
                     ("Person", "Organization"))
            # ("X menyiapkan IPO anak usahanya": its owner may well be the clause's subject)
            slot = self._anaphor(tok, kinds, seen, nearest=noun in self.org_heads,
                                 own_subject=True)
            if " " in noun and slot is not None and slot.entity not in seen:
                # "anak usahanya" with no company named in the sentence: the one the
                # article is about owns it, once known
                slot = self._article_company(tok) or slot
            if slot:
                self._possessors.append(slot.entity)
            # (of a head of two words, the first was read already)
            return [(noun.split()[-1], None), (None, slot)] if slot else None
        if low in self.company_heads and (owned := self._possessed(toks, i)):
            return self._one(owned)
        if low in self.org_heads and i > sent.start and toks[i - 1].lower_ in \
                self.plural_determiners:  # "kedua perusahaan": both companies
            return self._plural(tok, seen, ("Organization",))
        if low in self.heads and i > self._description_until:
            kinds = ("Organization",) if low in self.org_heads else \
                ("Person",) if low in self.person_heads else ("Product",)
            width = 1 + (len(compound.replace("-", " - ").split()) - 1 if compound else 0)
            if self._naming_follows(toks, i + width, sent):
                return None  # "perusahaan patungan bernama X itu" is X, named here
            if kinds == ("Product",):
                if self._product_description(toks, i, sent, width):
                    return self._one(self._anaphor(tok, kinds, seen, nearest=True, head=low))
                return None
            if self._is_description(toks, i, sent, width):
                # "…, and has hired a CFO from rival Y, the company said": the one saying
                # it is the sentence's subject, not the company named last
                says = i + width < sent.end and toks[i + width].lower_ in self.say_words \
                    and sent.end - (i + width) <= 6  # ("… said on Monday.")
                slot = self._anaphor(tok, kinds, seen, nearest=not says, head=low)
                if low in self.company_heads and (slot is None or slot.entity.unsure):
                    # "the company" where no company was named lately (a name of unknown
                    # kind is none): the one the article is about
                    slot = self._article_company(tok) or slot
                return self._one(slot)
        if low in self.issuer_nouns and self.first_org is not None and self._bare(toks, i, sent):
            # "Perseroan": the company the article named first, whom it is about; unless the
            # sentence before named another listed company alone ("… ekspansi Voltra. Pada
            # Maret lalu, perseroan mengakuisisi …")
            self._looked_back = True  # (its encoding reads the sentence before)
            before = self.salience.history[-1] if self.salience.history else []
            listed = {e for e in before if e.kind == "Organization" and any(
                n.split()[-1] in self.listed_forms for n in e.labels())}
            if not seen and len(listed) == 1 and self.first_org not in before:
                return self._one(_referring(tok, listed.pop()))
            return self._one(_referring(tok, self.first_org))
        if low in self.company_heads and self._bare(toks, i, sent):
            if not any(e.kind == "Organization" for e in seen) and (
                    slot := self._article_company(tok)):
                return self._one(slot)
            return self._one(self._anaphor(tok, ("Organization",), seen, nearest=True))
        return None

    def _article_company(self, tok: Tok) -> Slot | None:
        """A placeholder at `tok` for the organization the article is most about, once known
        (the encoding then reads it)."""
        self._consulted = True
        return _referring(tok, self.dominant) if self.dominant is not None else None

    def _possessed(self, toks: list[Tok], i: int) -> Slot | None:
        """"perusahaan X" (head first) or "X's company": the organization person X leads."""
        owner = None
        if self.head_first:
            owner = self._people.get(i + 1)
        elif i >= 2 and toks[i - 1].lower_ in {"'s", "’s"}:
            owner = self._people_ending.get(i - 1)
        if owner is None:
            return None
        self._consulted = True
        org = self.owners.get(id(owner)) or self.dominant
        if org is None:
            return None
        tok = toks[i]
        self.possessives.append((owner, org, tok.idx))
        return Slot("ORG", tok.idx, tok.idx + len(tok.text), entity=org, anaphor=True)

    @staticmethod
    def _one(slot: Slot | None):
        return [(None, slot)] if slot else None

    def _plural(self, tok: Tok, seen: list[Entity],
                kinds: tuple[str, ...] = ("Person", "Organization")):
        """"Both", "keduanya": two entities of one kind, joined as a list."""
        self._looked_back = True
        pair = self.salience.pair(kinds, seen)
        if pair is None:
            return None
        first, second = (Slot(CODES[e.kind], tok.idx, tok.idx + len(tok.text), entity=e,
                              anaphor=True) for e in pair)
        # "::" keeps the pair from joining a list that runs before it
        return [("::", None), (None, first), (",", None), (None, second)]

    def _bare(self, toks: list[Tok], i: int, sent: TokSpan) -> bool:
        """"ikut mendirikan perusahaan", "perusahaan juga mengembangkan": the company alone,
        in a language without articles, is the one the article is about."""
        if self.definite or i <= self._description_until:
            return False
        if toks[i].lower_ in self.issuer_nouns:  # "saham perseroan senilai …"
            return True
        if i > sent.start and (toks[i - 1].lower_ in self.number_words
                               or toks[i - 1].text.isdigit()):
            return False  # "Dua emiten, PT A dan PT B, …": counted, not referred to
        nxt = toks[i + 1] if i + 1 < sent.end else None
        return nxt is None or not nxt.text[:1].isalpha() or nxt.lower_ in self.bare_followers \
            or any(shape.match(nxt.lower_) for shape in self.verb_shapes)

    def _naming_follows(self, toks: list[Tok], start: int, sent: TokSpan) -> bool:
        """Does a naming word and a name ("bernama X", "called X") follow token `start`,
        after at most two lower-case words ("perusahaan patungan bernama X …")? Not past a
        demonstrative ("perusahaan tersebut sebelumnya bernama X" refers back) or a word of
        former times ("emiten yang dahulu bernama X itu" refers back too)."""
        for j in range(start, min(start + 3, sent.end - 1)):
            word = toks[j].lower_
            if word in self.naming_words:
                return toks[j + 1].text[:1].isupper()  # "named its CFO" is another verb
            if word in self.demonstratives or word in self.former_times \
                    or not (toks[j].is_alpha and toks[j].is_lower):
                return False  # ("emiten yang dahulu bernama X itu": a former name)
        return False

    def _product_description(self, toks: list[Tok], i: int, sent: TokSpan, width: int) -> bool:
        """"Aplikasi itu", "the app": a product's head noun right before a demonstrative or
        right after a definite article (nothing between: "the X robot" names X)."""
        end = i + width
        if end < sent.end and toks[end].lower_ in self.demonstratives:
            self._description_until = end
            return True
        nxt = toks[end].text if end < sent.end else ""
        if i > sent.start and toks[i - 1].lower_ in self.definite \
                and not nxt[:1].isupper() and nxt.lower() != "of":
            self._opened_at = i - 1
            return True
        return False

    def _is_description(self, toks: list[Tok], i: int, sent: TokSpan, width: int = 1) -> bool:
        """Is the noun at token i the head of a description of something named before?

        "perusahaan (…) tersebut": a demonstrative closes it a few words on; "the (search)
        giant": a definite article opens it a few words back, and no name follows.
        """
        for j in range(i + width, min(sent.end, i + DESCRIPTION_REACH + 1)):
            if toks[j].text == "," and _named_aside(toks, j, sent.end):
                continue  # "koperasi yang berbasis di Mataram, Nusa Tenggara Barat, itu"
            if toks[j].lower_ in self.demonstratives and not self._time(toks, j):
                self._description_until = j
                # plain words only between head and demonstrative: read them as one name
                if all(t.is_alpha and t.is_lower for t in toks[i + width:j]):
                    self._skip_to = j
                return True
            if toks[j].text in {".", ",", ";", ":"} or toks[j].lower_ in self.org_heads \
                    or toks[j].lower_ in self.person_heads:
                break  # the demonstrative belongs to a nearer head
        return self._definite_before(toks, i, i + width, sent)

    def _time(self, toks: list[Tok], j: int) -> bool:
        """Does the demonstrative at token `j` close a time ("selama ini", "tahun ini"), not
        a description ("pria berusia 39 tahun tersebut": an age)?"""
        return toks[j - 1].lower_ in self.time_words and not toks[j - 2].text[:1].isdigit()

    def _definite_before(self, toks: list[Tok], start: int, end: int, sent: TokSpan) -> bool:
        nxt = toks[end].text if end < sent.end else ""
        if nxt[:1].isupper() or nxt.lower() == "of":
            return False  # "the company Foo", "the head of"
        for j in range(start - 1, max(sent.start, start - 7) - 1, -1):
            if toks[j].lower_ in self.definite:
                self._opened_at = j
                return True
            if toks[j].lower_ in self.possessive_pronouns:
                break  # "said that its chief executive": "that" opens no description here
            if not toks[j].text[:1].isalnum() and toks[j].text not in ("-", ","):
                break
        return False

    def _title_describes(self, toks: list[Tok], start: int, end: int, sent: TokSpan) -> bool:
        """"The 53-year-old engineer", "CEO tersebut": a title used to refer to a person
        (but "menjabat COO tersebut" names a post)."""
        if start > sent.start and toks[start - 1].lower_ in self.post_words:
            return False
        if end < sent.end and toks[end].lower_ in self.demonstratives:
            return True
        if self._appositive(toks, start, sent):
            return False  # "Marek Wieczorek, the head of research at …": his post
        return self._definite_before(toks, start, end, sent)

    def _appositive(self, toks: list[Tok], start: int, sent: TokSpan) -> bool:
        """Does "the …" before token `start` follow a person's name and a comma?"""
        for j in range(start - 1, max(sent.start, start - 5) - 1, -1):
            if toks[j].lower_ in self.definite:
                return j - 1 > sent.start and toks[j - 1].text == "," \
                    and (j - 1) in self._people_ending
            if not toks[j].text[:1].isalnum():
                return False
        return False

    def _anaphor(self, tok: Tok, kinds: tuple[str, ...], seen: list[Entity],
                 nearest: bool = False, head: str | None = None,
                 own_subject: bool = False) -> Slot | None:
        """A placeholder for the entity the word `tok` refers back to, if any; the subject
        of the word's own clause only if `own_subject` (or the word is no description)."""
        named = list(zip(seen, self._seen_at, strict=False))  # (entity, token index)
        if self._opened_at is not None:  # "the iPhone maker" is not the iPhone
            named = [(e, at) for e, at in named if at < self._opened_at]
        if self._opener_end is not None and tok.i > self._opener_end:
            # "Dalam keterbukaan informasi di BEI, perusahaan itu …": not what the sentence's
            # opening phrase named
            named = [(e, at) for e, at in named if at > self._opener_end]
        if nearest:
            # "A, a former chief executive of X, replaces B, who had chaired the company":
            # the company is not where someone used to work, named in an aside
            named = [(e, at) for e, at in named if not self._past_post(at, tok.i)]
        clause = []
        if nearest and named:
            start = self._clause_start(named[0][1], tok)
            clause = [e for e, at in named if at >= start]
            if any(self._toks[k].lower_ in self.relatives and self._toks[k - 1].text == ","
                   for k in (start, start + 1) if k < tok.i):
                # "X, which bought a stake in the company": the clause's subject is X
                clause = [e for e, at in named if at < start][-1:] + clause
        if clause and not own_subject:
            # "Sorayama bought a stake in the company", "X said Y would take a stake in the
            # company": a description is not the subject of its own clause (that would be
            # "itself"); "Sorayama said the company …" may be
            named = [(e, at) for e, at in named if e is not clause[0]]
        seen = [e for e, _ in named]
        self._looked_back = True
        entity = self.salience.antecedent(kinds, seen, nearest=nearest, head=head)
        if entity is None:
            return None
        return _referring(tok, entity)

    def _past_post(self, at: int, i: int) -> bool:
        """Is the entity named at token `at` in an aside, closed before token `i`, that
        names a post someone held before ("…, a former chief executive of X, …")?"""
        toks = self._toks
        opening = next((k for k in range(at - 1, max(at - 10, 0), -1)
                        if toks[k].text == ","), None)
        return opening is not None and any(t.lower_ in self.former for t in toks[opening:at]) \
            and any(t.text == "," for t in toks[at:i])

    def _clause_start(self, floor: int, tok: Tok) -> int:
        """Where the clause of `tok` starts: the last punctuation or clause word before it
        (not before token `floor`); what is named there or after is in its clause."""
        for k in range(tok.i - 1, floor, -1):
            t = self._toks[k]
            if t.text in (",", ";", ":") or t.lower_ in self.clause_breaks:
                return k
        return floor


def _named_aside(toks: list[Tok], comma: int, end: int) -> bool:
    """Does the comma at `comma` open or close an aside of one to four capitalised words
    ("di Mataram, Nusa Tenggara Barat, itu")?"""
    for step in (1, -1):
        k = comma + step
        while 0 <= k < end and k != comma + 5 * step and toks[k].text[:1].isupper():
            k += step
        if k != comma + step and 0 <= k < end and toks[k].text == ",":
            return True
    return False


def _after_person(tokens: list[str]) -> bool:
    """Do the encoded words end with a person's name, maybe and a comma?"""
    last = tokens[-2:] if tokens[-1:] == [","] else tokens[-1:]
    return bool(last) and last[0].split("#")[0] in ("PER", "NAME")


def _word_of(tok: Tok, calendar: set[str]) -> str:
    """The token as a plain encoded word."""
    word = tok.lower_.replace("#", "")
    if tok.text[:1].isupper() and word in calendar and tok.i > 0 and not tok.is_sent_start:
        return "_month_"  # "quit in May": the month, not the modal "may"
    return word


def _bare_number(tok: Tok) -> bool:
    return tok.text.isascii() and tok.text.isdigit() and 0 < int(tok.text) <= MAX_BARE_NUMBER


def _number_slot(tok: Tok) -> Slot:
    end = tok.idx + len(tok.text)
    return Slot("NUM", tok.idx, end,
                quantity=Quantity(tok.idx, end, "number", Decimal(tok.text)))


def _state(entity: Entity | None) -> tuple:
    """What of an entity an encoding reads: which it is, its kind, and how many names."""
    if entity is None:
        return ()
    return (id(entity), entity.kind, entity.guessed, len(entity.aliases))


def _states(groups: list[list[Entity]]) -> tuple:
    """The state of each entity of each group."""
    # lists, not generators: quicker to build, and this runs for most sentences of a reading
    return tuple([tuple([_state(e) for e in group]) for group in groups])


def _end_char(toks: list[Tok], end: int) -> int:
    """The character offset where the tokens ending before `end` end."""
    last = toks[end - 1]
    return last.idx + len(last.text)


def _referring(tok: Tok, entity: Entity) -> Slot:
    """A placeholder for `entity`, at the word `tok` that refers to it."""
    return Slot(_code(entity), tok.idx, tok.idx + len(tok.text), entity=entity, anaphor=True)


def _code(entity: Entity) -> str:
    return "NAME" if entity.guessed else CODES[entity.kind]
