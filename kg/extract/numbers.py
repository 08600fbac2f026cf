"""Find money amounts, percentages and stated ages in news text, with normalised values.

Language knowledge (number words, scales, currencies, percent and age cues) lives in
kg/lexicons/<lang>/numbers.toml; this module only knows how such words combine.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Context, Decimal
from functools import lru_cache
from pathlib import Path

_LEXICONS = Path(__file__).parent.parent / "lexicons"
# A longer digit run is an identifier or noise, not an amount; the cap also keeps the
# arithmetic below exact and cheap on hostile input.
_MAX_DIGITS = 15
# Our own context, so a caller's decimal settings cannot round or trap our values.
_CTX = Context(prec=60)
_ONE = Decimal(1)
# ASCII digits only: \d would also take digits of other scripts that the rules below do not model.
_DIGITS = r"[0-9]+(?:[.,][0-9]+)*"
# A number must not start inside a word or another number ("A320", the "5" of "1,5").
_START = r"(?<![\w.,])"
# Letters only (\w minus digits and underscore), so "14bn" still has an edge between 4 and b.
_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_NO_LETTER_AFTER = r"(?![^\W\d_])"
_AGE_RANGE = (1, 120)
# The number words are for small numbers: "seratus dua puluh lima" is four words.
_MAX_NUMBER_WORDS = 5
# How far before a match to look for a qualifier such as "average" in "average age of 27".
_QUALIFIER_WINDOW = 40


@dataclass(frozen=True)
class Quantity:
    """A money amount, percentage or age found in a text."""

    start: int  # character offsets into the text, end exclusive, covering the whole expression
    end: int
    kind: str  # "money" | "percent" | "age"
    value: Decimal  # money in whole units of the currency; percent as 0-100; age in years
    currency: str | None = None  # ISO 4217 code for money


@dataclass(frozen=True, eq=False)
class NumbersLexicon:
    """One language's number words, scales, currencies and cues, and the regexes built from them."""

    values: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    addends: dict[str, Decimal]
    scales: dict[str, Decimal]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    age_unit_required: bool
    money_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    age_re: re.Pattern[str]
    qualifier_before_re: re.Pattern[str]
    # every expression starts with a digit or one of these words (lower case, first word
    # only): currency signs and words before a number, age triggers, number words
    start_words: tuple[str, ...] = ()


def _key(word: str) -> str:
    """The lookup form of a matched word: lower case, single spaces."""
    return " ".join(word.lower().split())


def _alt(words: Iterable[str]) -> str:
    """A regex matching any of `words`: escaped, longest first, whole words only.

    No word may follow a letter, symbols included: "$" inside "A$5" must not read as US dollars.
    """
    keys = sorted({_key(w) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not keys:
        return "(?!)"  # an empty list in the lexicon matches nothing
    parts = []
    for word in keys:
        body = r"\s+".join(re.escape(piece) for piece in word.split())
        right = _NO_LETTER_AFTER if word[-1].isalpha() else ""
        parts.append(body + right)
    # Tried at every position of the text, so it should fail fast: the shared look-behind
    # stands once before the alternatives, not in each (it fails inside words), and a look at
    # the first character rules out most word starts before the words are tried one by one.
    firsts = "".join(sorted({re.escape(word[0]) for word in keys}))
    return _NO_LETTER_BEFORE + f"(?=[{firsts}])" + "(?:" + "|".join(parts) + ")"


def _either(word_first: str, number_first: str) -> str:
    """A regex matching either form of an expression, each starting where no letter precedes.

    Both forms test that themselves; testing it once more before both makes most positions of
    a text, those inside words, fail at one test instead of two.
    """
    return _NO_LETTER_BEFORE + f"(?:{word_first}|{number_first})"


def _table(raw: dict, convert=Decimal) -> dict:
    """A lexicon table with its keys in lookup form."""
    return {_key(k): convert(v) for k, v in raw.items()}


@lru_cache(maxsize=8)  # a handful of languages
def load_numbers_lexicon(lang: str) -> NumbersLexicon:
    """Read kg/lexicons/<lang>/numbers.toml and compile its regexes (once per language)."""
    path = _LEXICONS / lang / "numbers.toml"
    if not path.is_file():
        raise ValueError(f"no numbers lexicon for language {lang!r}")
    with path.open("rb") as f:
        data = tomllib.load(f)
    words, age = data["number_words"], data["age"]
    values = _table(words["values"])
    multipliers = _table(words.get("multiply_previous", {}))
    addends = _table(words.get("add_to_previous", {}))
    scales = _table(data["scales"])
    before = _table(data["currency"]["before"], str)
    after = _table(data["currency"]["after"], str)
    joiners = _alt([*values, *multipliers, *addends])
    # Bounded, so a long run of number words costs linear time, not quadratic backtracking.
    num = rf"(?:{_DIGITS}|{_alt(values)}(?:[\s-]+{joiners}){{0,{_MAX_NUMBER_WORDS - 1}}})"
    scale = _alt(scales)
    money = _either(
        # With no scale, a letter glued to the number ("$5k") is a scale we do not know.
        rf"(?P<pre>{_alt(before)})\s?(?P<num1>{num})(?:\s?(?P<scale1>{scale})|{_NO_LETTER_AFTER})",
        rf"{_START}(?P<num2>{num})(?:\s?(?P<scale2>{scale}))?\s?(?P<post>{_alt(after)})",
    )
    percent = rf"{_START}(?P<num>{num})\s?{_alt(data['percent']['words'])}"
    quals = _alt(age["qualifiers"])
    age_re = _either(
        rf"(?P<trig>{_alt(age['triggers'])})(?:\s+(?P<qual>{quals}))?"
        rf"(?:\s+{_alt(age['hedges'])})?\s+(?P<num1>{num})"
        rf"(?:\s+(?:(?P<unit>{_alt(age['units'])})|(?P<other>{_alt(age['other_units'])})))?",
        rf"{_START}(?P<num2>{num})[\s-]?{_alt(age['suffixes'])}",
    )
    return NumbersLexicon(
        values=values, multipliers=multipliers, addends=addends, scales=scales,
        currency_before=before, currency_after=after,
        age_unit_required=bool(age["unit_required"]),
        money_re=re.compile(money, re.IGNORECASE),
        percent_re=re.compile(percent, re.IGNORECASE),
        age_re=re.compile(age_re, re.IGNORECASE),
        qualifier_before_re=re.compile(rf"{quals}[\s-]*$", re.IGNORECASE),
        start_words=tuple(sorted({_key(w).split(" ")[0]
                                  for w in [*before, *values, *age["triggers"]]})),
    )


def _parse_digits(raw: str) -> Decimal | None:
    """The value of a digit string with "." and/or "," separators, or None if it is malformed.

    Indonesian writes "1.500,5" and English "1,500.5", and news copy mixes the two (translated
    wires, quoted figures), so the separator character alone cannot decide. A separator followed
    by exactly three digits reads as a thousands separator, because rounded amounts ("1.500",
    "23.000", "1,500") are far more common than three-decimal figures; any other group length
    is a decimal fraction ("1,5", "75,01", "1.5"). When both characters occur ("1.500,25"),
    the last one is the decimal point.
    """
    groups = re.split(r"[.,]", raw)
    seps = re.findall(r"[.,]", raw)
    if sum(map(len, groups)) > _MAX_DIGITS:
        return None
    if not seps:
        return Decimal(raw)
    head, *tail = groups
    head_ok = 1 <= len(head) <= 3 and head != "0"  # "0,500" is a fraction, not five hundred
    if len(set(seps)) == 1:
        if head_ok and all(len(g) == 3 for g in tail):
            return Decimal("".join(groups))
        return Decimal(f"{head}.{tail[0]}") if len(tail) == 1 else None
    if seps[-1] in seps[:-1] or not head_ok or any(len(g) != 3 for g in tail[:-1]):
        return None  # e.g. "1,500.000,5": two decimal points, or ragged thousands
    return Decimal("".join(groups[:-1]) + "." + groups[-1])


def _parse_words(raw: str, lex: NumbersLexicon) -> Decimal | None:
    """The value of number words: "dua puluh sembilan" -> 29, "twenty-nine" -> 29."""
    parts: list[Decimal] = []
    for word in re.split(r"[\s-]+", raw.lower()):
        if word in lex.values:
            parts.append(lex.values[word])
        elif word in lex.multipliers and parts:
            parts[-1] *= lex.multipliers[word]
        elif word in lex.addends and parts:
            parts[-1] += lex.addends[word]
        else:
            return None
    return sum(parts, Decimal(0)) if parts else None


def _parse_number(raw: str, lex: NumbersLexicon) -> Decimal | None:
    """The value of a number written in digits or in words, or None."""
    return _parse_digits(raw) if raw[0].isdigit() else _parse_words(raw, lex)


def _tidy(value: Decimal) -> Decimal:
    """`value` as a plain integer when whole, else without trailing zeros."""
    if value == value.to_integral_value(context=_CTX):
        return value.quantize(_ONE, context=_CTX)
    return value.normalize(_CTX)


def _money(m: re.Match[str], lex: NumbersLexicon) -> Quantity | None:
    number = _parse_number(m["num1"] or m["num2"], lex)
    if number is None:
        return None
    scale_word = m["scale1"] or m["scale2"]
    scale = lex.scales[_key(scale_word)] if scale_word else _ONE
    currency = (lex.currency_before[_key(m["pre"])] if m["pre"]
                else lex.currency_after[_key(m["post"])])
    value = _tidy(_CTX.multiply(number, scale))
    return Quantity(m.start(), m.end(), "money", value, currency)


def _percent(m: re.Match[str], lex: NumbersLexicon) -> Quantity | None:
    number = _parse_number(m["num"], lex)
    return None if number is None else Quantity(m.start(), m.end(), "percent", _tidy(number))


def _age(m: re.Match[str], lex: NumbersLexicon, text: str) -> Quantity | None:
    # A qualifier or a non-year unit means an average, a bound or months: not a person's age.
    if m["qual"] or m["other"] or (m["trig"] and lex.age_unit_required and not m["unit"]):
        return None
    if lex.qualifier_before_re.search(text, max(0, m.start() - _QUALIFIER_WINDOW), m.start()):
        return None
    years = _parse_number(m["num1"] or m["num2"], lex)
    low, high = _AGE_RANGE
    if years is None or years != years.to_integral_value(context=_CTX):
        return None
    if not low <= years <= high:
        return None
    return Quantity(m.start(), m.end(), "age", _tidy(years))


def _candidates(text: str, lex: NumbersLexicon) -> Iterator[Quantity | None]:
    starts = _starts(text, lex)
    for m in _matches(lex.money_re, text, starts):
        yield _money(m, lex)
    for m in _matches(lex.percent_re, text, starts):
        yield _percent(m, lex)
    for m in _matches(lex.age_re, text, starts):
        yield _age(m, lex, text)


def _starts(text: str, lex: NumbersLexicon) -> list[int] | None:
    """Every offset where an expression may start: a digit, or a start word where no letter
    stands before it. None when lower-casing the text would not keep every offset, or
    when it holds a letter the regexes' IGNORECASE matches to another ("ſ" to "s").

    A regex scan tries each of the text's thousands of offsets; the few dozen where a number
    can start are found far quicker by plain substring search. (A letter, to the regexes, is
    a word character but no digit: every `isalpha` character is one.)
    """
    lower = text.lower()
    if len(lower) != len(text) or any(c in text for c in _ODD_CASES):
        return None
    found = {m.start() for m in _DIGIT_RUN.finditer(text)}
    for word in lex.start_words:
        at = lower.find(word)
        while at >= 0:
            if at == 0 or not text[at - 1].isalpha():
                found.add(at)
            at = lower.find(word, at + 1)
    return sorted(found)


_DIGIT_RUN = re.compile(r"[0-9]+")
# letters that IGNORECASE matches to ASCII ones while lower() keeps them apart
_ODD_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")


def _matches(regex: re.Pattern[str], text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """`regex.finditer(text)`, trying only at `starts` (all offsets if None)."""
    if starts is None:
        yield from regex.finditer(text)
        return
    end = 0
    for at in starts:
        if at >= end and (m := regex.match(text, at)):
            end = m.end()
            yield m


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """Every money amount, percentage and stated age in `text`, in text order, non-overlapping.

    `lang` names a lexicon folder ("id", "en"). Where two finds overlap, the one that starts
    first wins, and of two starting together the longer.
    """
    lex = load_numbers_lexicon(lang)
    found = sorted((q for q in _candidates(text, lex) if q is not None),
                   key=lambda q: (q.start, q.start - q.end))
    kept: list[Quantity] = []
    for q in found:
        if not kept or q.start >= kept[-1].end:
            kept.append(q)
    return kept
