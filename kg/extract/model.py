"""What the extractor finds in an article: entities, facts about them, and deal events."""

from dataclasses import dataclass, field
from decimal import Decimal

ENTITY_KINDS = ("Person", "Organization", "Product", "Place")
EVENT_KINDS = ("Investment", "Acquisition")


@dataclass(eq=False)
class Entity:
    """One real thing the article talks about, however many ways it names it."""

    kind: str  # one of ENTITY_KINDS
    name: str  # canonical (fullest) name: the entity's rdfs:label
    aliases: set[str] = field(default_factory=set)  # other names the text used
    # The kind was a guess from the name's shape alone; the relations it takes part in decide.
    guessed: bool = field(default=False, compare=False)
    # A guessed kind that no relation settled either: nothing in the text says what it is.
    unsure: bool = field(default=False, compare=False)
    # Words the text described it with ("a contract chipmaker"): "the chipmaker" is this one.
    descriptors: set[str] = field(default_factory=set, compare=False)

    def labels(self) -> set[str]:
        """Every name of the entity, canonical first in no particular order after."""
        return {self.name} | self.aliases


@dataclass(frozen=True)
class Evidence:
    """Where a fact came from: a span of the article, the rule that read it, how sure it is."""

    start: int  # character offsets into the article text, end exclusive
    end: int
    text: str
    rule: str
    confidence: float = 0.8


Value = Entity | str | int | Decimal


@dataclass(eq=False)
class Fact:
    """A binary fact: `subject predicate object`, predicate an ontology local name."""

    subject: Entity
    predicate: str
    object: Value
    evidence: Evidence


@dataclass(eq=False)
class Event:
    """An investment or acquisition: who put money into (or bought) whom, for how much."""

    kind: str  # one of EVENT_KINDS
    agents: list[Entity]  # investors, or the acquirer
    target: Entity  # the investee, or the company acquired
    evidence: Evidence
    amount: Decimal | None = None  # whole units of `currency`
    currency: str | None = None  # ISO 4217 code
    stake: Decimal | None = None  # percent, 0-100


@dataclass
class Article:
    """One article and everything extracted from it."""

    id: str  # stable id (from the file name); names the article's graph
    text: str
    lang: str
    title: str = ""
    source: str = ""  # the file name it was read from
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def above(article: Article, min_confidence: float) -> Article:
    """The article keeping only facts and events read with at least `min_confidence`."""
    article.facts = [f for f in article.facts if f.evidence.confidence >= min_confidence]
    article.events = [e for e in article.events if e.evidence.confidence >= min_confidence]
    return article
