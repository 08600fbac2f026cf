"""Find the names in an article: runs of capitalised words, with cues for what each names.

A name is a maximal run of capitalised tokens (allowing lower-case name particles inside and a
small number after, as in "Model 3"). Headline-style lines never reach here (see `layout`);
sentence-initial words are kept only when the article also writes them capitalised elsewhere.
Each mention collects votes for its kind from the words around it (see `kinds`).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from kg.extract.kinds import KindCues, is_capitalised_text
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import Tok, TokenDoc, TokSpan
from kg.extract.vocabulary import vocabulary

DIGITS = re.compile(r"^\d{1,3}[a-zA-Z]?$")
OPENERS = {'"', "“", "‘", "'", "(", "[", "«", "–", "—", "-"}


@dataclass
class _Context:
    """What the whole article says about its capitalised words."""

    lower_words: set[str]  # words the article also writes in lower case
    inner_caps: Counter  # capitalised words seen where no sentence starts
    standalone: set[str]  # names seen where no sentence starts
    text: str  # the article, lower-cased
    blocked: set[int]  # title and number tokens


@dataclass(eq=False)
class Mention:
    """One place the text names something."""

    start: int  # token offsets in the doc, end exclusive
    end: int
    text: str
    sent: int  # index of the sentence it stands in
    votes: Counter = field(default_factory=Counter)
    descriptors: set[str] = field(default_factory=set)  # words describing it: "chipmaker"
    entity: object = None  # set by resolution

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


class MentionFinder:
    """Finds name mentions in the body sentences of a Doc, each with votes for its kind."""

    def __init__(self, lexicon: Lexicon, stop_words: set[str]):
        w = lexicon.words_of
        self.kind_cues = KindCues(lexicon, stop_words)
        self.vocabulary = vocabulary(lexicon.lang)
        self.round_words = {x.lower() for x in w("round_words")}
        self.not_names = {x.lower() for x in w("not_names") + w("calendar") + w("degrees")
                          + w("honorifics")}
        self.calendar = {x.lower() for x in w("calendar")}
        # "Tan Sri Hisham Rahman" is Hisham Rahman; "Tan" and "Sri" alone begin names
        self.honorific_phrases = [tuple(h.split()) for h in w("honorifics") if " " in h]
        self.honorific_phrase_words = {word for p in self.honorific_phrases for word in p}
        # "PT Batu Permata Infrastruktur": an honorific written without a stop, inside a name,
        # is a word of that name
        self.inner_honorifics = {h.lower() for h in w("honorifics") if h.isalpha()}
        self.honorific_words = {h.lower() for h in w("honorifics") if " " not in h}
        self.particles = set(w("name_particles"))
        # particles that join two names only when the first is no person's: "Bank of America"
        # but "John Smith of Acme Corp"
        self.person_breaks = set(w("person_breaks"))
        self.head_particles = set(w("head_particles"))
        self.particle_heads = set(w("particle_heads"))
        self.stop_words = stop_words
        self.org_prefixes = set(w("org_prefixes"))
        self.legal_forms = set(w("legal_forms"))
        self.legal_prefixes = self.legal_forms & self.org_prefixes  # "PT", "CV"
        self.determiners = set(w("determiners"))
        self.alias_words = set(w("alias_words"))
        self.common_shapes = [re.compile(x) for x in w("common_word_shapes")]
        self.known_shapes = [re.compile(x) for x in w("known_word_shapes")]
        self.ordinary_shapes = [re.compile(x) for x in w("ordinary_word_shapes")]
        self.not_name_shapes = [re.compile(x) for x in w("not_name_shapes")]
        # single cue words ("Nama", "Sosok", "Produsen"): never the first word of a name,
        # unless an organization's name starts with them ("Bank Merdeka")
        self.cue_words = self.kind_cues.single_cue_words - {p.lower() for p in self.org_prefixes}
        self.relatives = {x.lower() for x in w("relatives")}
        self.joiners = {x for x in lexicon.words.get("coordinators", []) if x != ","}
        # capitalised phrases that name no person, company or product ("Rapat Umum Pemegang
        # Saham", "AGM"), by first word, longest first so that the longest present is taken
        self.not_entities: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted((tuple(x.lower().split()) for x in w("not_entities")),
                             key=len, reverse=True):
            self.not_entities.setdefault(phrase[0], []).append(phrase)

    def find(self, sents: list[TokSpan], blocked: set[int]) -> list[Mention]:
        """Mentions in `sents`; tokens in `blocked` (titles, numbers) are never part of a name."""
        if not sents:
            return []
        doc = sents[0].doc
        toks = doc.tokens
        # read once per token here, as the rules below look at most tokens more than once
        texts = [t.text for t in toks]
        lower = [t.lower_ for t in toks]
        capitalised = [is_capitalised_text(text) for text in texts]
        names = self._name_tokens(toks, lower, capitalised)
        blocked = blocked | self._not_entities(lower)
        runs = [run for i, sent in enumerate(sents) for run in self._runs(sent, i, blocked, names)]
        firsts = [sent.start + _first_word(sent) for sent in sents]  # after opening quotes
        context = _Context(
            lower_words={low for low, text in zip(lower, texts, strict=True)
                         if text[:1].islower()},
            # capitalised inside body sentences, where capitals are not just sentence-initial
            inner_caps=Counter(texts[k] for s, first in zip(sents, firsts, strict=True)
                               for k in range(first + 1, s.end) if capitalised[k]),
            standalone={doc[s:e].text for s, e, i in runs if s != firsts[i]}
            | {doc[k].text for s, e, i in runs if s != firsts[i] and e - s > 1
               and self.kind_cues.looks_like_person(doc[s:e]) for k in (s, e - 1)}  # "Gilang" alone
            | {doc[s + 1].text for s, e, i in runs if e - s > 2
               and doc[s].text in self.org_prefixes
               and doc[s + 1].text not in self.org_prefixes},  # "Andaru" of "PT Andaru …"
            text=doc.text.lower(),
            blocked=blocked)
        # "Lembah Hijau Ventures (LHV)": an acronym introduced as a name is one
        # (only the tokens after a bracket or an alias word can be one)
        acronyms = {texts[i] for i in (k + 1 for k, low in enumerate(lower)
                                       if low == "(" or low in self.alias_words)
                    if 2 <= i < len(toks) - 1 and (
                        (texts[i - 1] == "(" and texts[i + 1] == ")" and capitalised[i - 2])
                        or (lower[i - 1] in self.alias_words
                            and (capitalised[i - 2] or texts[i - 2] == ")")))}
        mentions = []
        for start, end, i in runs:
            start = self._trim_initial(doc, start, end, sents[i].start, context)
            while start < end and doc[start].text in self.particles:
                start += 1  # "Shares of Ostwald": what is left starts with the name
            if start < end and self._keep(doc[start:end], acronyms):
                mentions.append(Mention(start, end, doc[start:end].text, i))
        mentions = self._split_joined(doc, mentions, blocked)
        self._share_surnames(doc, mentions)
        for m in mentions:
            self.kind_cues.vote(doc, m, blocked)
        return mentions

    def _not_entities(self, lower: list[str]) -> set[int]:
        """Positions of the tokens of phrases that are never names (see `not_entities`);
        `lower` holds the doc's words in lower case."""
        found: set[int] = set()
        for i, word in enumerate(lower):
            if word not in self.not_entities:
                continue
            for phrase in self.not_entities[word]:
                if tuple(lower[i:i + len(phrase)]) == phrase:
                    found.update(range(i, i + len(phrase)))
                    break
        return found

    def _name_tokens(self, toks: list[Tok], lower: list[str],
                     capitalised: list[bool]) -> list[bool]:
        """For each token, whether it can be part of a name."""
        names = [cap and low not in self.not_names
                 for low, cap in zip(lower, capitalised, strict=True)]
        for i, low in enumerate(lower):
            if low in self.round_words and i + 1 < len(toks) \
                    and len(toks[i + 1].text) == 1 and toks[i + 1].text.isupper():
                names[i] = names[i + 1] = False  # "pendanaan Seri A X": a round, then X
            if low in self.calendar:  # "Mei Takamori" is a name, "Mei 2024" a month
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                names[i] = bool(nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha
                                and nxt.lower_ not in self.not_names)
        return names

    def _runs(self, sent: TokSpan, index: int, blocked: set[int], names: list[bool]):
        """Runs of name tokens in `sent`: (start, end, `index`); `names` from `_name_tokens`."""
        doc, i = sent.doc.tokens, sent.start
        while i < sent.end:
            if i in blocked or not names[i]:
                i += 1
                continue
            i += self._honorific(doc, i, sent.end, names)
            j = i + 1
            while j < sent.end and j not in blocked:
                tok = doc[j]
                if tok.text in self.legal_prefixes:
                    break  # "Divisi Tresuri PT Bank …": a legal form starts a new name
                if names[j] or (tok.lower_ in self.inner_honorifics and tok.text[:1].isupper()):
                    j += 1
                elif ((tok.text in self.particles or (
                        tok.text in self.head_particles and doc[j - 1].text in self.particle_heads))
                      and j + 1 < sent.end
                      and names[j + 1] and j + 1 not in blocked
                      and not (tok.text in self.person_breaks and j - i >= 2
                               and self.kind_cues.looks_like_person(sent.doc[i:j]))):
                    j += 2
                elif (tok.text == "-" and not doc[j - 1].whitespace_ and not tok.whitespace_
                      and j + 1 < sent.end and j + 1 not in blocked and (
                          (doc[j + 1].text.isalpha() and doc[j + 1].lower_ not in self.vocabulary)
                          or (doc[j - 1].text.istitle() and doc[j + 1].text.istitle()
                              and doc[j + 1].is_alpha and names[j + 1])  # "Thin-Film Devices"
                          or doc[j + 1].text[:1].isdigit() or (
                              _syllables(doc[j - 1], doc[j + 1])
                              and not (doc[j - 1].lower_ in self.vocabulary
                                       and doc[j + 1].lower_ in self.vocabulary)))):
                    # "Kang Min-jun", "Jean-Luc", "Corvex-3": a hyphen inside a name; but
                    # "Day-to-day" opening a sentence is words
                    j += 2
                elif (tok.text == "(" and j + 2 < sent.end and doc[j + 2].text == ")"
                      and doc[j + 1].text in self.legal_forms):
                    j += 3  # "PT Telekara Indonesia (Persero) Tbk": the form is in the name
                elif (tok.text == "," and j + 1 < sent.end and doc[j - 1].text in self.legal_forms
                      and doc[j + 1].text in self.legal_forms):
                    j += 2  # "Ikazuchi Networks Co., Ltd.": two forms, one name
                elif DIGITS.match(tok.text) and not doc[j - 1].text.isdigit() and (
                        j + 1 >= sent.end or not doc[j + 1].text[:1].isalnum()
                        or doc[j + 1].text[:1].islower()):
                    j += 1  # "Seduh 4": a version number, not the start of a new phrase
                    break
                else:
                    break
            yield i, j, index
            i = j

    def _honorific(self, doc: list[Tok], i: int, end: int, names: list[bool]) -> int:
        """The length of an honorific of several words at `i` before a name, else 0; or of
        its rest, when its first words (no name themselves: "Datuk") stand before `i`."""
        if doc[i].text not in self.honorific_phrase_words and (
                i == 0 or doc[i - 1].text not in self.honorific_phrase_words):
            return 0  # (most names: no word of any such honorific at or before them)
        for phrase in self.honorific_phrases:
            for j in range(len(phrase)):  # words of the phrase before `i`
                k = len(phrase) - j
                if i - j >= 0 and i + k < end and names[i + k] \
                        and tuple(t.text for t in doc[i - j:i + k]) == phrase:
                    return k
        return 0

    def _trim_initial(self, doc: TokenDoc, start: int, end: int, sent_start: int,
                      context: "_Context") -> int:
        """Drop sentence-initial words that are capitalised only for standing first."""
        first = sent_start
        while first < end and doc[first].text in OPENERS:
            first += 1
        while start == first and start < end:
            tok = doc[start]
            # capitalised mid-sentence too: a name ("Bank" of "Bank Lembah" alone is not one)
            named = tok.text in context.standalone if end - start == 1 else \
                context.inner_caps[tok.text]
            if named or _looks_like_name(tok.text) or (
                    tok.text in self.org_prefixes and end - start > 1):
                break  # "Kementerian Badan …", "Bank Merdeka …" begin organizations' names
            low = tok.lower_
            if (low in self.stop_words or low in context.lower_words or low in self.cue_words
                    or low in self.kind_cues.number_words  # '"Tujuh tahun kami …'
                    or any(shape.match(low) for shape in self.common_shapes)
                    or (low in self.vocabulary
                        and any(shape.match(low) for shape in self.known_shapes))):
                start = first = start + 1
                continue
            nxt = doc[end].lower_ if end < len(doc) else ""
            if end - start == 1 and nxt in self.determiners:
                return end  # "Alongside the funding": not how a name is used
            if low not in self.vocabulary and not any(
                    shape.match(low) for shape in self.ordinary_shapes):
                break  # an unknown word: a name ("Kopiloka didirikan …")
            if end - start == 1:
                return end  # a lone ordinary word ("Analysts", "Gesekan")
            rest_start = start + 1
            while rest_start < end and doc[rest_start].text in self.particles:
                rest_start += 1
            rest = doc[rest_start:end].text
            # "Langkah Kopiloka ini …": an ordinary word before a name used alone elsewhere;
            # but "Budi Santoso, CEO …" is a person's full name
            if rest in context.standalone and context.text.count(doc[start:end].text.lower()) == 1 \
                    and not self.kind_cues.person_follows(doc, end, context.blocked):
                start = rest_start
            break
        return start

    def _keep(self, span: TokSpan, acronyms: set[str]) -> bool:
        text = span.text
        if any(shape.match(text) for shape in self.not_name_shapes):
            return False  # "kuartal IV-2025": a period
        if len(span) == 1 and text.isupper() and len(text) <= 4 and text not in acronyms:
            return False  # bare acronyms ("AI", "LLM") are mostly not names without a cue
        if len(span) == 1 and text in self.org_prefixes:
            return False  # "Dewan komisaris …", "Bank itu …": the opening word of names alone
        if len(span) == 1 and text in self.kind_cues.place_modifiers:
            return False  # "South Korean game publisher X": a compass word alone names nothing
        return not all(t.lower_ in self.stop_words for t in span)

    def _share_surnames(self, doc: TokenDoc, mentions: list[Mention]) -> None:
        """"siblings Rommel and Katrina Salvacion": after a word for relatives, a lone first
        name joined to a full name bears its surname."""
        for first, full in pairwise(mentions):
            if (first.end - first.start == 1 and full.end - full.start >= 2
                    and full.start == first.end + 1 and doc[first.end].lower_ in self.joiners
                    and first.start > 0 and doc[first.start - 1].lower_ in self.relatives):
                first.text = f"{first.text} {doc[full.start + 1:full.end].text}"

    def _split_joined(self, doc: TokenDoc, mentions: list[Mention], blocked: set[int]):
        """Split "Kopiloka Andi Saputra" after a title where a known name ends the run (not
        "Goh Mei Ling" elsewhere, though "Goh" and "Mei Ling" are used alone: one person's)."""
        known = {m.text for m in mentions}
        # names an honorific stood before ("Mr Ong"): a person's, never an organization's
        honoured = {m.text for m in mentions
                    if m.start > 0 and doc[m.start - 1].lower_ in self.honorific_words}
        # "PT SKL Terminal Petikemas" named elsewhere: "SKL Terminal Petikemas" is that name
        without_form = {k.split(" ", 1)[1] for k in known
                        if " " in k and k.split(" ", 1)[0] in self.legal_forms}
        # names used whole where no title stands before them ("anak usaha KSP Mitra Sembalun")
        untitled = {m.text for m in mentions if m.start - 1 not in blocked}
        out = []
        for m in mentions:
            last = doc[m.end - 1].text
            if m.text in without_form or last in self.legal_forms \
                    or last.rstrip(".") in self.legal_forms \
                    or (m.start - 1 in blocked and m.text in untitled):
                out.append(m)  # "producer Sirikorn Power Pcl": a company named in full
                continue
            if m.start > 0 and doc[m.start - 1].lower_ in self.honorific_words:
                out.append(m)  # "Dr Lim Pei Shan": one person's name, however used alone
                continue
            # a title takes its organization after it where heads come first ("CEO Kopiloka Andi
            # Saputra"); in English a title is followed by the person alone ("analyst Chong Mei
            # Ling")
            titled = m.start - 1 in blocked
            after_title = titled and self.kind_cues.head_first
            # (a person after a title is named in full: "CEO Oh Tae-yang" is not the company
            # "Oh" and a lone given name)
            cut = next((k for k in (range(m.start + 1, m.end - 1) if titled else ())
                        if doc[m.start:k].text in known
                        and (doc[k:m.end].text in known or (
                            after_title and " " in doc[k:m.end].text
                            and self.kind_cues.looks_like_person(doc[k:m.end])))), None)
            last_two = _last_words(doc, m, 2)  # "Lee Ha-eun" is two words, four tokens
            if cut is None and after_title and last_two > m.start \
                    and not (m.end < len(doc) and doc[m.end].text == ",") \
                    and (doc[m.start].text not in self.legal_prefixes
                         or doc[last_two].text in known) \
                    and self.kind_cues.looks_like_person(doc[last_two:m.end]) \
                    and not (_last_words(doc, m, 4) == m.start and last_two - m.start > 1
                             and self.kind_cues.looks_like_person(doc[m.start:last_two])) \
                    and not (_last_words(doc, m, 3) == m.start and last_two - m.start == 1
                             and doc[m.start].text not in known
                             and self.kind_cues.looks_like_person(doc[m.start:m.end])):
                # "CEO <organization> <first name> <last name>"; but "Direktur Bisnis PT Bank
                # Syariah Delima Khatulistiwa" names a company in full, legal form first
                # (unless its last words' first is a name used alone elsewhere: "Analis PT
                # Cendrawasih Sekuritas Dewi Anjarsari … Dewi menilai"), and "CFO Vincent Teh
                # Keng Hock" is four words of one person's name, and "Direktur Keuangan Sri
                # Ayu Nasution" three, where no company is called "Sri" elsewhere
                cut = last_two
            if cut is None or doc[m.start:cut].text in honoured:
                out.append(m)  # "chairman Ong Boon Huat … said Mr Ong": one person's name
            else:
                left = Mention(m.start, cut, doc[m.start:cut].text, m.sent)
                if after_title:
                    left.votes["Organization"] += 2  # "CEO <organization> <person>"
                out.append(left)
                out.append(Mention(cut, m.end, doc[cut:m.end].text, m.sent))
        return out


def _syllables(before: Tok, after: Tok) -> bool:
    """"Hyun-woo", "Tae-yang", "Wei-Ting": a given name of two short syllables, though "woo",
    "yang" and "ting" are words. ("Jakarta-born", "US-led" are not: a long or upper-case
    first part.)"""
    return before.text.istitle() and len(before.text) <= 5 and after.text.isalpha() and (
        (after.text.islower() and len(after.text) <= 4)
        or (after.text.istitle() and len(after.text) <= 4))


def _last_words(doc: TokenDoc, m: Mention, n: int) -> int:
    """Token index where the mention's last `n` space-separated words begin."""
    k, words = m.end, 0
    while k > m.start and words < n:
        k -= 1
        if k == m.start or doc[k - 1].whitespace_:
            words += 1
    return k


def _first_word(sent: TokSpan) -> int:
    """Index within the sentence of its first word, after any opening quote or bracket."""
    i = 0
    while i < len(sent) - 1 and sent[i].text in OPENERS:
        i += 1
    return i


def _looks_like_name(text: str) -> bool:
    """Inner capitals or digits ("DeSouza", "a16z") mark a name even sentence-initially."""
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)
