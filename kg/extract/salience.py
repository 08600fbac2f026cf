"""Which entity a word that refers back stands for: the most salient one that fits.

The encoder remembers the entities each sentence named, in order. A word of some kinds
refers back to an entity of those kinds in its own sentence, else in one of the few sentences
before it, nearest first:
- within a sentence the subject (the first entity named) is the likeliest antecedent in news
  prose; a description looks for the nearest instead;
- an entity whose kind is known is preferred over one whose kind is a guess;
- a description with a head noun ("the chipmaker") prefers the entity the text described
  with that noun ("a contract chipmaker"), else one whose name has it ("the airline" for
  "Tambuli Pacific Airlines"), even named before the few sentences;
- a plural ("both", "kedua perusahaan") takes two entities of one kind named in one sentence.
"""

from kg.extract.model import Entity

LOOKBACK = 4  # sentences an anaphor may reach back


class Salience:
    """The entities of the sentences read so far, to choose what a word refers back to."""

    def __init__(self, head_forms: dict[str, list[str]] | None = None) -> None:
        self.history: list[list[Entity]] = []  # the entities of each sentence, in order
        # other words a name may use for a description's head ("the lab": "… Laboratory")
        self.head_forms = head_forms or {}

    def remember(self, sentence_entities: list[Entity]) -> None:
        """Record the entities one sentence named; call once per sentence, in article order."""
        self.history.append(sentence_entities)

    def antecedent(self, kinds: tuple[str, ...], seen: list[Entity], nearest: bool = False,
                   head: str | None = None) -> Entity | None:
        """The entity of one of `kinds` a word refers back to, if any.

        `seen` are the entities named earlier in the word's sentence; `nearest` takes the
        last of them rather than the first; `head` is a description's head noun.
        """
        ordered = list(reversed(seen)) if nearest else seen
        entity = self._described(kinds, ordered, head) if head else None
        entity = entity or _first(ordered, kinds)
        if entity is None:
            for earlier in reversed(self.history[-LOOKBACK:]):
                entity = _first(earlier, kinds)
                if entity:
                    break
        return entity

    def pair(self, kinds: tuple[str, ...], seen: list[Entity]) -> tuple[Entity, Entity] | None:
        """Two entities of one of `kinds` that a plural refers back to, if any.

        The first two different ones of one kind in the sentence so far, else in the
        nearest sentence before that names two; the kinds are tried in order within each
        sentence.
        """
        for group in [seen, *reversed(self.history[-LOOKBACK:])]:
            for kind in kinds:
                # "X said it bought Y …, and the two companies": X counts once
                both = list(dict.fromkeys(e for e in group if e.kind == kind))[:2]
                if len(both) == 2:
                    return both[0], both[1]
                if len(both) == 1 and group is seen:
                    # "It launches the Z3. The Z3 was developed with Y, under a partnership
                    # the two companies signed": Y and the nearest other one before
                    other = next((e for g in reversed(self.history[-LOOKBACK:]) for e in g
                                  if e.kind == kind and e is not both[0]), None)
                    if other is not None:
                        return other, both[0]
        return None

    def _described(self, kinds: tuple[str, ...], ordered: list[Entity],
                   head: str) -> Entity | None:
        """"The chipmaker": one the text called a chipmaker, in `ordered` or else in the
        sentences before, nearest first; failing that, one with the word in its name."""
        groups = [ordered, *(list(reversed(h)) for h in reversed(self.history[-LOOKBACK:]))]
        words = head.split()  # "anak usaha": each word described it
        forms = {head, head + "s", *self.head_forms.get(head, ())}
        for fits in (lambda e: all(w in e.descriptors for w in words),
                     lambda e: _named(e, forms)):
            for group in groups:
                entity = next((e for e in group if e.kind in kinds and fits(e)), None)
                if entity:
                    return entity
        # "the lab", its "Kitewing Flight Lab" named further back: a name is sure enough
        # to reach past the window
        for group in reversed(self.history[:-LOOKBACK]):
            entity = next((e for e in reversed(group) if e.kind in kinds and _named(e, forms)),
                          None)
            if entity:
                return entity
        return None


def _named(entity: Entity, forms: set[str]) -> bool:
    """Whether a word of one of the entity's names is one of `forms` (a head, its plural)."""
    return any(word.lower() in forms
               for name in (entity.name, *entity.aliases) for word in name.split())


def _first(entities: list[Entity], kinds: tuple[str, ...]) -> Entity | None:
    """The first entity of one of `kinds`, preferring those whose kind is known."""
    fitting = [e for e in entities if e.kind in kinds]
    return next((e for e in fitting if not e.guessed), fitting[0] if fitting else None)
