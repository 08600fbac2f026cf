"""Read facts off encoded sentences with the lexicon's patterns.

A pattern names a relation and captures roles (S subject, O object, T title, A age, M money,
P percent). Most relations become one fact per subject and object (coordination gives
several). A few are special: `title` gives the job title and, with an organization, `leads`
or `worksFor` by the kind of title; `formerName` also merges the old name into the entity;
`Investment` and `Acquisition` feed the event assembler.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kg.extract.encode import Encoded, Slot
from kg.extract.lexicon import Lexicon, LexiconError, load_lexicon
from kg.extract.model import EVENT_KINDS, Entity, Evidence, Fact
from kg.extract.patterns import PatternError, compile_pattern, role_kinds

SLOT_INDEX = re.compile(r"#(\d+)")
DEFAULT_CONFIDENCE = 0.8
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


@dataclass
class RoleMatch:
    """One place a pattern matched: the slots each role took, and how sure we are."""

    pattern: Pattern
    roles: dict[str, list[Slot]]
    confidence: float


@lru_cache(maxsize=8)
def compiled_patterns(lang: str) -> tuple[Pattern, ...]:
    """The language's patterns, compiled once per process."""
    lexicon = load_lexicon(lang)
    coordinators = tuple(lexicon.words.get("coordinators", [",", "dan", "and"]))
    out = []
    for n, spec in enumerate(lexicon.patterns):
        pid = spec.get("id", f"{lang}.{spec.get('rel', '?')}.{n}")
        try:
            regex = compile_pattern(spec["p"], lexicon.words, coordinators)
        except (KeyError, PatternError, re.error) as e:
            raise LexiconError(f"pattern {pid} of {lang}: {e}") from None
        out.append(Pattern(pid, spec["rel"], regex, float(spec.get("conf", DEFAULT_CONFIDENCE)),
                           1 if spec["rel"] == "formerName" else 2,
                           frozenset(spec.get("unless", [])),
                           tuple(role_kinds(spec["p"]).items()),
                           bool(spec.get("placed", False))))
    return tuple(out)


def match_sentence(encoded: Encoded, patterns: tuple[Pattern, ...], lexicon: Lexicon,
                   stage: int) -> list[RoleMatch]:
    """Every match of the stage's patterns in the sentence, negated ones dropped."""
    negation = set(lexicon.words.get("negation", []))
    hypothetical = set(lexicon.words.get("hypothetical", []))
    uncertain = set(lexicon.words.get("uncertain", []))
    found = []
    for pattern in patterns:
        if pattern.stage != stage:
            continue
        for m in pattern.regex.finditer(encoded.text):
            tokens = m.group(1).split()
            words = set(tokens) | {t.split("#")[0] for t in tokens if "#" in t}  # + "PCT" …
            if words & negation or words & hypothetical or words & pattern.unless:
                continue
            roles: dict[str, list[Slot]] = {}
            for name, text in m.groupdict().items():
                if text:
                    roles.setdefault(name.split("_")[0], []).extend(
                        encoded.slots[int(i)] for i in SLOT_INDEX.findall(text))
            confidence = pattern.confidence - (UNCERTAIN_PENALTY if words & uncertain else 0)
            found.append(RoleMatch(pattern, roles, confidence))
    return found


def facts_of(match: RoleMatch, evidence: Evidence) -> list[Fact]:
    """The binary facts one match states (events are assembled elsewhere)."""
    rel, roles = match.pattern.relation, match.roles
    subjects = [s.entity for s in roles.get("S", []) if s.entity]
    objects = [s.entity for s in roles.get("O", []) if s.entity]
    facts: list[Fact] = []
    if rel in EVENT_KINDS or rel in ("formerName", "succeeds"):
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
    for s in subjects:
        for o in objects:
            if s is not o:
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
    wanted = {"PER": "Person", "ORG": "Organization"}
    out = []
    for role, kind in match.pattern.kinds:
        if kind in wanted:
            out += [(s.entity, wanted[kind]) for s in match.roles.get(role, [])
                    if s.entity is not None and s.entity.guessed]
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
