"""What a name names, from its own words and the words around it.

Each mention collects votes for Person, Organization, Product or Place: from its own words
(an organization suffix, a known place, a version number), from a cue before it ("produsen
cip X", "the chip maker X"), from a description after it ("X, the voice assistant", "Batang,
Jawa Tengah") and from its neighbours (a title before it, "said" or "-based" after it). The
cue and description words are also kept as the mention's descriptors, so that "the
chipmaker" can later refer back to it.
"""

import re
from typing import TYPE_CHECKING

from kg.extract.lexicon import Lexicon
from kg.extract.numbers import load_numbers_lexicon
from kg.extract.tokens import Tok, TokenDoc, TokSpan
from kg.extract.vocabulary import vocabulary

if TYPE_CHECKING:  # for type hints only: mentions.py imports this module
    from kg.extract.mentions import Mention


OPENING_QUOTES = {'"', "“", "‘"}
CLOSING_QUOTES = {'"', "”", "’", "'"}  # '"Lantern Drift", an underwater game'
# a name ending in a hyphen and a number: a version ("Pesut-2", "XR-12b"), not "7-Eleven"
# nor a year ("kuartal I-2026")
VERSIONED = re.compile(r"^[^\W\d_][\w]*-\d{1,3}[a-zA-Z]?$")
# words as written, so "start-up" and "Berlin-based" stay whole; and punctuation
WORDS_AS_WRITTEN = re.compile(r"[\w'-]+|[^\w\s]")


def is_capitalised(token: Tok) -> bool:
    """A token that can be part of a name: "Northwind", "Souza", "iPhone", "Tessera Labs"."""
    return is_capitalised_text(token.text)


def is_capitalised_text(text: str) -> bool:
    """`is_capitalised`, of a token's text."""
    if not text[:1].isalpha() or text.islower():  # islower: no upper-case letter at all
        return False
    return text[0].isupper() or any(c.isupper() for c in text[1:])


class KindCues:
    """The words of a language that say what a name names, and how they vote."""

    def __init__(self, lexicon: Lexicon, stop_words: set[str]):
        w = lexicon.words_of
        self.vocabulary = vocabulary(lexicon.lang)
        self.stop_words = stop_words
        self.org_suffixes = set(w("org_suffixes"))
        self.org_prefixes = set(w("org_prefixes"))
        self.head_particles = set(w("head_particles"))  # "Institute for …" (see mentions.py)
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
            "Organization": set(_phrases(w("org_apposition"))),
            "Product": set(_phrases(w("product_cues"))),
            "Person": set(_phrases(w("person_apposition"))),
        }
        self.apposition_words = max((len(c.split()) for cues in self.apposition.values()
                                     for c in cues), default=0)  # in the longest description
        self.person_after = {x.lower() for x in w("person_after")}
        # as written: "Tan Sri", "Dr." (an honorific is no cue word: it is capitalised)
        self.honorifics = set(w("honorifics"))
        self.honorific_words = max((len(h.split()) for h in self.honorifics), default=0)
        # the token right before a name an honorific ends it with: "Sri" of "Tan Sri", "'" of
        # "Dato'" (the tokenizer splits it off)
        self.honorific_ends = {h.split()[-1] for h in self.honorifics} | {
            h[-1] for h in self.honorifics if not h[-1].isalnum()}
        self.org_after = {x.lower() for x in w("org_after")}
        self.org_after_openers = tuple(x + " " for x in self.org_after)  # "was founded …"
        self.place_after = tuple(x.lower() for x in w("place_after"))
        self.demonstratives = set(w("demonstratives"))
        self.apposition_skip = set(w("apposition_skip"))
        self.collectives = [c.lower().split() for c in w("collective_heads")]
        self.attribution_openers = [x.lower().split() for x in w("attribution_openers")]
        self.phrase_enders = set(w("phrase_enders"))
        # Indonesian noun phrases put their head first ("produsen cip X": a producer), English
        # ones last ("the chip maker X"): the head's cue decides.
        self.head_first = bool(lexicon.entities.get("head_first", False))
        self.determiners = set(w("determiners"))
        self.product_heads = {c for c in self.apposition["Product"] if " " not in c}
        self.naming_words = set(w("naming_words"))
        self.relational_cues = set(w("relational_cues"))
        self.org_before = set(w("org_before"))
        self.verb_shapes = [re.compile(x) for x in w("verb_shapes")]
        numbers = load_numbers_lexicon(lexicon.lang)
        self.number_words = set(numbers.values) | set(numbers.multipliers) | set(numbers.addends)
        self.modifier_shapes = [re.compile(x) for x in w("modifier_shapes")]
        # a word of a cue is never read as a verb that ends the cue window
        self.all_cue_words = {w for cues in self.cues.values() for c in cues for w in c.split()}
        # "Penyedia layanan … X" opens a sentence with its cue; "Analis X" is a title
        self.thing_cue_words = {w for kind in ("Organization", "Product")
                                for c in self.cues[kind] for w in c.split()}
        self.single_cue_words = {c for cues in self.cues.values() for c in cues if " " not in c}
        self.cues_by_first: dict[str, list[tuple[list[str], str]]] = {}  # word -> (cue, kind)
        for kind, cues in self.cues.items():
            for cue in cues:
                self.cues_by_first.setdefault(cue.split()[0], []).append((cue.split(), kind))
        # each kind's cues as words, to compare with the words before a name
        self.cue_words_of = {kind: {tuple(c.split()) for c in cues}
                             for kind, cues in self.cues.items()}

    def vote(self, doc: TokenDoc, mention: "Mention", blocked: set[int]) -> None:
        """Add to `mention.votes` what its words and the words around it say it names.

        Tokens in `blocked` are titles and numbers. Cue and description words found on the
        way are added to `mention.descriptors`.
        """
        self._vote_on_name(mention)
        self._vote_on_cues(doc, mention, blocked)
        self._vote_on_neighbours(doc, mention, blocked)
        mention.descriptors.update(self._description_before(doc, mention))
        words = mention.tokens
        # a trailing number is a version ("Model 3", "Pesut-2"), not part of a person's name
        if (len(words) > 1 and any(c.isdigit() for c in words[-1])) or VERSIONED.match(words[-1]):
            mention.votes["Product"] += 1

    def looks_like_person(self, span: TokSpan) -> bool:
        """Words that could be a person's name: no organization word, not all common."""
        words = span.text.split()  # "Ha-eun" is one word
        return all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) \
            and not any(w in self.org_suffixes or w in self.org_prefixes for w in words) \
            and not all(w.lower() in self.vocabulary for w in words)

    def person_follows(self, doc: TokenDoc, end: int, blocked: set[int]) -> bool:
        """Does what follows token `end` mark the name before it as a person's?

        "Budi Santoso mengatakan …", "Budi Santoso, CEO …" (a title in `blocked`).
        """
        nxt = doc[end].lower_ if end < len(doc) else ""
        if nxt in self.person_after:
            return True
        return nxt == "," and any(i in blocked for i in range(end + 1, end + 3))

    def _vote_on_name(self, m: "Mention") -> None:
        words = m.tokens
        if len(words) > 1 and (words[-1] in self.org_suffixes or words[0] in self.org_prefixes
                               or not self.head_particles.isdisjoint(words[1:-1])):
            m.votes["Organization"] += 3
        elif len(words) > 1 and words[0].isalpha() and words[0].isupper() \
                and 2 <= len(words[0]) <= 4 and not words[-1].isupper():
            m.votes["Organization"] += 1  # "KC Refil", "HLM Bus": an acronym opens a company
        if self._known_place(m.text):
            m.votes["Place"] += 3

    def _vote_on_cues(self, doc: TokenDoc, m: "Mention", blocked: set[int]) -> None:
        """Votes from a cue before the mention and a description after its comma."""
        cue = self._cue_before(doc, m, blocked)
        if cue and not (cue in ("Organization", "Product")
                        and _words_after(doc, m).split(" ")[0] in self.demonstratives
                        and doc[m.start - 1].lower_ not in self.naming_words):
            # "perusahaan pengembang X tersebut" describes something else, not X; but
            # "robot bernama X itu" is X
            m.votes[cue] += 2
        if m.end + 1 < len(doc) and doc[m.end].text == "," and any(
                self._known_place(doc[m.end + 1:m.end + 1 + n].text) for n in (1, 2, 3)):
            m.votes["Place"] += 2  # "Batang, Jawa Tengah": a place within a known one
        kind = self._apposition(doc, m)
        if kind:  # apposition says what X is: "X, perusahaan …", "X, the voice assistant"
            m.votes[kind] += 4 if kind == "Product" else 1
        if self._product_head_after(doc, m):
            m.votes["Product"] += 2

    def _vote_on_neighbours(self, doc: TokenDoc, m: "Mention", blocked: set[int]) -> None:
        """Votes from a title right before the mention and the words right after it."""
        after = _words_after(doc, m)
        if m.start - 1 in blocked and doc[m.start - 1].text[:1].isalpha() and not (
                m.end < len(doc) and is_capitalised(doc[m.end])):
            if self._person_after_comma(doc, m.end, blocked):
                m.votes["Organization"] += 1  # "Direktur Utama X, Andreas Lie, …": X's head
            else:
                m.votes["Person"] += 1  # right after a title, unless a name follows: "CEO X Y"
        if after.split(" ")[0] in self.person_after:
            m.votes["Person"] += 1
        if m.start > 0 and doc.tokens[m.start - 1].text in self.honorific_ends and any(
                doc[max(m.start - n, 0):m.start].text in self.honorifics
                for n in range(1, self.honorific_words + 1)):
            m.votes["Person"] += 2  # "Tan Sri Zainal Abidin", "Mr Ong"
        toks = doc.tokens
        if m.start > 1 and toks[m.start - 1].lower_ in self.org_before \
                and toks[m.start - 2].text == "-" and not toks[m.start - 2].whitespace_:
            m.votes["Organization"] += 2  # "Singapore-based X said …": a company
        rest = after.removeprefix(", ")
        if (rest in self.org_after or rest.startswith(self.org_after_openers)) \
                and not self._known_place(m.text):  # "…, Kalimantan Timur, didirikan …"
            m.votes["Organization"] += 3  # "X didirikan pada 2019 oleh …", "X was founded"
        if after.startswith(self.place_after):
            m.votes["Place"] += 3  # "a Pittsburgh-based maker"

    @staticmethod
    def _person_after_comma(doc: TokenDoc, end: int, blocked: set[int]) -> bool:
        """Does a name of two words or more follow token `end` after a comma?"""
        return end + 2 < len(doc) and doc[end].text == "," and all(
            is_capitalised(doc[i]) and i not in blocked for i in (end + 1, end + 2))

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

    def _apposition(self, doc: TokenDoc, m: "Mention") -> str | None:
        """The kind a description right after "X," (or '"X",') points to, if any."""
        end = m.end + 1 if m.end < len(doc) and doc[m.end].text in CLOSING_QUOTES else m.end
        if end >= len(doc) or doc[end].text != ",":
            return None
        if self._attributed(doc, m) and not any(
                t.text == "," for t in doc[end + 1:min(end + 12, doc.sentence_of(m.start).end)]):
            return None  # "Menurut X, robot pertama …": the clause, not what X is
        text = doc[end + 1:min(end + 12, len(doc))].text.lower()
        words = WORDS_AS_WRITTEN.findall(text)[:7]
        while words and words[0] in self.apposition_skip:
            words.pop(0)
        # "X, a line of autonomous inspection drones": the things the group is of say what X is
        collective = next((c for c in self.collectives if words[:len(c)] == c), None)
        if collective and len(words) > len(collective):
            words = words[len(collective):]
        # The head comes first in Indonesian ("X, perusahaan …"); in English it comes last,
        # after a few modifiers ("X, a crowd-sourced database", "X, the software company"):
        # a cue that ends the noun phrase is its head, else the first cue found decides.
        if self.head_first:
            return self._apposition_cue(m, words, [0])
        end = _phrase_end(words, 0, self.phrase_enders)
        if end < len(words) and words[end] in self.person_after:
            return None  # "… from rival X, the company said": who said it, not what X is
        end = self._participle(words, end)
        if 0 < end < len(words) - 1 and words[end] in ("and", "or"):
            # "a booking and loyalty app that …": modifiers joined, then the head
            joined = _phrase_end(words, end + 1, self.phrase_enders)
            kind = self._apposition_cue(m, words[end + 1:joined],
                                        range(min(5, joined - end - 1)), whole=True)
            if kind:
                return kind
        # a cue must start inside the phrase: in "X, who left Keelmoor Bank" no phrase
        # describes X but "who" says it is a person
        kind = self._apposition_cue(m, words[:end], range(min(5, end)), whole=True,
                                    plural=True) or \
            self._apposition_cue(m, words, range(min(5, max(end, 1))))
        if not kind and 0 < end < len(words) - 1 and words[end] == ",":
            # "X, the wheeled, two-armed picking robot": adjectives between commas
            after = self._participle(words, _phrase_end(words, end + 1, self.phrase_enders))
            kind = self._apposition_cue(m, words[end + 1:after],
                                        range(min(5, after - end - 1)), whole=True)
        return kind

    def _participle(self, words: list[str], end: int) -> int:
        """Where an English noun phrase ends when a participle follows its head: "a startup
        building robots for warehouses" is a startup, not robots."""
        for k in range(1, end):
            if words[k].endswith("ing") and any(
                    " ".join(words[i:k]) in cues for cues in self.apposition.values()
                    for i in range(k)):
                return k
        return end

    def _apposition_cue(self, m: "Mention", words: list[str], starts,
                        whole: bool = False, plural: bool = False) -> str | None:
        """The kind of the first cue starting at one of `starts` (and, if `whole`, ending
        with `words`; if `plural`, maybe a cue's plural: "a line of inspection drones")."""
        for start in starts:
            rest = words[start:]
            # the words from `start` on, whole words only, longest first so the longest cue wins
            sizes = [len(rest)] if whole else range(min(len(rest), self.apposition_words), 0, -1)
            phrases = [" ".join(rest[:n]) for n in sizes]
            for kind, cues in self.apposition.items():
                cue = next((phrase for phrase in phrases if phrase in cues
                            or (plural and phrase.endswith("s") and phrase[:-1] in cues)), None)
                if cue:
                    m.descriptors.update(words[:start] + cue.split())
                    return kind
        return None

    def _product_head_after(self, doc: TokenDoc, m: "Mention") -> bool:
        """"The Lyra humanoid robot", "its Ambervale Plus loyalty app": a name between a
        determiner and the product noun its phrase ends with (not "the Acme robot maker")."""
        toks = doc.tokens
        if self.head_first or m.start == 0 or toks[m.start - 1].lower_ not in self.determiners:
            return False
        for j in range(m.end, min(m.end + 3, len(toks))):
            if not (toks[j].is_alpha and toks[j].is_lower):
                return False
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if (toks[j].lower_ in self.product_heads
                    or toks[j].lower_.removesuffix("s") in self.product_heads) and (
                    nxt is None or not nxt.text[:1].isalpha() or nxt.lower_ in self.stop_words):
                return True
        return False

    def _attributed(self, doc: TokenDoc, m: "Mention") -> bool:
        """Does an attribution ("menurut", "according to") open the sentence right before X?"""
        start = doc.sentence_of(m.start).start
        before = [t.lower_ for t in doc[start:m.start] if t.text[:1].isalnum()]
        return before in self.attribution_openers

    def _cue_before(self, doc: TokenDoc, m: "Mention", blocked: set[int]) -> str | None:
        """The kind a cue word in the words before the mention points to, if any.

        Indonesian puts the head first ("firma modal ventura X"): the first cue of the
        window decides. English puts it last ("the chip maker X"): the cue must end right
        before the name.
        """
        window = self._cue_window(doc, m, blocked=blocked)
        found = []  # (position of the cue's first word, kind)
        for i, word in enumerate(window):
            for words, kind in self.cues_by_first.get(word, ()):
                if window[i:i + len(words)] == words:
                    found.append((i, kind))
        if not found:
            return None
        found.sort()
        # "produsen cip X": later "produsen itu" is X; but "anak usaha X" is X's subsidiary,
        # not X
        if not any(" ".join(window[:n]) in self.relational_cues
                   for n in range(1, len(window) + 1)):
            m.descriptors.update(window)
        last = [(i, kind) for i, kind in found if tuple(window[i:]) in self.cue_words_of[kind]]
        if self.head_first:
            # "perusahaan asal Gimhae": a place cue right before the name links it to the
            # head, which is something else
            if last and last[-1][1] == "Place":
                return "Place"
            return found[0][1]
        return last[-1][1] if last else None

    def _description_before(self, doc: TokenDoc, m: "Mention") -> list[str]:
        """The words of a description set before the name between commas: "mendirikan anak
        usaha baru, PT X, untuk …" describes X as "anak usaha baru", so that "anak usaha
        tersebut" can later refer to it."""
        toks = doc.tokens
        if m.start < 2 or toks[m.start - 1].text != "," or (
                m.end < len(toks) and toks[m.end].text not in (",", ".")):
            return []
        return self._cue_window(doc, m, m.start - 1)

    def _cue_window(self, doc: TokenDoc, m: "Mention", end: int | None = None,
                    blocked: set[int] | frozenset[int] = frozenset()) -> list[str]:
        """The lower-case words right before the mention where a cue may stand.

        Up to four words in Indonesian ("penyedia layanan komputasi awan X"), with no function
        word or verb between; two in English.
        """
        toks = doc.tokens
        window: list[str] = []
        start = m.start if end is None else end  # (`end`: where the words before end)
        named_at = start
        while start > 0 and toks[start - 1].lower_ in self.naming_words:
            start -= 1  # "chatbot berjulukan Pi": the naming word stands between cue and name
        if start > 1 and f"{toks[start - 2].lower_} {toks[start - 1].lower_}" in self.naming_words:
            start -= 2  # "didirikan … dengan nama X": "nama" is no person's cue here
        if start < named_at and start > 0 and toks[start - 1].text == ",":
            start -= 1  # "The robot, called Tsubame, …"
        if start == named_at and start > 0 and toks[start - 1].text in OPENING_QUOTES:
            start -= 1  # 'its 2019 hit "Iron Lute"': the cue stands before the quote
        for t in reversed(toks[max(start - (4 if self.head_first else 2), 0):start]):
            word = t.lower_
            if window and len(word) == 4 and word.isdigit():
                break  # "its 2019 hit X": a year, not a count
            if window and (word[:1].isdigit() or word in self.number_words):
                return []  # "sepuluh unit X": ten units of X, counted, not described
            if not t.text[:1].isalpha() or (window and self.head_first and word in self.stop_words):
                break
            if t.i in blocked and t.i - 1 in blocked:
                # "sekretaris perusahaan X": a title of several words describes a person, not
                # X (one word may end a cue: "firma konsultan X")
                break
            if is_capitalised(t) and not (t.is_sent_start and word in self.thing_cue_words):
                break
            if self.head_first and word not in self.all_cue_words and any(
                    shape.match(word) for shape in self.verb_shapes) and not (
                    t.i > 0 and toks[t.i - 1].lower_ in self.all_cue_words
                    and any(shape.match(word) for shape in self.modifier_shapes)):
                # "menunjuk X": a verb before the name ends the window; but in "layanan
                # berlangganan X" the verb's form modifies the cue before it
                break
            window.insert(0, word)
        return window


def _phrase_end(words: list[str], start: int, enders: set[str]) -> int:
    """Where the noun phrase starting at `start` ends: punctuation or a word that ends it."""
    return next((n for n in range(start, len(words)) if not words[n][:1].isalnum()
                 or words[n] in enders), len(words))


def _words_after(doc: TokenDoc, m: "Mention") -> str:
    """The next four words after the mention, lower-case, as one string."""
    return " ".join(t.lower_ for t in doc.tokens[m.end:m.end + 4])


def _phrases(items: list[str]) -> list[str]:
    """Lower-case cue phrases, longest first so that the longest match wins."""
    return sorted({i.lower() for i in items}, key=len, reverse=True)
