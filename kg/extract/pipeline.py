"""The extraction pipeline: text → spaCy Doc → mentions → entities → facts and events."""

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.encode import Encoder
from kg.extract.events import EventAssembler
from kg.extract.language import detect_language
from kg.extract.layout import body_spans, title_of
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import MentionFinder
from kg.extract.model import EVENT_KINDS, Article, Entity, Evidence, Fact
from kg.extract.numbers import find_quantities
from kg.extract.relations import compiled_patterns, facts_of, former_names, match_sentence
from kg.extract.resolve import Resolver
from kg.extract.titles import TitleFinder


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def get_nlp(lang: str) -> Language:
    """A blank spaCy pipeline for `lang` with sentence splitting, built once per process."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks")
    return nlp


@lru_cache(maxsize=4)
def _title_finder(lang: str) -> TitleFinder:
    return TitleFinder(get_nlp(lang), load_lexicon(lang))


def extract(text: str, article_id: str, *, lang: str | None = None,
            source: str = "") -> Article:
    """Extract entities, facts and events from one article's text."""
    lang = lang or detect_language(text)
    lexicon = load_lexicon(lang)
    nlp = get_nlp(lang)
    doc = nlp(text)
    sents = _body_sentences(doc, body_spans(text))
    titles = _title_finder(lang).find(doc)
    quantities = find_quantities(text, lang)
    blocked = {i for t in titles for i in range(t.start, t.end)}
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    mentions = MentionFinder(lexicon, set(nlp.Defaults.stop_words)).find(sents, blocked)
    entities = Resolver(lexicon).resolve(doc, mentions)
    article = Article(article_id, text, lang, title_of(text), source)
    patterns = compiled_patterns(lang)

    # Stage 1: former names ("X, then still called Y") make Y a name of X before anything else.
    for encoded in _encode_all(lexicon, sents, mentions, titles, quantities):
        for match in match_sentence(encoded, patterns, lexicon, stage=1):
            for entity, old in former_names(match):
                _merge(entities, mentions, entity, old)
                article.facts.append(Fact(entity, "formerName", old.name,
                                          _evidence(text, encoded, match)))

    assembler = EventAssembler()
    for n, encoded in enumerate(_encode_all(lexicon, sents, mentions, titles,
                                                    quantities)):
        for match in match_sentence(encoded, patterns, lexicon, stage=2):
            evidence = _evidence(text, encoded, match)
            if match.pattern.relation in EVENT_KINDS:
                assembler.add(match, evidence, n)
            else:
                article.facts.extend(facts_of(match, evidence))
    article.events = assembler.events()
    article.facts = _dedupe(article.facts)
    article.entities = _used(entities, article)
    return article


def _body_sentences(doc: Doc, spans: list[tuple[int, int]]) -> list[Span]:
    out = []
    for sent in doc.sents:
        for start, end in spans:
            lo, hi = max(sent.start_char, start), min(sent.end_char, end)
            if lo < hi:
                span = doc.char_span(lo, hi, alignment_mode="contract")
                if span is not None and len(span) > 0:
                    out.append(span)
    return out


def _encode_all(lexicon, sents, mentions, titles, quantities):
    encoder = Encoder(lexicon)
    for sent in sents:
        inside = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
        ts = [t for t in titles if sent.start <= t.start and t.end <= sent.end]
        qs = [q for q in quantities if sent.start_char <= q.start and q.end <= sent.end_char]
        yield encoder.encode(sent, inside, ts, qs)


def _evidence(text: str, encoded, match) -> Evidence:
    return Evidence(encoded.start, encoded.end, text[encoded.start:encoded.end],
                    match.pattern.id, round(match.confidence, 3))


def _merge(entities: list[Entity], mentions, keep: Entity, old: Entity) -> None:
    """Make every mention of `old` a mention of `keep`; `old`'s names become aliases."""
    if keep is old:
        return
    keep.aliases |= old.labels()
    for m in mentions:
        if m.entity is old:
            m.entity = keep
    if old in entities:
        entities.remove(old)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per (subject, predicate, object): the most confident reading."""
    best: dict[tuple, Fact] = {}
    for fact in facts:
        obj = id(fact.object) if isinstance(fact.object, Entity) else fact.object
        key = (id(fact.subject), fact.predicate, obj)
        if key not in best or fact.evidence.confidence > best[key].evidence.confidence:
            best[key] = fact
    return list(best.values())


def _used(entities: list[Entity], article: Article) -> list[Entity]:
    """All entities the article names: people, organizations, products, places."""
    return entities
