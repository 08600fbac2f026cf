"""A small pattern language over encoded sentences, compiled to regular expressions.

A sentence is encoded as its lower-cased tokens, each after a space, with each mention
replaced by a placeholder `KIND#n` (PER, ORG, PROD, PLACE, TITLE, MONEY, PCT, AGE). A pattern
is a space-separated list of atoms, each matching one or more tokens:

    {S:PER}      a mention of that kind, captured as role S   (kinds: PER ORG PROD PLACE TITLE
    {O:ORG+}     several, coordinated ("A, B dan C")            MONEY PCT AGE, AGENT = PER|ORG,
    {O:ORG!}     only a name known to be of that kind (not an unsettled NAME)
    {T}          a title, captured as role T                    NUM (a bare number 1-120),
                                                                THING = ORG|PROD, ANY)
    ~  ~N        up to 4 (or N) words, no name (PER ORG PROD PLACE) in between, nor a
                 comma and a word of the `contrasts` list (", sedangkan", ", while")
    ~N/PER       up to N words, no mention of that kind in between (others allowed)
    ~~N          up to N tokens of any kind
    ~,           an optional aside between commas (", who joined in 2019 ,"), or two
    ^            the start of the sentence
    !a|b         one word that is none of these
    @list        any phrase of the named word list
    a|b          a literal word or alternatives
    (a b|c)      alternatives of several words; brackets hold words only (no roles, gaps
                 or lists: compiling one is an error)
    atom?        makes any atom optional

In English, an organization's slot ({O:ORG}, {S:THING} …) also takes a place before the name
("invested in Helsinki-based X"), from the lexicon's `place_based` words; in Indonesian, one
after it ("X asal Osaka, Jepang, …"), from `place_origin`.

Roles are single letters: S subject, O object, T title, A age, M money, P percent. Groups
are named `role_n`, so a role may appear more than once in a pattern.
"""

import re
from functools import lru_cache

# NAME is a name whose kind is not known yet (a person's or an organization's by its own
# words): it fits a person's, an organization's or a product's role, and the roles it fits
# type it ("developed Lyxen, a modular leaching unit": a product).
KIND_SETS = {
    "PER": ("PER", "NAME"), "ORG": ("ORG", "NAME"), "PROD": ("PROD", "NAME"), "PLACE": ("PLACE",),
    "TITLE": ("TITLE",), "MONEY": ("MONEY",), "PCT": ("PCT",), "AGE": ("AGE",), "NUM": ("NUM",),
    "AGENT": ("PER", "ORG", "NAME"), "THING": ("ORG", "PROD", "NAME"),
    "ANY": ("PER", "ORG", "PROD", "PLACE", "NAME"),
}
KIND_CODES = {k: v[0] if len(v) == 1 else "(?:" + "|".join(v) + ")" for k, v in KIND_SETS.items()}
ROLE = re.compile(r"^\{(?:(?P<role>[A-Z]):)?(?P<kind>[A-Z]+)(?P<strict>!)?(?P<plus>\+)?\}$")
GAP = re.compile(r"^(?P<any>~~|~)(?P<n>\d*)(?:/(?P<kind>[A-Z]+))?$")
NAMES = "(?:PER|ORG|PROD|PLACE|NAME)#"
BASE_KINDS = {"AGENT": ["PER", "ORG"], "THING": ["ORG", "PROD"],
              "ANY": ["PER", "ORG", "PROD", "PLACE"]}
CLAUSE_END = "[^\\s.;:!?]+ "  # a token that does not end a clause (":" nor "::")


class PatternError(ValueError):
    """A pattern in a lexicon cannot be compiled."""


def placeholder(kind: str, index: int) -> str:
    return f"{kind}#{index}"


ATOM = re.compile(r"\([^)]*\)\??|\{[^}]*\}\??|\S+")


def atoms(pattern: str) -> list[str]:
    """A pattern's atoms; "(known as|called)?" is one atom despite its space."""
    return ATOM.findall(pattern)


def role_kinds(pattern: str) -> dict[str, str]:
    """The kind each role of a pattern asks for: {"S": "PER", "O": "ORG"}."""
    kinds = {}
    for atom in atoms(pattern):
        role = ROLE.match(atom.rstrip("?"))
        if role and role["role"]:
            kinds.setdefault(role["role"], role["kind"])
    return kinds


def requirements(pattern: str, words: dict[str, list[str]]) -> tuple[frozenset[str], ...]:
    """What a sentence must hold for the pattern to have a chance: for each required atom,
    the words (first words of its phrases) or placeholder kinds (`PER`, `NAME` …) of which
    one must occur. Checking them first spares running most regexes on most sentences."""
    needs = []
    for atom in atoms(pattern):
        if atom.endswith("?") and len(atom) > 1:
            continue
        if role := ROLE.match(atom):
            kind = "TITLE" if role["kind"] == "T" else role["kind"]
            needs.append(frozenset([kind] if role["strict"] else KIND_SETS.get(kind, [kind])))
            continue
        if atom in ("^", "~,") or GAP.match(atom) or atom.startswith("!"):
            continue
        literal = atom.strip("()").split("|")
        phrases = words.get(atom[1:], []) if atom.startswith("@") else literal
        firsts = {p.lower().split()[0] for p in phrases if p.strip()}
        if firsts:
            needs.append(frozenset(firsts))
    return tuple(needs)


def present(text: str) -> frozenset[str]:
    """The words and placeholder kinds of an encoded sentence, for `requirements`."""
    tokens = text.split()
    return frozenset(tokens).union(t.split("#")[0] for t in tokens if "#" in t)


def compile_pattern(pattern: str, words: dict[str, list[str]],
                    coordinators: tuple[str, ...]) -> re.Pattern:
    """Compile one pattern; `words` resolves @lists, `coordinators` join coordinated mentions."""
    parts = [_atom(a, words, coordinators) for a in atoms(pattern)]
    regex = "".join(parts)
    # A role may appear twice ("{T} sekaligus {T}"): number the groups, `role_n`.
    count = iter(range(1000))
    regex = re.sub(r"\(\?P<([A-Z])>", lambda m: f"(?P<{m[1]}_{next(count)}>", regex)
    if regex.startswith("^"):
        return re.compile("^(?=(" + regex[1:] + "))")
    # A match begins at a word, and every word follows a space (the encoded sentence starts
    # with one). Taking that space into the match, rather than looking back for it, gives the
    # regex engine a character to search for: it jumps from word to word instead of trying
    # the pattern at every character, twice as fast. The lookahead lets matches overlap.
    return re.compile(" (?=(" + regex + "))")


def _atom(atom: str, words: dict[str, list[str]], coordinators: tuple[str, ...]) -> str:
    optional = atom.endswith("?") and len(atom) > 1
    body = atom[:-1] if optional else atom
    regex = _body(body, atom, words, coordinators)
    return f"(?:{regex})?" if optional else regex


def _body(body: str, atom: str, words, coordinators) -> str:
    if role := ROLE.match(body):
        kind = KIND_CODES.get("TITLE" if role["kind"] == "T" else role["kind"])
        if kind is None:
            raise PatternError(f"unknown kind in {atom!r}")
        if role["strict"]:  # {O:ORG!}: a name known to be of that kind, not an unsettled one
            kind = role["kind"]
        one = rf"{kind}#\d+ "
        if role["plus"]:
            # "A, B dan C"; "A dan investor kawakan B": a joiner may take a few words after
            # it. The items are of one kind: "… yang dirintis A, dan keduanya" lists nothing.
            joiners = [c for c in coordinators if c != ","]
            joiner = "(?:" + "|".join(re.escape(c) for c in joiners) + ") "
            plain = f"(?!{NAMES})[^\\s,.;:!?]+ "  # a word, not a name nor a comma
            # "A, B dan investor kawakan C": a comma, or a joining word and a few words more
            sep = rf"(?:, (?:{joiner}(?:{plain}){{0,3}}?)?|{joiner}(?:{plain}){{0,3}}?)"
            lists = []
            for base in BASE_KINDS.get(role["kind"], [role["kind"]]):
                item = rf"{base if role['strict'] else KIND_CODES[base]}#\d+ "
                # "A, a former physician, and B"; in a list of people, the aside may name
                # where one works ("A, its chief executive, and B": "A , ORG#2 's TITLE#3 ,")
                aside_word = plain if base != "PER" else "(?!(?:PER|NAME)#)[^\\s,.;:!?]+ "
                # ("A, 36, a former associate at private equity firm X, and B": two asides)
                most = 10 if base == "PER" else 6
                aside = rf"(?:, (?:{aside_word}){{1,{most}}}?(?=, )){{0,2}}"
                lists.append(rf"{item}(?:{aside}{sep}{item})*")
            one = "(?:" + "|".join(lists) + ")"
        name = role["role"] or ("T" if role["kind"] in ("T", "TITLE") else None)
        slot = f"(?P<{name}>{one})" if name else f"(?:{one})"
        return _placed(role["kind"], words) + slot + _origin(role["kind"], words)
    if body == "^":
        return "^ "
    if body == "~,":  # ", who joined in 2019 ," / ", yang juga pendiri ," : an aside
        # or two, back to back: ", 56, who co-founded it in 2014 ,"; a relative pronoun after
        # one that ends with a person is that person's (", the grandson of founder B, who …")
        relatives = words.get("person_relatives")
        theirs = "".join(f"(?!(?<={person}#\\d{{{n}}} , ){_alternatives(relatives)})"
                         for person in ("PER", "NAME") for n in (1, 2)) if relatives else ""
        aside = f"(?:, (?:(?:[^\\s,.;:!?]+ ){{1,20}}?, ){{1,2}}{theirs})"
        # "Perusahaan yang berkantor pusat di X ini mengembangkan …": a description's
        # relative clause, closed by its demonstrative, is an aside too
        closers = words.get("relative_closers")
        if closers:
            rel = _alternatives(words.get("rel", []))
            aside = f"(?:{aside}|{rel}(?:[^\\s,.;:!?]+ ){{1,8}}?{_alternatives(closers)})"
        return f"{aside}?"
    if gap := GAP.match(body):
        n = int(gap["n"] or 4)
        # nor a new clause that contrasts ("…, sedangkan Y menyetor …", "…, while Y …")
        contrasts = words.get("contrasts")
        stop = f"(?!, {_alternatives(contrasts)})" if contrasts else ""
        if gap["any"] == "~~":
            token = r"[^\s]+ "
        elif gap["kind"]:
            token = f"(?!{KIND_CODES.get(gap['kind'], gap['kind'])}#){stop}{CLAUSE_END}"
        else:
            token = f"(?!{NAMES}){stop}{CLAUSE_END}"
        return f"(?:{token}){{0,{n}}}?"
    if body.startswith("!") and len(body) > 1:  # one word that is none of these
        return f"(?!{_alternatives(body[1:].split('|'))})[^\\s]+ "
    if body.startswith("@"):
        phrases = words.get(body[1:])
        if not phrases:
            raise PatternError(f"unknown word list {body!r}")
        return _alternatives(phrases)
    if body.startswith("(") and body.endswith(")") and len(body) > 2:
        if "{" in body or "~" in body or "@" in body:
            # "(for {M:MONEY})?" would read as the literal words: say so instead
            raise PatternError(f"brackets hold words only, not roles, gaps or lists: {atom!r}")
        body = body[1:-1]  # "(a|b)" reads as "a|b"
    return _alternatives(body.split("|"))


def _placed(kind: str, words: dict[str, list[str]]) -> str:
    """An optional place before an organization ("invested in Helsinki-based X", "partnered
    with Perth-based drone maker X"), stepped over by every pattern: the place's own fact is
    read by the basedIn patterns."""
    based = words.get("place_based")
    if not based or kind not in ("ORG", "THING"):
        return ""
    place = KIND_CODES["PLACE"]
    description = r"(?:[^\s,.;:!?#]+ ){0,3}?"  # a few plain words: "drone maker"
    return rf"(?:{place}#\d+ (?:, {place}#\d+ ,? )?{_alternatives(based)}{description})?"


def _origin(kind: str, words: dict[str, list[str]]) -> str:
    """An optional place after an organization ("X asal Osaka, Jepang, menyuntikkan …"),
    stepped over by every pattern: the place's own fact is read by the basedIn patterns."""
    origin = words.get("place_origin")
    if not origin or kind not in ("ORG", "THING", "AGENT"):
        return ""
    place = KIND_CODES["PLACE"]
    return rf"(?:{_alternatives(origin)}{place}#\d+ (?:, {place}#\d+ )?(?:, )?)?"


@lru_cache(maxsize=4096)
def _escape(phrase: str) -> str:
    return " ".join(re.escape(w) for w in phrase.lower().split()) + " "


def _alternatives(phrases: list[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(_escape(p) for p in ordered) + ")"
