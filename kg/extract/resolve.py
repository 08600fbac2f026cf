"""Group the mentions of one article into entities: "Ana Souza", "Souza" and "SOUZA" are one.

Rules, in order: the same name (case-insensitively) is the same entity; a parenthesised name
right after another is its short form ("Lembah Hijau Ventures (a16z)"); an organization's name
without its generic suffix is the same organization ("Awan Digital" / "Awan Digital AI") unless the
longer name is described as a unit of the shorter; a single word that is the first or last
word of a person's full name, or its first or last words, is that person.
"""

from collections import Counter, defaultdict

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.model import ENTITY_KINDS as KINDS
from kg.extract.model import Entity
from kg.extract.tokens import TokenDoc


class Resolver:
    """Clusters mentions and decides each cluster's kind and canonical name."""

    def __init__(self, lexicon: Lexicon):
        w = lexicon.words_of
        self.org_suffixes = {s.lower() for s in w("org_suffixes")}
        self.org_prefixes = {s.lower() for s in w("org_prefixes")}
        self.unit_cues = {s.lower() for s in w("unit_cues")}
        self.parent_markers = {s.lower() for s in w("parent_markers")}
        self.places = {s.lower() for s in w("places")}
        self.alias_words = set(w("alias_words"))
        self.legal_forms = {x.lower() for x in w("legal_forms")}
        # "The" opens names of anything; with and without their stops, as a key ("kavyra
        # europe s.r.l") drops a word's last stop
        self.company_forms = {f for x in self.legal_forms - {"the"} for f in (x, x.rstrip("."))}
        # first words a person is seldom called by ("Muhammad Fikri Daeng Tutu" is "Fikri")
        self.name_openers = {x.lower() for x in w("name_openers")}
        self.units: list[tuple[Entity, Entity, Mention]] = []  # (unit, parent, first mention)

    def resolve(self, doc: TokenDoc, mentions: list[Mention]) -> list[Entity]:
        """Set `mention.entity` on every mention; return the entities in order of appearance."""
        parent: dict[str, str] = {}

        def find(key: str) -> str:
            while parent.setdefault(key, key) != key:
                key = parent[key]
            return key

        def union(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        by_key: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_key[_key(m.text)].append(m)
            find(_key(m.text))
        self._parenthesised(doc, mentions, union)
        self._acronyms = {k for k, ms in by_key.items() if ms[0].text.isupper()}
        votes = {k: sum((m.votes for m in ms), Counter()) for k, ms in by_key.items()}
        # longest first; of names as long, one with a legal form first: "Perantau" is short
        # for "Perantau Telekom Bhd" rather than for its unit "Perantau Digital Ventures"
        keys = sorted(by_key, key=lambda k: (-len(k.split()), not self._legal(k)))
        people: set[str] = set()  # keys merged as a person's surname or first name
        # "Kasmara" after "PT Kasmara Dana Teknologi" is that company, not the first name of
        # "Kasmara Syariah", a name nothing marks as a person's
        company_starts = {self._first_word(k) for k in by_key if self._legal(k)}
        words = {k: k.split() for k in by_key}
        word_sets = {k: set(w) for k, w in words.items()}
        written = self._written_together(keys, words)
        for short in by_key:
            if find(short) != short:
                continue  # already the short form of a longer name
            for long in keys:
                # every way below of being a short form takes fewer words (and `keys` run
                # longest first) and, but for a name written as one, shares a word
                if len(words[long]) <= len(words[short]):
                    break
                if word_sets[short].isdisjoint(word_sets[long]):
                    if written.get(short) == long:
                        union(short, long)
                        break
                    continue
                if self._arm_in(words[short], words[long]):
                    continue  # "Orevale Chile SpA" is Orevale's arm in Chile, not Orevale
                maybe_person = short not in company_starts or votes[long]["Person"] > 0
                if maybe_person and self._same_person(short, long, votes):
                    union(short, long)
                    people.update((short, long))
                    break
                if self._same_org(short, long, by_key, doc) or \
                        self._first_word_of_org(short, long, votes, by_key, doc) or \
                        self._first_words(short, long, votes):
                    union(short, long)
                    break
        clusters: dict[str, list[str]] = defaultdict(list)
        for key in by_key:
            clusters[find(key)].append(key)
        entities = []
        for members in clusters.values():
            ms = sorted((m for k in members for m in by_key[k]), key=lambda m: m.start)
            names = [m.text for m in ms]
            # the longest name, but "PT X Tbk" before "PT X Tbk." (a stop ending a sentence)
            canonical = max(names, key=lambda n: (len(n.split()), len(n.rstrip(".")),
                                                  not n.endswith("."), -names.index(n)))
            canonical = self._without_stop(canonical)
            total = sum((votes[k] for k in members), Counter())
            # without a cue worth two votes the kind is a guess, for the relations to settle
            guessed = not (set(members) & people) and max(total.values(), default=0) < 2
            # a weak prior, once per entity: people have two to four names, companies one
            total["Person" if 2 <= len(canonical.split()) <= 4 else "Organization"] += 0.5
            kind = "Person" if set(members) & people else _kind(total)
            if any(self._legal(n) for n in names):
                kind, guessed = "Organization", False  # "PT …", "… Tbk", "… Inc"
            entity = Entity(kind, canonical, set(names) - {canonical},
                            guessed=guessed and kind in ("Person", "Organization"),
                            descriptors=set().union(*(m.descriptors for m in ms)))
            for m in ms:
                m.entity = entity
            entities.append((ms[0].start, entity))
        ordered = [e for _, e in sorted(entities, key=lambda x: x[0])]
        self._named_after_parents(ordered, mentions, doc)
        self._named_after_products(ordered)
        return ordered

    def _named_after_products(self, entities: list[Entity]) -> None:
        """"Plover Dock" after the product "Plover": a name that starts with a product's name,
        nothing else saying what it is, is a product too (not "Plover Labs": a company's
        word ends it)."""
        products = {_key(n) for e in entities if e.kind == "Product" for n in e.labels()}
        for entity in entities:
            words = _key(entity.name).split()
            if entity.guessed and len(words) > 1 and " ".join(words[:-1]) in products \
                    and words[-1] not in self.org_suffixes and not self._legal(entity.name):
                entity.kind, entity.guessed = "Product", False

    def _named_after_parents(self, entities: list[Entity], mentions: list[Mention],
                             doc: TokenDoc) -> None:
        """"Halvard Brain", "Kopiloka AI", "Sarita Scribe": a name that starts with an
        organization's name is one of its units when described as one or when the rest is a
        place ("Gyeongan Semiconductor America": its arm there), else (unless its own words
        say organization) one of its products."""
        orgs = {_key(n): e for e in entities if e.kind == "Organization" for n in e.labels()}
        self.units: list[tuple[Entity, Entity, Mention]] = []
        for entity in entities:
            words = _key(entity.name).split()
            k = next((k for k in range(len(words) - 1, 0, -1) if " ".join(words[:k]) in orgs), 0)
            parent = orgs[" ".join(words[:k])] if k else None
            if parent is None or parent is entity:
                continue
            ms = [m for m in mentions if m.entity is entity]
            votes = sum((m.votes for m in ms), Counter())
            if self._is_unit(ms, doc) or " ".join(words[k:]) in self.places:
                entity.kind, entity.guessed = "Organization", False
                self.units.append((entity, parent, ms[0]))
            elif not self._legal(entity.name) and (entity.kind == "Person" or (
                    entity.kind == "Organization" and votes["Organization"] < 2)):
                # (a name with a legal form, "Ngoc Lam Solar JSC", is a company's)
                entity.kind, entity.guessed = "Product", False

    def _parenthesised(self, doc: TokenDoc, mentions: list[Mention], union) -> None:
        """"Lembah Hijau Ventures (a16z)", "PT Satria Kargo Lintas (Persero) atau SKL": a
        short name given right after the full one. A generic word in brackets is not one."""
        by_start = {m.start: m for m in mentions}
        generic = self.org_suffixes | self.org_prefixes
        for m in mentions:
            end, alias = m.end, None
            if end + 2 < len(doc) and doc[end].text == "(":
                inner = by_start.get(end + 1)
                if inner and inner.end < len(doc) and doc[inner.end].text == ")":
                    if _key(inner.text) not in generic:
                        alias = inner
                    end = inner.end + 1
            if alias is None and end + 1 < len(doc) and doc[end].lower_ in self.alias_words:
                after = by_start.get(end + 1)
                # "X atau Y" is two things unless Y is an acronym or made of X's words ("PT Bank
                # Pembangunan Daerah Mahoni Raya atau Bank Mahoni")
                words = set(after.text.split()) if after else set()
                if after and (after.text.isupper() or words < set(m.text.split())):
                    alias = after
            if alias and not self._abbreviates_part(alias.text, m.text):
                union(_key(alias.text), _key(m.text))

    def _without_stop(self, name: str) -> str:
        """"PT X Tbk." named only at the ends of sentences is "PT X Tbk": the stop of a legal
        form that is also written without one is left out of the label."""
        last = name.rsplit(" ", 1)[-1]
        if last.endswith(".") and " " in name and last[:-1].lower() in self.legal_forms:
            return name[:-1]
        return name

    def _first_word(self, name: str) -> str:
        """The first word of a name after its prefixes ("pt bank x" -> "x")."""
        return self._unprefixed(name.split())[0]

    def _written_together(self, keys: list[str], words: dict[str, list[str]]) -> dict[str, str]:
        """"Sekarwangi" for "PT Sekar Wangi Indonesia": a company's first words written as one
        (a legal form makes it surely a company's name), mapped to the first such name of
        `keys`, worked out once for all the short names."""
        written: dict[str, str] = {}
        for long in keys:
            if self._legal(long):
                rest = self._unprefixed(words[long])
                for n in range(2, len(rest) + 1):
                    written.setdefault("".join(rest[:n]), long)
        return written

    def _unprefixed(self, words: list[str]) -> list[str]:
        """A name's words without the prefixes before it ("pt bank x y" -> "x y"); the last
        word stays even if it is one."""
        while len(words) > 1 and words[0] in self.org_prefixes:
            words = words[1:]
        return words

    def _legal(self, name: str) -> bool:
        """Does the name begin or end with a company's legal form ("PT …", "… Ltd")?"""
        words = name.lower().split()
        return len(words) > 1 and bool({words[0], words[-1]} & self.company_forms)

    def _abbreviates_part(self, short: str, full: str) -> bool:
        """"Direktorat Pengelolaan Dana Lingkungan (PDL)": the acronym of only the name's
        last words names something else."""
        if not short.isupper():
            return False
        words = [w for w in full.split() if w.lower() not in self.legal_forms]
        initials = "".join(w[0] for w in words).upper()
        return short != initials and any(
            short == initials[k:] for k in range(1, len(initials) - 1))

    def _same_person(self, short: str, long: str, votes) -> bool:
        """A lone first or last name of a person named in full elsewhere (the first after
        an opener such as "Muhammad" counts as first), a surname of
        several words ("Montes Ruiz" of "Javier Montes Ruiz"), or the first words of a
        name ("Sri Puspita" of "Sri Puspita Hartanto")."""
        s, l_ = short.split(), long.split()
        if short in self._acronyms:  # "BUMN" is nobody's surname
            return False
        if 1 < len(s) < len(l_) and s in (l_[-len(s):], l_[:len(s)]):
            both = votes[long] + votes[short]  # "UUS Bank Mahoni": "Bank Mahoni" is no surname
            # (with no votes either way, a person's: "Mai Anh" of "Tran Thi Mai Anh")
            return both["Person"] >= max(both["Organization"], both["Product"]) \
                and self._personal(long)
        called = next((w for w in l_ if w not in self.name_openers), l_[0])
        # ("Khoo" of "Adrian Khoo Wei Jie": a given name before a family name and two more)
        family = l_[1] if len(l_) >= 4 else called
        if len(s) != 1 or len(l_) < 2 or s[0] not in (l_[0], l_[-1], called, family):
            return False
        product = votes[short]["Product"] >= max(2, votes[short]["Person"] + 1)
        if max(votes[long]["Organization"], votes[long]["Place"]) > votes[long]["Person"] \
                or votes[long]["Product"] or votes[short]["Place"] or product:
            # "Halvard Brain" is a unit of Halvard, "Vistrik Mini" a version of the model
            # Vistrik, "Kabupaten Ngada" a place: none is a person
            return False
        return (votes[long]["Person"] > 0 or votes[short]["Person"] > 0
                or votes[short]["Organization"] < 2)

    def _personal(self, name: str) -> bool:
        """Could the name be a person's: no organization word in it?"""
        return not any(w in self.org_suffixes or w in self.org_prefixes or w in self.places
                       for w in name.split())

    def _first_words(self, short: str, long: str, votes) -> bool:
        """The first words of a longer name that nothing says is another thing's: "Ratna
        Dewi" of "Ratna Dewi Anjarsari", "Lintas Dana" of "Lintas Dana Makmur"."""
        s, l_ = short.split(), long.split()
        # more votes for the kind the longer name leads with say the same ("Hoang Son", twice
        # a company, of "Hoang Son Aerotech", once)
        top = max(KINDS, key=lambda k: votes[long][k]) if any(votes[long].values()) else None
        return 1 < len(s) < len(l_) and l_[:len(s)] == s and short not in self._acronyms \
            and not any(votes[short][kind] > votes[long][kind] for kind in KINDS if kind != top)

    def _same_org(self, short: str, long: str, by_key, doc: TokenDoc) -> bool:
        """An organization's name without its generic suffix ("Awan AI" / "Awan")."""
        s, l_ = short.split(), long.split()
        if len(s) >= len(l_):
            return False
        if all(w in self.org_suffixes or w in self.org_prefixes for w in s):
            return False  # "Labs" alone names nothing in particular
        if [w for w in l_ if w.strip("()") not in self.legal_forms] == s:
            # "PT SKL Terminal Petikemas", "PT Bumi Sarana (Persero)" without its legal form
            return True
        if len(s) > 1 and self._legal(long) and self._unprefixed(l_)[1:] == s \
                and short not in self.places:
            return True  # "Teluk Sirawa" of "PT Semen Teluk Sirawa": without its trade
        core = self._core(l_)
        # a short form drops words, it adds none: "Sakurada Estate" is not "Sakurada
        # Holdings Corp." though both are "Sakurada" and trade words
        if (core and set(s) <= set(l_) and (core == s or core == self._core(s))) or (
                l_[len(l_) - len(s):] == s and l_[0] not in self.org_prefixes
                and s[-1] in self.org_suffixes):
            # a short name described as a unit ("Medisana Digital, unit bisnis yang baru
            # dibentuk …") is a part of the other, not its short name
            return not (self._is_unit(by_key[long], doc)
                        or self._is_unit(by_key[short], doc, nearby=False))
        return False

    def _arm_in(self, short: list[str], long: list[str]) -> bool:
        """Is `long` the name `short` followed by a place (and a legal form)?"""
        rest = [w for w in long[len(short):] if w not in self.legal_forms]
        return long[:len(short)] == short and bool(rest) and " ".join(rest) in self.places

    def _core(self, words: list[str]) -> list[str]:
        """A name without its generic words at either end: "pt awan digital ai" -> "awan"."""
        start, end = 0, len(words)
        while start < end - 1 and words[start] in self.org_prefixes:
            start += 1
        while end > start + 1 and words[end - 1] in self.org_suffixes:
            end -= 1
        return words[start:end]

    def _first_word_of_org(self, short: str, long: str, votes, by_key, doc: TokenDoc) -> bool:
        """"Ostwald" for "Ostwald Industrial Group", "Gelora" for "PT Gelora Elektrik
        Nusantara", "Wahana Samudra" for "PT Wahana Samudra Nusantara (Persero)": the
        distinctive first words of an organization named in full."""
        s, words = short.split(), self._unprefixed(long.split())
        if len(words) <= len(s) or words[:len(s)] != s:
            return False
        # "CFO Kasmara" votes for a person: a company named in full with its legal form
        # ("PT Kasmara Dana Teknologi") outweighs one such vote
        legal = self._legal(long)
        margin = 1 if legal else 0
        if len(s) == 1 and votes[short]["Person"] > votes[short]["Organization"] + margin:
            return False
        if len(s) > 1 and (votes[short]["Person"] > max(1, votes[short]["Organization"])
                           or votes[long]["Organization"] < 2):
            # two words read as a person's name unless the full name is surely a company
            return False
        # (a legal form says company however its description voted: "PT X, a nickel processor")
        strong = legal or \
            votes[long]["Organization"] > max(votes[long]["Product"], votes[long]["Person"])
        # another organization starting with the same words makes the short form ambiguous,
        # unless it is a unit of the first ("Tarvika Research, the company's AI lab")
        # ("PT Lumiya Cantik Indonesia" starts with "Lumiya" too, as "Lumiya Beauty Sdn Bhd"),
        # or is named only after a company surely named, most often named after it ("Dareum
        # Battery", then its subsidiary "Dareum Materials"), or only after the short form was
        # already used (what it meant when read cannot change later)
        sure, first = legal or votes[long]["Organization"] >= 2, by_key[long][0].start
        used = by_key[short][0].start
        rivals = [k for k in by_key if k != long and votes[k]["Organization"] > 0
                  and len(rest := self._unprefixed(k.split())) > len(s) and rest[:len(s)] == s
                  and not ((sure or used < by_key[k][0].start) and by_key[k][0].start > first)
                  and not self._is_unit(by_key[k], doc)]
        return strong and not rivals and not self._is_unit(by_key[long], doc)

    def _is_unit(self, mentions: list[Mention], doc: TokenDoc, nearby: bool = True) -> bool:
        """Is the longer name described as a unit of something ("X, divisi baru …", "X, the
        company's AI lab")? With `nearby`, a unit word a few words around it is enough."""
        for m in mentions:
            sent = doc.sentence_of(m.start)  # the cue must be in the mention's own sentence
            before = [t.lower_ for t in doc[max(m.start - 6, sent.start):m.start]]
            descriptors = m.descriptors
            cues = [n for n, w in enumerate(before) if w in self.unit_cues]
            if cues and any(w in self.parent_markers for w in before[cues[-1]:]):
                # "a subsidiary of (Hanoi-listed conglomerate) X": the cue before names X's
                # unit, X is the parent
                descriptors, before = descriptors - set(before), []
            if descriptors & self.unit_cues:
                return True
            if not nearby:
                continue
            around = before + [t.lower_ for t in doc[m.end:min(m.end + 4, sent.end)]]
            if any(cue in around for cue in self.unit_cues):
                return True
        return False


def _key(name: str) -> str:
    # "PT X Tbk." and "PT X Tbk" are one name: an abbreviation's stop is left out
    return " ".join(w.rstrip(".") or w for w in name.lower().replace("’", "'").split())


def _kind(votes: Counter) -> str | None:
    if not votes:
        return None
    return max(KINDS, key=lambda k: (votes[k], -KINDS.index(k)))
