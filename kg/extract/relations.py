"""Read facts off encoded sentences with the lexicon's patterns.

A pattern names a relation and captures roles (S subject, O object, T title, A age, M money,
P percent). Most relations become one fact per subject and object (coordination gives
several). A few are special: `title` gives the job title and, with an organization, `leads`
or `worksFor` by the kind of title; `formerName` also merges the old name into the entity;
`Investment` and `Acquisition` feed the event assembler.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from spacy.util import get_lang_class

from kg.extract.encode import Encoded, Slot
from kg.extract.lexicon import LexiconError, load_lexicon
from kg.extract.model import EVENT_KINDS, Entity, Evidence, Fact
from kg.extract.patterns import PatternError, compile_pattern, requirements, role_kinds

SLOT_INDEX = re.compile(r"#(\d+)")
DEFAULT_CONFIDENCE = 0.8
LEAD_RELATIONS = frozenset({"leads", "title"})  # the patterns that can state `leads`
UNCERTAIN_PENALTY = 0.25


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern from the lexicon."""

    id: str
    relation: str
    regex: re.Pattern
    confidence: float
    stage: int  # 1: naming patterns, run before the rest so their merges count
    unless: frozenset[str] = frozenset()  # words that must not occur in a match
    kinds: tuple[tuple[str, str], ...] = ()  # (role, the kind it asks for)
    placed: bool = False  # a title it finds is held at the organization named last
    needs: tuple[frozenset[str], ...] = ()  # see `patterns.requirements`
    # its words say "no longer" ("tidak lagi menjabat di X"): a negation word does not undo it
    negative: bool = False


@dataclass
class RoleMatch:
    """One place a pattern matched: the slots each role took, and how sure we are."""

    pattern: Pattern
    roles: dict[str, list[Slot]]
    confidence: float


@dataclass(frozen=True)
class PatternSet:
    """A language's patterns, indexed by a word (or placeholder kind) each one needs, so a
    sentence is tried only against the patterns it could match."""

    patterns: tuple[Pattern, ...]
    keyed: dict[tuple[int, str], tuple[int, ...]]  # (stage, needed word) -> pattern positions
    unkeyed: dict[int, tuple[int, ...]]  # stage -> positions of patterns that need nothing
    negation: frozenset[str]
    hypothetical: frozenset[str]
    uncertain: frozenset[str]
    # phrases whose negation word negates no deal ("the 78% … that it does not already own")
    not_negating: tuple[str, ...] = ()
    # stage -> the words that key a pattern of it: a sentence's words meet them in one step
    keys: dict[int, frozenset[str]] = field(init=False, repr=False, compare=False)
    # each distinct need is a bit: a word sets the bits of the needs it meets, and a pattern
    # is a candidate when a sentence's words set all the bits of its needs
    bits: dict[str, int] = field(init=False, repr=False, compare=False)
    bit_words: frozenset[str] = field(init=False, repr=False, compare=False)  # those of `bits`
    masks: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys: dict[int, set[str]] = {}
        for stage, word in self.keyed:
            keys.setdefault(stage, set()).add(word)
        needs = {need: 1 << n for n, need in enumerate(
            dict.fromkeys(need for p in self.patterns for need in p.needs))}
        bits: dict[str, int] = {}
        for need, bit in needs.items():
            for word in need:
                bits[word] = bits.get(word, 0) | bit
        object.__setattr__(self, "keys", {k: frozenset(v) for k, v in keys.items()})
        object.__setattr__(self, "bits", bits)
        object.__setattr__(self, "bit_words", frozenset(bits))
        object.__setattr__(self, "masks", tuple(
            sum(needs[need] for need in set(p.needs)) for p in self.patterns))

    def candidates(self, stage: int, words: frozenset[str],
                   relations: frozenset[str] | None = None) -> list[Pattern]:
        """The stage's patterns (of `relations`, if given) whose every need `words` (see
        `patterns.present`) meets."""
        found = set(self.unkeyed.get(stage, ()))
        for word in words & self.keys.get(stage, frozenset()):
            found.update(self.keyed[(stage, word)])
        if not found:  # most sentences, in stage 1: no need to work out which needs they meet
            return []
        met = 0
        for word in words & self.bit_words:  # the sentence's words that meet some need
            met |= self.bits[word]
        masks = self.masks
        return [self.patterns[n] for n in sorted(found) if masks[n] & met == masks[n] and (
            relations is None or self.patterns[n].relation in relations)]


@lru_cache(maxsize=8)
def compiled_patterns(lang: str) -> PatternSet:
    """The language's patterns, compiled and indexed once per process."""
    lexicon = load_lexicon(lang)
    coordinators = tuple(lexicon.words.get("coordinators", [",", "dan", "and"]))
    out = []
    for n, spec in enumerate(lexicon.patterns):
        pid = spec.get("id", f"{lang}.{spec.get('rel', '?')}.{n}")
        # a lazy gap before an optional last slot never lets it match ("~4 {M:MONEY}?" stops
        # at the gap's shortest): the pattern is also tried with that slot required, first
        texts = [spec["p"][:-1], spec["p"]] if _lazy_optional_tail(spec["p"]) else [spec["p"]]
        for text in texts:
            try:
                regex = compile_pattern(text, lexicon.words, coordinators)
            except (KeyError, PatternError, re.error) as e:
                raise LexiconError(f"pattern {pid} of {lang}: {e}") from None
            out.append(Pattern(pid, spec["rel"], regex,
                               float(spec.get("conf", DEFAULT_CONFIDENCE)),
                               1 if spec["rel"] == "formerName" else 2,
                               frozenset(spec.get("unless", [])),
                               tuple(role_kinds(text).items()),
                               bool(spec.get("placed", False)),
                               requirements(text, lexicon.words),
                               bool(spec.get("negative", False))))
    stop_words = get_lang_class(lang).Defaults.stop_words
    keyed: dict[tuple[int, str], list[int]] = {}
    unkeyed: dict[int, list[int]] = {}
    for n, pattern in enumerate(out):
        if not pattern.needs:
            unkeyed.setdefault(pattern.stage, []).append(n)
            continue
        # the need fewest sentences meet is the sharpest key
        key = min(pattern.needs, key=lambda need: _commonness(need, stop_words))
        for word in key:
            keyed.setdefault((pattern.stage, word), []).append(n)
    words = lexicon.words
    return PatternSet(tuple(out), {k: tuple(v) for k, v in keyed.items()},
                      {k: tuple(v) for k, v in unkeyed.items()},
                      frozenset(words.get("negation", [])),
                      frozenset(words.get("hypothetical", [])),
                      frozenset(words.get("uncertain", [])),
                      tuple(f" {p.lower()} " for p in words.get("not_negating", [])))


# placeholder kinds in most sentences: a person's, an organization's, a name of unsettled kind
COMMON_KINDS = frozenset({"PER", "ORG", "NAME"})


def _commonness(need: frozenset[str], stop_words: set[str]) -> int:
    """Roughly how often a sentence meets a pattern's need (one of its words): punctuation in
    nearly every sentence, a person or an organization in most, a function word in many,
    another placeholder kind (a title, an amount) in some, a content word in few. Keyed on
    commas and names, a sentence drew twice the candidates it draws keyed so."""
    return sum(1000 if not any(map(str.isalnum, word)) else 300 if word in COMMON_KINDS
               else 30 if word in stop_words else 10 if word.isupper() else 1
               for word in need)


def _lazy_optional_tail(text: str) -> bool:
    """Does the pattern end with an optional slot after optional words and a gap?"""
    atoms = text.split()
    if not atoms or not (atoms[-1].startswith("{") and atoms[-1].endswith("}?")):
        return False
    rest = atoms[:-1]
    while rest and rest[-1].endswith("?"):
        rest.pop()
    return bool(rest) and rest[-1].startswith("~") and rest[-1] != "~,"


def match_sentence(encoded: Encoded, patterns: PatternSet, stage: int,
                   relations: frozenset[str] | None = None) -> list[RoleMatch]:
    """Every match of the stage's patterns (of `relations`, if given) in the sentence,
    negated ones dropped."""
    found = []
    for pattern in patterns.candidates(stage, encoded.words, relations):
        for m in pattern.regex.finditer(encoded.text):
            said = m.group(1)
            for phrase in patterns.not_negating:
                said = said.replace(phrase, " ")
            tokens = said.split()
            words = set(tokens) | {t.split("#")[0] for t in tokens if "#" in t}  # + "PCT" …
            if (words & patterns.negation and not pattern.negative) \
                    or words & patterns.hypothetical or words & pattern.unless:
                continue
            roles: dict[str, list[Slot]] = {}
            for name, text in m.groupdict().items():
                if text:
                    roles.setdefault(name.split("_")[0], []).extend(
                        encoded.slots[int(i)] for i in SLOT_INDEX.findall(text))
            uncertain = UNCERTAIN_PENALTY if words & patterns.uncertain else 0
            found.append(RoleMatch(pattern, roles, pattern.confidence - uncertain))
    return found


# The kinds of subject and object a person's relation joins (ontology/shapes.ttl)
DOMAINS = {"reportsTo": ("Person", "Person"), "worksFor": ("Person", "Organization"),
           "leads": ("Person", "Organization"), "leftOrganization": ("Person", "Organization")}


def facts_of(match: RoleMatch, evidence: Evidence) -> list[Fact]:
    """The binary facts one match states (events are assembled elsewhere)."""
    rel, roles = match.pattern.relation, match.roles
    subjects = [s.entity for s in roles.get("S", []) if s.entity]
    objects = [s.entity for s in roles.get("O", []) if s.entity]
    facts: list[Fact] = []
    if rel in EVENT_KINDS or rel in ("formerName", "succeeds", "namedVenture"):
        return facts
    for t in roles.get("T", []):
        for s in subjects:
            if s.kind == "Person":
                facts.append(Fact(s, "jobTitle", _title_text(t), evidence))
    for a in roles.get("A", []):
        for s in subjects:
            if s.kind == "Person" and a.quantity is not None:
                facts.append(Fact(s, "age", int(a.quantity.value), evidence))
    if rel == "title":  # the title nearest the organization is the one held there
        last = roles.get("T", [])[-1:]
        rel = "leads" if last and last[0].title and last[0].title.lead else "worksFor"
    if rel in ("jobTitle", "age"):
        return facts
    if rel == "partnerOf" and not objects:  # "A and B extended their partnership"
        return facts + [Fact(a, rel, b, evidence) for n, a in enumerate(subjects)
                        for b in subjects[n + 1:] if a is not b]
    kinds = DOMAINS.get(rel)
    for s in subjects:
        for o in objects:
            # a list may take in a name of another kind ("A, the chief scientist at Acme,
            # and B report to C"): the relation holds only between the kinds it joins
            if s is not o and (kinds is None or (s.kind, o.kind) == kinds):
                facts.append(Fact(s, rel, o, evidence))
    return facts


def _title_text(slot: Slot) -> str:
    text = slot.title.text if slot.title else ""
    return text.split(" (")[0]


def orphan_titles(match: RoleMatch) -> list[tuple[Entity, Slot]]:
    """(person, title) pairs of a match that names a title but not where it is held."""
    if match.pattern.relation != "jobTitle" or not match.pattern.placed:
        return []
    people = [s.entity for s in match.roles.get("S", []) if s.entity and s.entity.kind == "Person"]
    return [(p, t) for t in match.roles.get("T", []) if t.title for p in people]


def named_ventures(match: RoleMatch) -> list[Entity]:
    """The joint venture a "namedVenture" match names ("Perusahaan patungan bernama X itu"),
    announced in the sentence before by its partners."""
    if match.pattern.relation != "namedVenture":
        return []
    return [s.entity for s in match.roles.get("S", [])
            if s.entity and s.entity.kind == "Organization"]


def successions(match: RoleMatch) -> list[tuple[Entity, Entity]]:
    """(successor, predecessor) pairs of a "succeeds" match ("A menggantikan B")."""
    if match.pattern.relation != "succeeds":
        return []
    new = [s.entity for s in match.roles.get("S", []) if s.entity and s.entity.kind == "Person"]
    old = [s.entity for s in match.roles.get("O", []) if s.entity and s.entity.kind == "Person"]
    return [(a, b) for a in new for b in old if a is not b]


def former_names(match: RoleMatch) -> list[tuple[Entity, Entity]]:
    """(entity, its former name's entity) pairs a naming match states."""
    if match.pattern.relation != "formerName":
        return []
    subjects = [s.entity for s in match.roles.get("S", []) if s.entity]
    objects = [s.entity for s in match.roles.get("O", []) if s.entity]
    return [(s, o) for s in subjects for o in objects if s is not o]


def kind_votes(match: RoleMatch) -> list[tuple[Entity, str]]:
    """(entity, kind) for each entity of a guessed kind in a role that asks for one kind."""
    wanted = {"PER": "Person", "ORG": "Organization", "PROD": "Product"}
    out = []
    for role, kind in match.pattern.kinds:
        if kind in wanted:
            # (not a word that referred back to it: "the company" found it only because
            # its kind was open)
            out += [(s.entity, wanted[kind]) for s in match.roles.get(role, [])
                    if s.entity is not None and s.entity.guessed and not s.anaphor]
    return out


def money_of(match: RoleMatch) -> tuple[Decimal | None, str | None]:
    """The first amount a match captured, with its currency."""
    for slot in match.roles.get("M", []):
        if slot.quantity is not None:
            return slot.quantity.value, slot.quantity.currency
    return None, None


def stake_of(match: RoleMatch) -> Decimal | None:
    for slot in match.roles.get("P", []):
        if slot.quantity is not None:
            return slot.quantity.value
    return None
