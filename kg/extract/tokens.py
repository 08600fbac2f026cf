"""A plain-Python copy of the parts of a spaCy Doc the extractor reads.

The rules read every token many times over (each sentence is encoded up to four times), and a
spaCy Doc builds a new Token object, and looks its strings up again, on every access. Copying
the few attributes the rules use once per article makes those reads ordinary attribute reads.
`TokenDoc`, `Tok` and `TokSpan` answer to the same names as spaCy's Doc, Token and Span.

A Tok does not point back to its TokenDoc, nor does the TokenDoc hold spans of itself: with no
reference cycle, an article's tokens are freed as soon as it is read, not at the garbage
collector's next full pass (which then had thousands of them to walk, article after article).
"""

from collections.abc import Iterator

from spacy.tokens import Doc


class Tok:
    """One token: the attributes of spaCy's Token that the rules read."""

    __slots__ = (
        "i",
        "idx",
        "is_sent_start",
        "lower_",
        "text",
        "whitespace_",
    )

    def __init__(self, i: int, idx: int, text: str, whitespace: bool, sent_start: int) -> None:
        self.i = i
        self.idx = idx
        self.text = text
        self.lower_ = text.lower()  # as spaCy's LOWER
        self.whitespace_ = " " if whitespace else ""
        self.is_sent_start = True if sent_start == 1 else None if sent_start == 0 else False

    # spaCy's own definitions of these, on the token's text: read for few tokens, so worked
    # out when read rather than for every token of every article
    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    def __repr__(self) -> str:
        return self.text


class TokSpan:
    """Tokens `start` to `end` (exclusive) of a TokenDoc."""

    __slots__ = ("doc", "end", "start")

    def __init__(self, doc: "TokenDoc", start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx if self.start < self.end else self._edge()

    @property
    def end_char(self) -> int:
        if self.start >= self.end:
            return self._edge()
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    def _edge(self) -> int:
        return self.doc[self.start].idx if self.start < len(self.doc) else len(self.doc.text)

    @property
    def text(self) -> str:
        if self.start >= self.end:
            return ""
        tokens = self.doc.tokens  # (start_char and end_char, inlined: it is read very often)
        last = tokens[self.end - 1]
        return self.doc.text[tokens[self.start].idx:last.idx + len(last.text)]

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.doc.tokens[self.start:self.end])

    def __getitem__(self, key: int | slice) -> "Tok | TokSpan":
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            return TokSpan(self.doc, self.start + start, self.start + max(start, stop))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.doc.tokens[self.start + key]

    def __repr__(self) -> str:
        return self.text


class TokenDoc:
    """An article's tokens and sentences, copied once from the spaCy Doc made of `text`."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.spacy = doc
        self.text = text  # what doc.text would give, without joining every token again
        # one call for every token's offsets and flags: reading them token by token costs as
        # much again as tokenizing. As int64, SENT_START's -1 (not a start) reads as -1, and
        # one list per attribute converts many times faster than one list per token.
        columns = doc.to_array(["IDX", "LENGTH", "SPACY", "SENT_START"]).view("int64")
        offsets, lengths, spaces, sent_starts = columns.T.tolist()
        texts = [text[idx:idx + length] for idx, length in zip(offsets, lengths, strict=True)]
        self.tokens: list[Tok] = list(map(Tok, range(len(texts)), offsets, texts, spaces,
                                          sent_starts))  # (map: quicker than a comprehension)
        # sentences as spaCy's Doc.sents cuts them: at every token after the first that
        # starts one
        starts = [0] + [i for i, start in enumerate(sent_starts) if start == 1 and i > 0]
        ends = [*starts[1:], len(self.tokens)]
        self._sentences = [(a, b) for a, b in zip(starts, ends, strict=True) if a < b]
        self._sentence_at: list[int] = []
        for n, (a, b) in enumerate(self._sentences):
            self._sentence_at += [n] * (b - a)

    @property
    def sents(self) -> Iterator[TokSpan]:
        return (TokSpan(self, a, b) for a, b in self._sentences)

    def sentence_of(self, i: int) -> TokSpan:
        """The sentence token `i` stands in."""
        return TokSpan(self, *self._sentences[self._sentence_at[i]])

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> TokSpan | None:
        """The tokens covering characters `start` to `end`, as spaCy's `Doc.char_span`."""
        span = self.spacy.char_span(start, end, alignment_mode=alignment_mode)
        return None if span is None else TokSpan(self, span.start, span.end)

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)

    def __getitem__(self, key: int | slice) -> "Tok | TokSpan":
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return TokSpan(self, start, max(start, stop))
        return self.tokens[key]

