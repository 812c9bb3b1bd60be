"""An HTML page, or a fragment cut from one, as logical lines: a block (a paragraph, a heading, a
<br>) ends a line, and a table of rows is a line per row with its cells tab-separated.

Government portals print the article inside a layout table's cell (`<td id="…CONTENT"><p>…`), so
a table is read as rows only where it is one: no table inside it, a row of two cells or more,
and every cell short (a few paragraphs at most, under 1,000 characters). Any other table is
layout, each of its cells a block of lines. Deciding that needs the whole table, so the page is
first read into a tree (each piece of text with its source line), then flattened.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from kg.sources.spans import UNKNOWN, SpannedText

PhysicalLine = tuple[int, SpannedText, bool]  # number, text, whether a table row

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "title",
        "tr",
        "ul",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
HIDDEN = frozenset({"script", "style", "head", "noscript", "template"})
CELLS = frozenset({"td", "th"})
# A cell of a table of rows: at most so many blocks of text, and so many characters
CELL_BLOCKS = 3
CELL_CHARACTERS = 1000
MAX_SPAN = 1000  # rowspan and colspan beyond this are a page's error (HTML caps them alike)


@dataclass
class Text:
    data: str
    line: int
    offset: int  # of its first character in the page


@dataclass
class Element:
    tag: str
    children: list[Element | Text] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)

    def span(self, name: str) -> int:
        """A cell's rowspan or colspan: 1 where it is absent or no number (a page's typo)."""
        value = self.attrs.get(name, "1").strip()
        return max(1, min(int(value), MAX_SPAN)) if value.isdigit() else 1

    def elements(self) -> Iterator[Element]:
        """Every element below this one, depth first (without recursion: pages nest deeply)."""
        stack = [child for child in reversed(self.children) if isinstance(child, Element)]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(c for c in reversed(element.children) if isinstance(c, Element))

    def texts(self) -> Iterator[Text]:
        stack: list[Element | Text] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                yield node
            elif node.tag not in HIDDEN:
                stack.extend(reversed(node.children))


class _TreeBuilder(HTMLParser):
    """Tolerant: an end tag closes up to the open element it names, and none where none is open."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)  # a reference is text at its own offset
        self.root = Element("#document")
        self.open = [self.root]
        self.line_starts = [0, *(i + 1 for i, char in enumerate(html) if char == "\n")]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, attrs={name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        line, column = self.getpos()
        self.open[-1].children.append(Text(data, line, self.line_starts[line - 1] + column))

    def handle_entityref(self, name: str) -> None:
        self.handle_data(unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.handle_data(unescape(f"&#{name};"))


def is_table_of_rows(table: Element) -> bool:
    """No table inside it, a row of two cells or more, and every cell short: the rows of a data
    table, not a page's layout."""
    inner = list(table.elements())
    if any(element.tag == "table" for element in inner):
        return False
    widths = [sum(1 for e in row.elements() if e.tag in CELLS) for row in inner if row.tag == "tr"]
    return max(widths, default=0) > 1 and all(short(cell) for cell in inner if cell.tag in CELLS)


def short(cell: Element) -> bool:
    blocks = sum(1 for element in cell.elements() if element.tag in BLOCKS)
    characters = sum(len(text.data.strip()) for text in cell.texts())
    return blocks <= CELL_BLOCKS and characters <= CELL_CHARACTERS


class _Lines:
    """Characters gathered into logical lines, each keeping its source line."""

    def __init__(self) -> None:
        self.lines: list[PhysicalLine] = []
        self.chars: list[str] = []
        self.char_lines: list[int] = []
        self.offsets: list[int] = []

    def add(self, text: Text) -> None:
        line = text.line
        for i, char in enumerate(text.data):
            self.chars.append(" " if char in "\r\n\t" else char)
            self.char_lines.append(line)
            self.offsets.append(text.offset + i)
            if char == "\n":
                line += 1

    def tab(self, line: int) -> None:
        """The separator of two cells, at the line of the character before it (or `line`)."""
        self.chars.append("\t")
        self.char_lines.append(self.char_lines[-1] if self.char_lines else line)
        self.offsets.append(UNKNOWN)

    def end(self, row: bool = False) -> None:
        if self.chars:
            text = SpannedText(
                "".join(self.chars), tuple(self.char_lines), offsets=tuple(self.offsets)
            )
            first = next((i for i, char in enumerate(self.chars) if not char.isspace()), 0)
            self.lines.append((self.char_lines[first], text, row))
        self.chars, self.char_lines, self.offsets = [], [], []


def flatten(root: Element) -> list[PhysicalLine]:
    out = _Lines()
    # (node, closing): an element is visited on the way in and again, closing, on the way out
    stack: list[tuple[Element | Text, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Text):
            out.add(node)
        elif node.tag in HIDDEN:
            continue
        elif node.tag == "table" and not closing and is_table_of_rows(node):
            out.end()
            rows(node, out)
        else:
            if node.tag in BLOCKS or node.tag in CELLS:
                out.end()
            if not closing:
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.children))
    out.end()
    return out.lines


def rows(table: Element, out: _Lines) -> None:
    """A table of rows: each row one line of tab-separated cells, a merged cell's text in its
    first row and column and the places it covers empty (as a printed table shows it)."""
    for cells in grid(table):
        line = next((t.line for cell in cells if cell for t in cell.texts()), 1)
        for number, cell in enumerate(cells):
            if number:
                out.tab(line)
            for text in cell.texts() if cell else ():
                out.add(text)
        out.end(row=bool(cells))


def grid(table: Element) -> list[list[Element | None]]:
    """The table's rows with each cell at its column: None where a rowspan or colspan covers it."""
    covered: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    found: list[list[Element | None]] = []
    for row in (element for element in table.elements() if element.tag == "tr"):
        placed: list[Element | None] = []
        for cell in (element for element in row.elements() if element.tag in CELLS):
            while covered.get(len(placed)):
                placed.append(None)
            start = len(placed)
            placed += [cell] + [None] * (cell.span("colspan") - 1)
            for column in range(start, len(placed)):
                covered[column] = cell.span("rowspan")
        while covered.get(len(placed)):
            placed.append(None)
        covered = {column: rows - 1 for column, rows in covered.items() if rows > 1}
        found.append(placed)
    return found


def parse(html: str) -> Element:
    """An HTML page or fragment as a tree, each text at its source line and offset."""
    builder = _TreeBuilder(html)
    builder.feed(html)
    builder.close()
    return builder.root


def lines_of(element: Element) -> list[PhysicalLine]:
    """An element's visible text as logical lines, each character at its source line."""
    return [line for line in flatten(element) if line[1].text.strip()]


def html_lines(html: str) -> list[PhysicalLine]:
    """The visible text of an HTML page or fragment as logical lines."""
    return lines_of(parse(html))
