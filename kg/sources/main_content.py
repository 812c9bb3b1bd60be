"""The article of a whole web page, without the navigation, breadcrumbs, related links and
footers around it.

readability-lxml (the Arc90 readability algorithm: text density, link density, the classes and
ids of a page's parts) says which text is the article. The article is then the smallest element
of the page's own tree (kg.sources.html) holding that text from its first words to its last, so
each character keeps its source line and offset. Where readability finds no article of a
document's length, the whole page is read.
"""

from __future__ import annotations

import re

from lxml.etree import ParserError
from lxml.html import fromstring
from readability import Document

from kg.sources.html import HIDDEN, Element, Text

ANCHOR = 20  # characters (whitespace dropped) that locate the article's first and last words
ARTICLE_MINIMUM = 200  # characters below which readability's answer is no document's article
_SPACE = re.compile(r"\s+")


def is_whole_page(root: Element) -> bool:
    """A saved page (its <html> or <body>), not a fragment cut from one."""
    return any(element.tag in ("html", "body") for element in root.elements())


def article(root: Element, html: str) -> Element:
    """The element that holds the page's article (the page itself where none is found)."""
    found = _compact(_readable_text(html))
    if len(found) < ARTICLE_MINIMUM:
        return root
    texts, owners = _texts_in_order(root)
    page = "".join(texts)
    end = page.rfind(found[-ANCHOR:])
    start = page.rfind(found[:ANCHOR], 0, end + 1) if end >= 0 else -1
    if start < 0:
        return root
    last = end + ANCHOR - 1
    return _common_ancestor(root, _owner_at(texts, owners, start), _owner_at(texts, owners, last))


def _readable_text(html: str) -> str:
    try:
        summary = Document(html).summary(html_partial=True)
        return fromstring(summary).text_content() if summary.strip() else ""
    except (ParserError, ValueError):  # a page lxml cannot parse, or one with no body
        return ""


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _texts_in_order(root: Element) -> tuple[list[str], list[tuple[Text, Element]]]:
    """The page's visible texts, whitespace dropped, each with the element that holds it."""
    texts: list[str] = []
    owners: list[tuple[Text, Element]] = []
    stack: list[tuple[Element | Text, Element]] = [(root, root)]
    while stack:
        node, parent = stack.pop()
        if isinstance(node, Text):
            texts.append(_compact(node.data))
            owners.append((node, parent))
        elif node is root or node.tag not in HIDDEN:
            stack.extend((child, node) for child in reversed(node.children))
    return texts, owners


def _owner_at(texts: list[str], owners: list[tuple[Text, Element]], position: int) -> Element:
    """The element holding the text at a position of the texts joined."""
    for text, (_, owner) in zip(texts, owners, strict=True):
        if position < len(text):
            return owner
        position -= len(text)
    return owners[-1][1]


def _common_ancestor(root: Element, first: Element, last: Element) -> Element:
    """The deepest element holding both (root where none is deeper)."""
    parents: dict[int, Element] = {}
    stack = [root]
    while stack:
        element = stack.pop()
        for child in element.children:
            if isinstance(child, Element):
                parents[id(child)] = element
                stack.append(child)
    above_first = [first]
    while id(above_first[-1]) in parents:
        above_first.append(parents[id(above_first[-1])])
    held = {id(element) for element in above_first}
    element = last
    while id(element) not in held and id(element) in parents:
        element = parents[id(element)]
    return element if id(element) in held else root
