"""Web pages saved as articles: recognised by their first tag, turned into plain text.

The text keeps the page's words in order, one paragraph per block element (`<p>`, `<h1>`,
`<li>`, `<br>` …) separated by blank lines; the `<title>` comes first. Scripts, styles and
the rest of `<head>` are dropped, and character references (`&amp;`, `&#8217;`) are decoded.
Sentence offsets then count characters of this text, not of the HTML.
"""

import re
from html.parser import HTMLParser

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# A document that starts (after a comment or XML declaration) with one of these tags is HTML.
_STARTS_HTML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL)
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
_BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
           "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
           "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
           "title", "tr", "ul"}


def looks_like_html(text: str, name: str = "") -> bool:
    """Whether `text` (from a file called `name`) is an HTML page rather than plain text."""
    return name.lower().endswith(HTML_SUFFIXES) or bool(_STARTS_HTML.match(text))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page (see the module's docstring)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return parser.text()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []  # the open elements whose content is dropped
        self.in_head = False
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping.append(tag)
        elif tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        if tag == "title":
            self.in_title = True
        if tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:  # <br/>, <hr/>
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and tag in self.skipping:
            while self.skipping.pop() != tag:
                pass
        elif tag == "head":
            self.in_head = False
        if tag == "title":
            self.in_title = False
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping or (self.in_head and not self.in_title):
            return
        self.current.append(data)

    def _break(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def text(self) -> str:
        self._break()
        return "\n\n".join(self.blocks) + "\n" if self.blocks else ""
