"""Find the names in an article: runs of capitalised words, with cues for what each names.

A name is a maximal run of capitalised tokens (allowing lower-case name particles inside and a
small number after, as in "Model 3"). Headline-style lines never reach here (see `layout`);
sentence-initial words are kept only when the article also writes them capitalised elsewhere.
Each mention collects votes for its kind from the words around it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.vocabulary import vocabulary

KINDS = ("Person", "Organization", "Product", "Place")
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


def is_capitalised(token: Token) -> bool:
    """A token that can be part of a name: "Meta", "LeCun", "iPhone", "OpenAI"."""
    text = token.text
    if not text[:1].isalpha():
        return False
    return text[0].isupper() or any(c.isupper() for c in text[1:])


class MentionFinder:
    """Finds and votes on name mentions in the body sentences of a Doc."""

    def __init__(self, lexicon: Lexicon, stop_words: set[str]):
        w = lexicon.words_of
        self.vocabulary = vocabulary(lexicon.lang)
        self.not_names = {x.lower() for x in w("not_names") + w("calendar")}
        self.particles = set(w("name_particles"))
        self.stop_words = stop_words
        self.org_suffixes = set(w("org_suffixes"))
        self.org_prefixes = set(w("org_prefixes"))
        self.places = {p.lower() for p in w("places")}
        self.place_modifiers = set(w("place_modifiers"))
        self.place_prefixes = set(w("place_prefixes"))
        self.cues = {
            "Organization": _phrases(w("org_cues")),
            "Product": _phrases(w("product_cues")),
            "Place": _phrases(w("place_cues")),
            "Person": _phrases(w("person_cues") + w("honorifics")),
        }
        self.apposition = {
            "Organization": _phrases(w("org_apposition")),
            "Product": _phrases(w("product_cues")),
            "Person": _phrases(w("person_apposition")),
        }
        self.person_after = {x.lower() for x in w("person_after")}
        self.place_after = [x.lower() for x in w("place_after")]
        self.determiners = set(w("determiners"))
        self.alias_words = set(w("alias_words"))
        self.demonstratives = set(w("demonstratives"))
        self.apposition_skip = set(w("apposition_skip"))
        # Indonesian noun phrases put their head first ("produsen cip X": a producer), English
        # ones last ("the chip maker X"): the head's cue decides.
        self.head_first = bool(lexicon.entities.get("head_first", False))
        self.common_shapes = [re.compile(x) for x in w("common_word_shapes")]
        self.verb_shapes = [re.compile(x) for x in w("verb_shapes")]
        # single cue words ("Nama", "Sosok", "Produsen"): never the first word of a name
        self.all_cue_words = {w for cues in self.cues.values() for c in cues for w in c.split()}
        self.cue_words = {c for cues in self.cues.values() for c in cues if " " not in c} - {
            p.lower() for p in self.org_prefixes}  # but "Bank Merdeka" starts with "Bank"

    def find(self, sents: list[Span], blocked: set[int]) -> list[Mention]:
        """Mentions in `sents`; tokens in `blocked` (titles, numbers) are never part of a name."""
        if not sents:
            return []
        doc = sents[0].doc
        runs = [run for i, sent in enumerate(sents) for run in self._runs(sent, i, blocked)]
        context = _Context(
            lower_words={t.lower_ for t in doc if t.text[:1].islower()},
            # capitalised inside body sentences, where capitals are not just sentence-initial
            inner_caps=Counter(t.text for s in sents for t in s[_first_word(s) + 1:]
                               if is_capitalised(t)),
            standalone={doc[s:e].text for s, e, i in runs if s != sents[i].start}
            | {doc[k].text for s, e, i in runs if s != sents[i].start and e - s > 1
               and self._looks_like_person(doc[s:e]) for k in (s, e - 1)}  # "Gilang" alone
            | {doc[s + 1].text for s, e, i in runs if e - s > 2
               and doc[s].text in self.org_prefixes
               and doc[s + 1].text not in self.org_prefixes},  # "Andalan" of "PT Andalan …"
            text=doc.text.lower(),
            blocked=blocked)
        # "Lembah Hijau Ventures (LHV)": an acronym introduced as a name is one
        acronyms = {doc[i].text for i in range(2, len(doc) - 1)
                    if (doc[i - 1].text == "(" and doc[i + 1].text == ")"
                        and is_capitalised(doc[i - 2]))
                    or (doc[i - 1].lower_ in self.alias_words
                        and (is_capitalised(doc[i - 2]) or doc[i - 2].text == ")"))}
        mentions = []
        for start, end, i in runs:
            start = self._trim_initial(doc, start, end, sents[i].start, context)
            while start < end and doc[start].text in self.particles:
                start += 1  # "Shares of Ostrander": what is left starts with the name
            if start < end and self._keep(doc[start:end], acronyms):
                mentions.append(Mention(start, end, doc[start:end].text, i))
        mentions = self._split_joined(doc, mentions, blocked)
        for m in mentions:
            self._vote(doc, m, blocked)
        return mentions

    def _runs(self, sent: Span, index: int, blocked: set[int]):
        doc, i = sent.doc, sent.start
        while i < sent.end:
            if i in blocked or not self._name_token(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < sent.end and j not in blocked:
                tok = doc[j]
                if self._name_token(tok):
                    j += 1
                elif (tok.text in self.particles and j + 1 < sent.end
                      and self._name_token(doc[j + 1]) and j + 1 not in blocked):
                    j += 2
                elif (tok.text == "-" and not doc[j - 1].whitespace_ and not tok.whitespace_
                      and j + 1 < sent.end and doc[j + 1].text.isalpha()
                      and doc[j + 1].lower_ not in self.vocabulary):
                    j += 2  # "Kang Do-hyun", "Jean-Luc": a hyphen inside a name
                elif DIGITS.match(tok.text) and not doc[j - 1].text.isdigit() and (
                        j + 1 >= sent.end or not doc[j + 1].text[:1].isalnum()
                        or doc[j + 1].text[:1].islower()):
                    j += 1  # "Llama 4": a version number, not the start of a new phrase
                    break
                else:
                    break
            yield i, j, index
            i = j

    def _name_token(self, token: Token) -> bool:
        return is_capitalised(token) and token.lower_ not in self.not_names

    def _trim_initial(self, doc: Doc, start: int, end: int, sent_start: int,
                      context: "_Context") -> int:
        """Drop sentence-initial words that are capitalised only for standing first."""
        first = sent_start
        while first < end and doc[first].text in OPENERS:
            first += 1
        while start == first and start < end:
            tok = doc[start]
            # capitalised mid-sentence too: a name ("Bank" of "Bank Nusa" alone is not one)
            named = tok.text in context.standalone if end - start == 1 else \
                context.inner_caps[tok.text]
            if named or _looks_like_name(tok.text):
                break
            low = tok.lower_
            if (low in self.stop_words or low in context.lower_words or low in self.cue_words
                    or any(shape.match(low) for shape in self.common_shapes)):
                start = first = start + 1
                continue
            nxt = doc[end].lower_ if end < len(doc) else ""
            if end - start == 1 and nxt in self.determiners:
                return end  # "Alongside the funding": not how a name is used
            if low not in self.vocabulary:
                break  # an unknown word: a name ("Kopiloka didirikan …")
            if end - start == 1:
                return end  # a lone ordinary word ("Analysts", "Gesekan")
            rest_start = start + 1
            while rest_start < end and doc[rest_start].text in self.particles:
                rest_start += 1
            rest = doc[rest_start:end].text
            # "Langkah Microsoft ini …": an ordinary word before a name used alone elsewhere;
            # but "Budi Santoso, CEO …" is a person's full name
            if rest in context.standalone and context.text.count(doc[start:end].text.lower()) == 1 \
                    and not self._person_follows(doc, end, context.blocked):
                start = rest_start
            break
        return start

    def _person_follows(self, doc: Doc, end: int, blocked: set[int]) -> bool:
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in self.person_after:
            return True
        return nxt == "," and any(i in blocked for i in range(end + 1, end + 3))

    def _keep(self, span: Span, acronyms: set[str]) -> bool:
        text = span.text
        if len(span) == 1 and text.isupper() and len(text) <= 4 and text not in acronyms:
            return False  # bare acronyms ("AI", "LLM") are mostly not names without a cue
        return not all(t.lower_ in self.stop_words for t in span)

    def _split_joined(self, doc: Doc, mentions: list[Mention], blocked: set[int]):
        """Split "Microsoft Satya Nadella" (after a title) where a known name ends the run."""
        known = {m.text for m in mentions}
        out = []
        for m in mentions:
            after_title = m.start - 1 in blocked
            cut = next((k for k in range(m.start + 1, m.end - 1)
                        if doc[m.start:k].text in known
                        and (doc[k:m.end].text in known or (
                            after_title and self._looks_like_person(doc[k:m.end])))), None)
            if cut is None and after_title and m.end - m.start >= 3 \
                    and not (m.end < len(doc) and doc[m.end].text == ",") \
                    and self._looks_like_person(doc[m.end - 2:m.end]):
                cut = m.end - 2  # "CEO <organization> <first name> <last name>"
            if cut is None:
                out.append(m)
            else:
                left = Mention(m.start, cut, doc[m.start:cut].text, m.sent)
                if after_title:
                    left.votes["Organization"] += 2  # "CEO <organization> <person>"
                out.append(left)
                out.append(Mention(cut, m.end, doc[cut:m.end].text, m.sent))
        return out

    def _known_place(self, text: str) -> bool:
        words = text.split()
        return text.lower() in self.places or self._place_part(words) or (
            len(words) > 1 and words[0] in self.place_prefixes)

    def _place_part(self, words: list[str]) -> bool:
        """"Jakarta Selatan", "North London": a known place and a compass word."""
        if len(words) < 2:
            return False
        if words[-1] in self.place_modifiers:
            return " ".join(words[:-1]).lower() in self.places
        return words[0] in self.place_modifiers and " ".join(words[1:]).lower() in self.places

    def _looks_like_person(self, span: Span) -> bool:
        """Two words that could be a person's name: no organization word, not all common."""
        words = [t.text for t in span]
        return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
            and not any(w in self.org_suffixes or w in self.org_prefixes for w in words) \
            and not all(w.lower() in self.vocabulary for w in words)

    def _vote(self, doc: Doc, m: Mention, blocked: set[int]) -> None:
        words = m.tokens
        if len(words) > 1 and (words[-1] in self.org_suffixes or words[0] in self.org_prefixes):
            m.votes["Organization"] += 3
        if m.text.lower() in self.places or self._place_part(words) or (
                len(words) > 1 and words[0] in self.place_prefixes):
            m.votes["Place"] += 3
        after = " ".join(t.lower_ for t in doc[m.end:m.end + 4])
        cue = self._cue_before(doc, m)
        if cue and not (cue in ("Organization", "Product")
                        and after.split(" ")[0] in self.demonstratives):
            # "perusahaan pengembang X tersebut" describes something else, not X
            m.votes[cue] += 2
        if m.end + 1 < len(doc) and doc[m.end].text == "," and any(
                self._known_place(doc[m.end + 1:m.end + 1 + n].text) for n in (1, 2, 3)):
            m.votes["Place"] += 2  # "Batang, Jawa Tengah": a place within a known one
        kind = self._apposition(doc, m)
        if kind:  # apposition says what X is: "X, perusahaan …", "X, the voice assistant"
            m.votes[kind] += 4 if kind == "Product" else 1
        if m.start - 1 in blocked and doc[m.start - 1].text[:1].isalpha() and not (
                m.end < len(doc) and is_capitalised(doc[m.end])):
            m.votes["Person"] += 1  # right after a title, unless a name follows: "CEO X Y Z"
        if after.split(" ")[0] in self.person_after:
            m.votes["Person"] += 1
        if any(after.startswith(c) for c in self.place_after):
            m.votes["Place"] += 3  # "a Pittsburgh-based maker"
        # a trailing number is a version ("Model 3"), not part of a person's name
        if any(c.isdigit() for c in words[-1]) and len(words) > 1:
            m.votes["Product"] += 1


    def _apposition(self, doc: Doc, m: Mention) -> str | None:
        """The kind a description right after "X," points to, if any."""
        if m.end >= len(doc) or doc[m.end].text != ",":
            return None
        # words as written, so "start-up" and "Berlin-based" stay whole
        text = doc[m.end + 1:min(m.end + 12, len(doc))].text.lower()
        words = re.findall(r"[\w'-]+|[^\w\s]", text)[:7]
        while words and words[0] in self.apposition_skip:
            words.pop(0)
        # The head comes first in Indonesian ("X, perusahaan …"); in English it may follow
        # a few modifiers ("X, a crowd-sourced database").
        for start in range(1 if self.head_first else min(5, len(words))):
            rest = " ".join(words[start:]) + " "
            for kind, cues in self.apposition.items():
                cue = next((c for c in cues if rest.startswith(c + " ")), None)
                if cue:
                    m.descriptors.update(words[:start] + cue.split())
                    return kind
        return None

    def _cue_before(self, doc: Doc, m: Mention) -> str | None:
        """The kind a cue word in the words before the mention points to, if any.

        Indonesian puts the head first ("firma modal ventura X"): a cue up to three words
        before counts, with no function word between. English puts it last ("the chip maker
        X"): the cue must end right before the name.
        """
        window = []
        for t in reversed(doc[max(m.start - (3 if self.head_first else 2), 0):m.start]):
            verb = self.head_first and t.lower_ not in self.all_cue_words and any(
                shape.match(t.lower_) for shape in self.verb_shapes)
            if not t.text[:1].isalpha() or is_capitalised(t) or verb or (
                    window and self.head_first and t.lower_ in self.stop_words):
                break  # "menunjuk X": a verb before the name ends the window
            window.insert(0, t.lower_)
        found = []  # (position of the cue's first word, kind)
        for kind, cues in self.cues.items():
            for cue in cues:
                words = cue.split()
                for i in range(len(window) - len(words) + 1):
                    if window[i:i + len(words)] == words:
                        found.append((i, kind))
        if not found:
            return None
        found.sort()
        m.descriptors.update(window)  # "produsen cip X": later "produsen itu" is X
        if self.head_first:
            return found[0][1]
        last = [(i, kind) for i, kind in found
                if any(window[i:] == c.split() for c in self.cues[kind])]
        return last[-1][1] if last else None


def _first_word(sent: Span) -> int:
    """Index within the sentence of its first word, after any opening quote or bracket."""
    i = 0
    while i < len(sent) - 1 and sent[i].text in OPENERS:
        i += 1
    return i


def _phrases(items: list[str]) -> list[str]:
    return sorted({i.lower() for i in items}, key=len, reverse=True)


def _looks_like_name(text: str) -> bool:
    """Inner capitals or digits ("LeCun", "OpenAI", "a16z") mark a name even sentence-initially."""
    return any(c.isupper() for c in text[1:]) or any(c.isdigit() for c in text)
