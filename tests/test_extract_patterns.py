"""The pattern language: placeholders, gaps, word lists, coordination, optional atoms."""

import pytest

from kg.extract.patterns import PatternError, compile_pattern, role_kinds

WORDS = {"found": ["mendirikan", "ikut mendirikan"]}
COORD = (",", "dan")


def roles(pattern: str, encoded: str) -> list[dict[str, str]]:
    regex = compile_pattern(pattern, WORDS, COORD)
    return [{k.split("_")[0]: v.strip() for k, v in m.groupdict().items() if v}
            for m in regex.finditer(f" {encoded} ")]


def test_roles_and_word_lists():
    assert roles("{S:PER} ~ @found {O:ORG}", "PER#0 kemudian ikut mendirikan ORG#1 .") == [
        {"S": "PER#0", "O": "ORG#1"}]


def test_a_gap_does_not_cross_a_name():
    assert roles("{S:PER} ~ @found {O:ORG}", "PER#0 dan PER#1 mendirikan ORG#2") == [
        {"S": "PER#1", "O": "ORG#2"}]


def test_a_kind_gap_crosses_other_kinds_only():
    assert roles("{S:PER} ~6/PER @found {O:ORG}", "PER#0 di ORG#1 mendirikan ORG#2") == [
        {"S": "PER#0", "O": "ORG#2"}]


def test_coordination_takes_every_item_of_one_kind():
    found = roles("{O:ORG} didirikan oleh {S:PER+}", "ORG#0 didirikan oleh PER#1 , PER#2 dan "
                  "investor kawakan PER#3 pada 2010")
    assert found == [{"O": "ORG#0", "S": "PER#1 , PER#2 dan investor kawakan PER#3"}]


def test_a_name_of_unsettled_kind_fits_person_and_organization_roles():
    assert roles("{S:PER} @found {O:ORG}", "NAME#0 mendirikan NAME#1") == [
        {"S": "NAME#0", "O": "NAME#1"}]


def test_a_name_of_unsettled_kind_fits_a_product_role_but_no_strict_one():
    assert roles("{S:ORG} @found {O:PROD}", "ORG#0 mendirikan NAME#1") == [
        {"S": "ORG#0", "O": "NAME#1"}]
    assert roles("{S:ORG} @found {O:ORG!}", "ORG#0 mendirikan NAME#1") == []
    # coordinated: every item known to be of the kind
    assert roles("{S:ORG} @found {O:ORG!+}", "ORG#0 mendirikan NAME#1 dan ORG#2") == []
    assert roles("{S:ORG} @found {O:ORG!+}", "ORG#0 mendirikan ORG#1 dan ORG#2") == [
        {"S": "ORG#0", "O": "ORG#1 dan ORG#2"}]


def test_optional_atoms_and_sentence_start():
    assert roles("^ ~3/PER {S:PER} , (yang|nan)? menjabat {T}",
                 "kini PER#0 , menjabat TITLE#1 dan PER#2 , menjabat TITLE#3") == [
        {"S": "PER#0", "T": "TITLE#1"}]


def test_role_kinds():
    assert role_kinds("{S:PER+} ~ @found {O:ORG} {T}?") == {"S": "PER", "O": "ORG"}


# brackets hold alternative words; a role, gap or list inside would be read as plain words
@pytest.mark.parametrize("bad", ["{S:WHAT}", "@nowords", "{S:ORG} (for {M:MONEY})?",
                                 "{T} ( ~3 ) at {O:ORG}"])
def test_a_bad_pattern_is_an_error(bad):
    with pytest.raises(PatternError):
        compile_pattern(bad, WORDS, COORD)


def test_requirements_name_what_a_match_needs():
    from kg.extract.patterns import present, requirements

    needs = requirements("{S:PER} ~ @found (as|sebagai)? {O:ORG!} {T}?", WORDS)
    assert needs == (frozenset({"PER", "NAME"}), frozenset({"mendirikan", "ikut"}),
                     frozenset({"ORG"}))
    words = present(" PER#0 kemudian ikut mendirikan ORG#1 . ")
    assert all(not need.isdisjoint(words) for need in needs)
    unsettled = present(" PER#0 ikut mendirikan NAME#1 ")  # {O:ORG!} wants a known company
    assert any(need.isdisjoint(unsettled) for need in needs)


def test_a_pattern_is_keyed_on_the_need_fewest_sentences_meet():
    from kg.extract.relations import _commonness

    stop_words = {"di", "dan"}
    needs = [frozenset({","}), frozenset({"PER", "NAME"}), frozenset({"di"}),
             frozenset({"TITLE"}), frozenset({"mendirikan", "ikut"})]
    assert sorted(needs, key=lambda need: _commonness(need, stop_words)) == needs[::-1]
    assert _commonness(frozenset({"co-founder"}), stop_words) == 1  # a word, not punctuation


def test_the_pattern_index_drops_no_match():
    """Trying only the patterns whose needs a sentence meets finds every match that trying
    all of them finds, on every sentence of the shipped and test articles."""
    from pathlib import Path

    from kg.extract.language import detect_language
    from kg.extract.pipeline import _prepare
    from kg.extract.relations import PatternSet, compiled_patterns, match_sentence

    root = Path(__file__).parent
    files = sorted((root / "eval").glob("set*/*.txt")) + sorted(
        (root.parent / "seeds").glob("*.txt"))
    sentences = tried = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        lang = detect_language(text)
        indexed = compiled_patterns(lang)
        everything = PatternSet(indexed.patterns, {}, {1: tuple(
            n for n, p in enumerate(indexed.patterns) if p.stage == 1)} | {2: tuple(
                n for n, p in enumerate(indexed.patterns) if p.stage == 2)},
            indexed.negation, indexed.hypothetical, indexed.uncertain, indexed.not_negating)
        reading, _ = _prepare(text, lang)
        for encoded in reading.encoded():
            sentences += 1
            for stage in (1, 2):
                fast = [(m.pattern.id, m.roles) for m in match_sentence(encoded, indexed, stage)]
                full = [(m.pattern.id, m.roles) for m in match_sentence(encoded, everything,
                                                                         stage)]
                assert fast == full, encoded.text
                tried += len(full)
    assert sentences > 500 and tried > 300
