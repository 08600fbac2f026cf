"""Assemble investments and acquisitions from pattern matches, across sentences.

News spreads one deal over several sentences: "X raised $2 billion. The round was led by Y,
with Z taking part." A match with a target opens (or completes) the event for that target;
a match with only backers adds them to the latest event of its kind a few sentences back.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.model import Entity, Event, Evidence
from kg.extract.relations import RoleMatch, money_of, stake_of

REACH = 3  # sentences a partial mention may reach back to its event


@dataclass
class _Open:
    event: Event
    sentence: int


class EventAssembler:
    """Collects event matches in article order and returns the complete events."""

    def __init__(self) -> None:
        self._open: list[_Open] = []

    def add(self, match: RoleMatch, evidence: Evidence, sentence: int,
            before: Sequence[Entity] = ()) -> None:
        """Take one Investment/Acquisition match found in sentence number `sentence`;
        `before` are the entities the sentence before it named, in order."""
        kind = match.pattern.relation
        agents = [s.entity for s in match.roles.get("S", []) if s.entity]
        targets = [s.entity for s in match.roles.get("O", []) if s.entity]
        amount, currency = money_of(match)
        stake = stake_of(match)
        if not targets:
            recent = next((o for o in reversed(self._open) if o.event.kind == kind
                           and sentence - o.sentence <= REACH), None)
            if recent and (_another_deal(recent.event, amount)
                           or _another_stake(recent.event, stake)):
                # "… setelah putaran Seri A senilai Rp 150 miliar yang dipimpin X": an earlier
                # round of the same company; "X menggenggam 51% saham … Y … untuk 49% saham":
                # another holding in it
                targets = [recent.event.target]
            elif recent:
                self._merge(recent, agents, amount, currency, stake, sentence)
                return
            elif amount is not None and (earlier := next(
                    (o for o in reversed(self._open) if o.event.kind == kind), None)) \
                    and _another_deal(earlier.event, amount):
                # "Pendanaan jembatan ini menyusul putaran Seri A senilai US$20 juta yang
                # dipimpin X", paragraphs after the round: the same company's earlier round
                targets = [earlier.event.target]
            elif stake is not None and amount is not None and (
                    subject := _subject_org(before, agents)):
                # "Perusahaan patungan bernama X itu memiliki modal Rp 520 miliar. Y menyetor
                # Rp 312 miliar untuk 60% saham": a stake paid for is in the company just
                # spoken of
                targets = [subject]
            else:
                return
        for target in targets:
            same = next((o for o in self._open if o.event.kind == kind
                         and o.event.target is target
                         and not _another_deal(o.event, amount)
                         and not _another_stake(o.event, stake)), None)
            if same:
                self._merge(same, agents, amount, currency, stake, sentence)
            else:
                event = Event(kind, [a for a in agents if a is not target], target, evidence,
                              amount, currency, stake)
                self._open.append(_Open(event, sentence))

    def _merge(self, o: _Open, agents, amount, currency, stake, sentence: int) -> None:
        event = o.event
        for a in agents:
            if a is not event.target and a not in event.agents:
                event.agents.append(a)
        if event.amount is None and amount is not None:
            event.amount, event.currency = amount, currency
        if event.stake is None and stake is not None:
            event.stake = stake
        o.sentence = sentence

    def events(self) -> list[Event]:
        """Events that know both who paid and who was paid for. Buying all of a company
        ("100 persen saham") is an acquisition, whatever words said it; a stake bought by
        whoever the text also says acquired the company ("mengakuisisi 90% saham X") is that
        acquisition, told twice."""
        out = []
        for o in self._open:
            event = o.event
            if event.kind == "Investment" and event.stake is not None and event.stake >= 100:
                event.kind = "Acquisition"
            if event.kind == "Acquisition":
                event.stake = None  # a stake belongs to investments only
            if event.agents:
                out.append(event)
        acquired = {(id(e.target), id(a)) for e in out if e.kind == "Acquisition"
                    for a in e.agents}
        return [e for e in out if e.kind != "Investment"
                or not any((id(e.target), id(a)) in acquired for a in e.agents)]


def _subject_org(entities: Sequence[Entity], agents: list[Entity]) -> Entity | None:
    """The first organization named (the subject, in news prose), if it is not a backer."""
    first = next((e for e in entities if e.kind == "Organization"), None)
    return first if first is not None and first not in agents else None


def _another_deal(event: Event, amount) -> bool:
    """A second amount for the same company is a second deal, not more of the first."""
    return amount is not None and event.amount is not None and amount != event.amount


def _another_stake(event: Event, stake) -> bool:
    """Two stakes in one company are two holdings: "A takes 51% and B 49%"."""
    return stake is not None and event.stake is not None and stake != event.stake
