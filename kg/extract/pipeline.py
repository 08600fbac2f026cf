"""The extraction pipeline: text → spaCy Doc → mentions → entities → facts and events.

Sentences are read four times, each reading knowing more than the one before:
1. former names ("X, then still called Y") merge Y into X;
2. the relations a name of unsettled kind takes part in settle its kind;
3. the patterns that say who leads what find each person's organization;
4. the final reading, where "perusahaan X" / "X's company" can point to the organization X
   leads (else to the organization the article is most about), gives the facts and events.
Reading 2 tries only the sentences that can tell it something. A sentence is encoded again
only if something it reads changed since the reading before (see `encode`), and matched only
once for each encoding.
"""

import gc
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.symbols import ORTH
from spacy.tokens import Doc

from kg.extract.chunked import ChunkedTokenizer
from kg.extract.encode import Encoded, Encoder
from kg.extract.events import EventAssembler
from kg.extract.language import detect_language
from kg.extract.layout import body_spans, title_of
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.mentions import Mention, MentionFinder
from kg.extract.model import EVENT_KINDS, Article, Entity, Event, Evidence, Fact
from kg.extract.numbers import Quantity, find_quantities, load_numbers_lexicon
from kg.extract.relations import (
    LEAD_RELATIONS,
    RoleMatch,
    compiled_patterns,
    facts_of,
    former_names,
    kind_votes,
    match_sentence,
    named_ventures,
    orphan_titles,
    successions,
)
from kg.extract.resolve import Resolver
from kg.extract.titles import TitleFinder, TitleSpan
from kg.extract.tokens import TokenDoc, TokSpan

# the facts that say what post a person holds, passed on in a succession
POSTS = ("jobTitle", "leads", "worksFor")
# the kinds the relations of a name of unsettled kind can settle it to
SETTLED_KINDS = ("Person", "Organization", "Product")


@Language.factory("punct_sentences")
def punct_sentences(nlp: Language, name: str):
    """spaCy's sentencizer, read off the Doc's arrays: a sentence starts at the first token
    after a sentence-final mark ("." "!" "?" …) that is no punctuation itself. (spaCy's builds
    a Token object for every token to ask the same.)"""
    marks = {nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars}  # as ORTH ids

    def component(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        orths, flags = doc.to_array(["ORTH", "IS_PUNCT"]).T.tolist()
        starts = [0]
        seen_mark = False
        for i, orth in enumerate(orths):
            if orth in marks:
                seen_mark = True
            elif seen_mark and not flags[i]:
                starts.append(i)
                seen_mark = False
        column = doc.to_array("SENT_START").view("int64")
        column.fill(-1)  # not a start
        column[starts] = 1
        doc.from_array(["SENT_START"], column.view("uint64"))
        return doc

    return component


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    # only whitespace tokens hold line breaks, and an article has a few dozen of them: look at
    # those (found in one array) rather than build a Token object for every token
    spaces = doc.to_array("IS_SPACE")
    _start_sentences(doc, [i + 1 for i in spaces.nonzero()[0].tolist()
                           if i + 1 < len(doc) and not spaces[i + 1] and "\n" in doc[i].text])
    return doc


@Language.factory("abbreviation_stops", default_config={"words": []})
def abbreviation_stops(nlp: Language, name: str, words: list[str]):
    """An abbreviated legal form or degree ("PT X Tbk. (XYZ) merombak …", "X, Ph.D.") is one
    token, which ends a sentence only when a capitalised word follows it ("… Tbk. Itu …")
    that is not another form ("Hoshizuki Tsusho Co. Ltd. …")."""
    forms = {nlp.vocab.strings.add(w) for w in words if w.endswith(".")}  # as ORTH ids

    def component(doc: Doc) -> Doc:
        orths = doc.to_array("ORTH").tolist()
        if forms.isdisjoint(orths):  # most articles have none
            return doc
        _start_sentences(doc, [i for i, orth in enumerate(orths[:-1], 1)
                               if orth in forms and orths[i] not in forms
                               and _capitalised(doc[i].text)])
        return doc

    return component


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _start_sentences(doc: Doc, starts: list[int]) -> None:
    """Make tokens `starts` start sentences, in one write: Token.is_sent_start's setter scans
    the whole Doc on every call."""
    if starts:
        column = doc.to_array("SENT_START")
        column[starts] = 1
        doc.from_array(["SENT_START"], column)


@lru_cache(maxsize=4)
def get_nlp(lang: str) -> Language:
    """A blank spaCy pipeline for `lang` with sentence splitting, built once per process."""
    nlp = spacy.blank(lang)
    lexicon = load_lexicon(lang)
    forms = lexicon.words_of("legal_forms") + lexicon.words_of("degrees")
    for form in forms + lexicon.words_of("honorifics"):
        if "." in form:  # "Tbk.", "Sp.PD", "Ir." stay whole: their stops are part of them
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.tokenizer = ChunkedTokenizer(nlp.tokenizer)
    nlp.add_pipe("punct_sentences")
    # "… Orevale Chile SpA. Orevale raised …": the tokenizer keeps some forms with the
    # stop that ends their sentence
    stopped = [f"{form}." for form in lexicon.words_of("legal_forms") if "." not in form]
    nlp.add_pipe("abbreviation_stops", config={"words": forms + stopped})
    nlp.add_pipe("line_breaks")
    return nlp


@lru_cache(maxsize=4)
def _title_finder(lang: str) -> TitleFinder:
    return TitleFinder(get_nlp(lang), load_lexicon(lang))


@lru_cache(maxsize=4)
def _mention_finder(lang: str) -> MentionFinder:
    return MentionFinder(load_lexicon(lang), set(get_nlp(lang).Defaults.stop_words))


@lru_cache(maxsize=4)
def _load(lang: str) -> None:
    """Load all the extractor keeps for `lang` (pipeline, lexicons, patterns, finders), once.

    It lives as long as the process, so it is moved out of the cyclic garbage collector's
    sight: the collector is paused while an article is read (see `extract`), but what the
    caller does between articles (validating, writing) still sets off collections, and a
    full one would walk the whole pipeline each time.
    """
    get_nlp(lang)
    _title_finder(lang)
    _mention_finder(lang)
    compiled_patterns(lang)
    load_numbers_lexicon(lang)
    gc.freeze()


@dataclass
class _Reading:
    """Everything found in an article before its sentences are read for relations."""

    text: str
    lexicon: Lexicon
    sents: list[TokSpan]
    mentions: list[Mention]
    titles: list[TitleSpan]
    quantities: list[Quantity]
    entities: list[Entity]
    owners: dict[int, Entity] = field(default_factory=dict)  # id(person) -> org they lead
    dominant: Entity | None = None
    encoder: Encoder | None = None  # with what the last reading resolved
    orphans: list = field(default_factory=list)  # (person, title slot, sentence, evidence)
    successions: list = field(default_factory=list)  # (successor, predecessor, evidence)
    ventures: list = field(default_factory=list)  # (joint venture, sentence, evidence)
    partners: dict = field(default_factory=dict)  # sentence -> its partnerOf facts
    # (id(encoded), stage) -> (encoded, its matches); the encoding is kept so its id stays its own
    _matched: dict[tuple[int, int], tuple[Encoded, list[RoleMatch]]] = field(
        default_factory=dict)
    _parts: list[tuple[list, list, list]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # each sentence's mentions, titles and quantities, in one pass over each list
        self._parts = [([], [], []) for _ in self.sents]
        at_token = {}
        at_char = []
        for n, sent in enumerate(self.sents):
            at_token.update((i, n) for i in range(sent.start, sent.end))
            at_char.append((sent.start_char, sent.end_char, n))
        for part, items in ((0, self.mentions), (1, self.titles)):
            for item in items:
                n = at_token.get(item.start)
                if n is not None and item.end <= self.sents[n].end:
                    self._parts[n][part].append(item)
        for q in self.quantities:
            for start, end, n in at_char:
                if start <= q.start and q.end <= end:
                    self._parts[n][2].append(q)
                    break

    def encoded(self) -> Iterator[Encoded]:
        """The body sentences, encoded in order with one memory of what came before.

        Sentences are encoded lazily: a former name merged while reading one sentence
        changes how the next ones read.
        """
        if self.encoder is None:
            self.encoder = Encoder(self.lexicon)
        encoder = self.encoder
        encoder.begin(self.owners, self.dominant)  # it keeps what it encoded before
        for sent, (mentions, titles, quantities) in zip(self.sents, self._parts, strict=True):
            yield encoder.encode(sent, mentions, titles, quantities)

    def matches(self, encoded: Encoded, stage: int,
                relations: frozenset[str] | None = None) -> list[RoleMatch]:
        """The stage's matches in a sentence (of `relations`, if given), found once for
        each encoding however many readings look at it."""
        key = (id(encoded), stage)
        if key not in self._matched:
            patterns = compiled_patterns(self.lexicon.lang)
            self._matched[key] = (encoded, match_sentence(encoded, patterns, stage))
        found = self._matched[key][1]
        return found if relations is None else [m for m in found
                                                if m.pattern.relation in relations]


def extract(text: str, article_id: str, *, lang: str | None = None,
            source: str = "") -> Article:
    """Extract entities, facts and events from one article's text.

    The cyclic garbage collector is paused meanwhile: an article makes some hundred thousand
    short-lived objects, which set off a collection every few hundred, but none of them is in
    a reference cycle (refcounting frees them all), so those passes find nothing.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, article_id, lang, source)
    finally:
        if collecting:
            gc.enable()


def _extract(text: str, article_id: str, lang: str | None, source: str) -> Article:
    lang = lang or detect_language(text)
    _load(lang)
    reading, units = _prepare(text, lang)
    article = Article(article_id, text, lang, title_of(text), source)
    early = units + _former_names(reading)
    _settle_kinds(reading)
    # read before the kinds were settled: kept only if their names are still organizations
    article.facts.extend(f for f in early if f.subject.kind == "Organization" and (
        not isinstance(f.object, Entity) or f.object.kind == "Organization"))
    reading.owners = _owners(reading)
    reading.dominant = _dominant_org(reading.mentions)
    facts, events = _read(reading)
    facts += _possessed_leads(reading, facts)
    facts += _titled_organizations(reading, facts)
    facts += _passed_posts(reading, facts)
    facts += _venture_founders(reading)
    article.facts = _members_who_lead(_dedupe(article.facts + facts))
    article.events = _acting_for(events, article.facts)
    article.entities = _worth_keeping(reading, article)
    return article


def _prepare(text: str, lang: str) -> tuple[_Reading, list[Fact]]:
    lexicon = load_lexicon(lang)
    nlp = get_nlp(lang)
    doc = TokenDoc(nlp(text), text)
    sents = _body_sentences(doc, body_spans(text))
    titles = _title_finder(lang).find(doc)
    quantities = find_quantities(text, lang)
    blocked = {i for t in titles for i in range(t.start, t.end)}
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    mentions = _mention_finder(lang).find(sents, blocked)
    resolver = Resolver(lexicon)
    entities = resolver.resolve(doc, mentions)
    units = []
    for unit, parent, mention in resolver.units:
        sent = sents[mention.sent]
        units.append(Fact(unit, "subOrganizationOf", parent, Evidence(
            sent.start_char, sent.end_char, sent.text, "name.unit-of", 0.7)))
    return _Reading(text, lexicon, sents, mentions, titles, quantities, entities), units


def _former_names(reading: _Reading) -> list[Fact]:
    """Stage 1: "X, then still called Y" makes Y a name of X before anything else is read."""
    facts = []
    for encoded in reading.encoded():
        for match in reading.matches(encoded, stage=1):
            for entity, old in former_names(match):
                _merge(reading, entity, old)
                facts.append(Fact(entity, "formerName", old.name,
                                  _evidence(reading.text, encoded, match)))
    return facts


def _read(reading: _Reading) -> tuple[list[Fact], list[Event]]:
    """Every relation pattern over every sentence: binary facts and assembled events."""
    facts: list[Fact] = []
    assembler = EventAssembler()
    reading.orphans = []
    reading.successions = []
    reading.ventures = []
    reading.partners = {}
    for n, encoded in enumerate(reading.encoded()):
        for match in reading.matches(encoded, stage=2):
            evidence = _evidence(reading.text, encoded, match)
            reading.orphans += [(person, title, n, evidence)
                                for person, title in orphan_titles(match)]
            reading.successions += [(new, old, evidence) for new, old in successions(match)]
            reading.ventures += [(v, n, evidence) for v in named_ventures(match)]
            if match.pattern.relation in EVENT_KINDS:
                history = reading.encoder.salience.history if reading.encoder else []
                assembler.add(match, evidence, n, history[n - 1] if 0 < n <= len(history) else ())
            else:
                found = facts_of(match, evidence)
                facts.extend(found)
                if match.pattern.relation == "partnerOf":
                    reading.partners.setdefault(n, []).extend(found)
    return facts, assembler.events()


def _owners(reading: _Reading) -> dict[int, Entity]:
    """Stage 3: the organization each person leads (id(person) -> organization), read with
    the patterns that can say so."""
    owners = {}
    for encoded in reading.encoded():
        for match in reading.matches(encoded, stage=2, relations=LEAD_RELATIONS):
            evidence = _evidence(reading.text, encoded, match)
            owners |= {id(f.subject): f.object for f in facts_of(match, evidence)
                       if f.predicate == "leads" and isinstance(f.object, Entity)}
    return owners


def _settle_kinds(reading: _Reading) -> None:
    """Stage 2: an entity whose kind was a guess takes the kind its relations asked for most.

    Only the sentences where such an entity stands can vote."""
    if not any(e.guessed for e in reading.entities):
        return
    votes: Counter = Counter()
    for encoded in reading.encoded():
        if any(slot.entity is not None and slot.entity.guessed for slot in encoded.slots):
            for match in reading.matches(encoded, stage=2):
                votes.update((id(e), kind) for e, kind in kind_votes(match))
    for entity in reading.entities:
        if entity.guessed:
            ranked = sorted(((votes[(id(entity), kind)], kind) for kind in SETTLED_KINDS),
                            reverse=True)
            if ranked[0][0] > ranked[1][0]:  # a tie leaves the guess
                entity.kind = ranked[0][1]
            else:
                entity.unsure = True
            entity.guessed = False


def _body_sentences(doc: TokenDoc, spans: list[tuple[int, int]]) -> list[TokSpan]:
    """Each sentence's tokens that lie wholly inside a body paragraph (a sentence reaching over
    two paragraphs gives two parts), as spaCy's `char_span(..., alignment_mode="contract")`
    would cut them."""
    out = []
    for sent in doc.sents:
        first, last = sent.start_char, sent.end_char
        for start, end in spans:
            if start < last and first < end:
                part = _tokens_within(sent, start, end)
                if len(part) > 0:
                    out.append(part)
    return out


def _tokens_within(sent: TokSpan, start: int, end: int) -> TokSpan:
    # a paragraph ends before the line break that ends its sentence: most often only that
    # last token is cut, so walking in from both ends is quicker than a search
    tokens = sent.doc.tokens
    first, last = sent.start, sent.end
    while first < last and tokens[first].idx < start:
        first += 1
    while last > first and tokens[last - 1].idx + len(tokens[last - 1].text) > end:
        last -= 1
    return TokSpan(sent.doc, first, last)


def _evidence(text: str, encoded: Encoded, match: RoleMatch) -> Evidence:
    return Evidence(encoded.start, encoded.end, text[encoded.start:encoded.end],
                    match.pattern.id, round(match.confidence, 3))


def _merge(reading: _Reading, keep: Entity, old: Entity) -> None:
    """Make every mention of `old` a mention of `keep`; `old`'s names become aliases."""
    if keep is old:
        return
    keep.aliases |= old.labels()
    for m in reading.mentions:
        if m.entity is old:
            m.entity = keep
    if old in reading.entities:
        reading.entities.remove(old)


def _possessed_leads(reading: _Reading, facts: list[Fact]) -> list[Fact]:
    """A chief executive's company ("CEO X" … "perusahaan X") is the one X leads."""
    lead_titles = {t.text.lower() for t in reading.lexicon.titles if t.lead}
    leaders = {id(f.subject) for f in facts if f.predicate == "leads"}
    titled = {id(f.subject): f for f in facts if f.predicate == "jobTitle"
              and str(f.object).lower() in lead_titles}
    out = []
    for person, org, _ in reading.encoder.possessives if reading.encoder else []:
        if id(person) in titled and id(person) not in leaders:
            title = titled[id(person)]
            out.append(Fact(person, "leads", org, Evidence(
                title.evidence.start, title.evidence.end, title.evidence.text,
                "possessive.lead-title", 0.6)))
            leaders.add(id(person))
    return out


def _titled_organizations(reading: _Reading, facts: list[Fact]) -> list[Fact]:
    """"X, kini menjabat Direktur Teknik": a title named without its organization is held at
    the organization named last before it, in that sentence or the one before."""
    # a post is placed unless the same sentence already says where the person works
    placed = {(id(f.subject), f.evidence.start) for f in facts
              if f.predicate in ("leads", "worksFor")}
    out = []
    for person, slot, sentence, evidence in reading.orphans:
        if (id(person), evidence.start) in placed:
            continue
        org = _organization_before(reading, slot.start, sentence, person, facts)
        if org is not None:
            relation = "leads" if slot.title.lead else "worksFor"
            out.append(Fact(person, relation, org, Evidence(
                evidence.start, evidence.end, evidence.text, "title.organization-before", 0.5)))
            placed.add((id(person), evidence.start))
    return out


def _organization_before(reading: _Reading, offset: int, sentence: int, person: Entity,
                         facts: list[Fact]) -> Entity | None:
    """The organization named last before `offset` in its sentence; else one the person
    founded in the sentence before ("X meluncurkan startup Y. X menjabat ketua"); else the
    one the article is most about, if named lately; else the last one before."""
    earlier = [m for m in reading.mentions if m.entity.kind == "Organization"
               and sentence - 1 <= m.sent <= sentence
               and reading.sents[m.sent].doc[m.start].idx < offset]
    same = [m for m in earlier if m.sent == sentence]
    if same:
        return max(same, key=lambda m: m.start).entity
    history = reading.encoder.salience.history if reading.encoder else []
    if 0 < sentence <= len(history):
        founded = {id(f.object) for f in facts if f.subject is person and f.predicate == "founded"}
        together = [e for e in history[sentence - 1] if id(e) in founded]
        if together:
            return together[-1]
    # named, or referred to ("the company"), in the last six sentences
    recent = {id(e) for seen in history[max(sentence - 6, 0):sentence] for e in seen}
    if reading.dominant is not None and id(reading.dominant) in recent:
        return reading.dominant
    return max(earlier, key=lambda m: m.start).entity if earlier else None


def _passed_posts(reading: _Reading, facts: list[Fact]) -> list[Fact]:
    """"A ditunjuk sebagai Direktur Utama, menggantikan B": B held the post A now holds,
    stated in the same sentence, at the same organization. Not when A's post in that
    sentence is one of the past ("A, a former chief executive of Y, replaces B"). And
    "pengunduran diri B dari kursi Direktur Utama … A sebagai penggantinya": where only the
    predecessor's post is stated, the successor takes it."""
    former = [w.lower() for w in reading.lexicon.extra.get("title_former", [])]
    out = []
    for new, old, evidence in reading.successions:
        held = _posts_in(facts, new, evidence.start)
        titles = [f.object for f in held if f.predicate == "jobTitle"]
        if titles and all(_said_former(evidence.text, t, former) for t in titles):
            continue
        given, taker = (held, old) if held else (_posts_in(facts, old, evidence.start), new)
        out += [Fact(taker, f.predicate, f.object, Evidence(
            evidence.start, evidence.end, evidence.text, "succession", 0.5)) for f in given]
    return out


def _posts_in(facts: list[Fact], person: Entity, start: int) -> list[Fact]:
    """The posts `person` is said to hold in the sentence starting at character `start`."""
    return [f for f in facts if f.subject is person and f.predicate in POSTS
            and f.evidence.start == start]


def _venture_founders(reading: _Reading) -> list[Fact]:
    """"A membentuk perusahaan patungan dengan B. Perusahaan patungan bernama X itu …": the
    partners of the sentence before (or the one before that) founded the joint venture named
    after it."""
    out = []
    for venture, n, evidence in reading.ventures:
        before = next((k for k in (n - 1, n - 2) if reading.partners.get(k)), n - 1)
        for partnership in reading.partners.get(before, []):
            for partner in (partnership.subject, partnership.object):
                if partner is not venture and isinstance(partner, Entity):
                    out.append(Fact(partner, "founded", venture, Evidence(
                        evidence.start, evidence.end, evidence.text, "venture.named-after",
                        0.6)))
    return out


def _said_former(sentence: str, title: str, former: list[str]) -> bool:
    """Does a word for "former" stand right before `title` in the sentence ("a former
    chief executive", "ex-CEO", "mantan Direktur Utama")?"""
    at = sentence.lower().find(title.lower())
    words = "|".join(re.escape(w) for w in former)
    return at >= 0 and bool(words) and bool(
        re.search(rf"(?:^|[^\w-])(?:{words})\s*$", sentence[:at].lower()))


def _members_who_lead(facts: list[Fact]) -> list[Fact]:
    """Whoever leads an organization is not also listed as working for it, unless the text
    gave them a lower post there too (a CTO who became interim CEO)."""
    leads = {(id(f.subject), id(f.object)) for f in facts if f.predicate == "leads"}
    member_posts = {(id(f.subject), id(f.object)) for f in facts
                    if f.predicate == "worksFor" and ".title." in f.evidence.rule}
    return [f for f in facts if not (
        f.predicate == "worksFor" and (id(f.subject), id(f.object)) in leads
        and (id(f.subject), id(f.object)) not in member_posts)]


def _worth_keeping(reading: _Reading, article: Article) -> list[Entity]:
    """Entities that take part in a fact, or that the text named twice or with a cue word:
    a capitalised word seen once with nothing said about it is likelier noise than a name."""
    used = {id(f.subject) for f in article.facts}
    used |= {id(f.object) for f in article.facts if isinstance(f.object, Entity)}
    used |= {id(a) for e in article.events for a in [*e.agents, e.target]}
    counts = Counter(id(m.entity) for m in reading.mentions)
    cued = {id(m.entity) for m in reading.mentions if max(m.votes.values(), default=0) >= 2}
    return [e for e in reading.entities
            if id(e) in used or counts[id(e)] >= 2 or id(e) in cued]


def _dominant_org(mentions: list[Mention]) -> Entity | None:
    """The organization the article names most often."""
    counts = Counter(id(m.entity) for m in mentions if m.entity.kind == "Organization")
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    return next(m.entity for m in mentions if id(m.entity) == top)


def _acting_for(events: list[Event], facts: list[Fact]) -> list[Event]:
    """A chief executive who "poured $14 billion" into a company did so for the one he leads."""
    leads = {id(f.subject): f.object for f in facts
             if f.predicate == "leads" and isinstance(f.object, Entity)}
    for event in events:
        event.agents = list(dict.fromkeys(
            leads.get(id(a), a) if a.kind == "Person" else a for a in event.agents))
    return events


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per (subject, predicate, object): the most confident reading."""
    best: dict[tuple, Fact] = {}
    for fact in facts:
        obj = id(fact.object) if isinstance(fact.object, Entity) else fact.object
        key = (id(fact.subject), fact.predicate, obj)
        if key not in best or fact.evidence.confidence > best[key].evidence.confidence:
            best[key] = fact
    return list(best.values())
