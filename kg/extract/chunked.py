"""spaCy's tokenizer fed a text a chunk at a time: the same tokens, several times faster.

spaCy's tokenizer remembers how it split each whitespace-separated string, but once a special
case ("Tbk.", "hal-hal", "Inc.") fires in a text it remembers nothing more until that text
ends (a guard in `Tokenizer._save_cached`, spaCy issue #1250). News meets a special case in
its first lines, so every later word is split afresh by the prefix, suffix and infix
expressions: for Indonesian, about thirty times the cost of a cached word. Cut at whitespace
into chunks, a text starts afresh in each chunk, and since spaCy never lets a token span
whitespace, the tokens are the ones the whole text gives.
"""

import re

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# a chunk ends at the first whitespace followed by a word after this many characters: about
# a line of text, long enough that the calls cost little, short enough that few words follow
# a special case (news meets one every few lines: a quote mark, a dash, "Tbk.", "hal-hal"):
# over 500 articles, 1.0 ms an article where chunks of 1,000 characters took 1.8
CHUNK = 150
_NEXT_WORD = re.compile(r"\s(?=\S)")


class ChunkedTokenizer:
    """Tokenize with `tokenizer`, a chunk of the text at a time (see the module's docstring)."""

    def __init__(self, tokenizer: Tokenizer, chunk: int = CHUNK) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab
        self.chunk = chunk

    def __call__(self, text: str) -> Doc:
        if len(text) <= self.chunk:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        for piece in chunks(text, self.chunk):
            for token in self.tokenizer(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)


def chunks(text: str, size: int) -> list[str]:
    """`text` cut into pieces of about `size` characters, each cut just before a word."""
    pieces = []
    start = 0
    while len(text) - start > size:
        cut = _NEXT_WORD.search(text, start + size)
        if cut is None:
            break
        pieces.append(text[start:cut.end()])
        start = cut.end()
    pieces.append(text[start:])
    return pieces
