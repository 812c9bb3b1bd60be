"""Lines found in the content of a text that lost its line breaks (a crawled record, a page's
text joined into one line): a line breaks at a 　　 indent, and, outside any bracket, before an
item's numbering or a line's label where it follows the end of a sentence, a closing bracket or a
space, or before an item that continues the numbering before it wherever it falls. A text that
kept its lines breaks there already, so it reads the same."""

from __future__ import annotations

import re
from itertools import accumulate, pairwise

from kg.sources.annotations import KEY
from kg.sources.line_keys import LABELS as LINE_LABELS
from kg.sources.numbering import STYLES, read_marker
from kg.sources.spans import SpannedText


def unnamed(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its groups unnamed, to join it with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


# Nothing breaks inside an annotation's brackets: its keys (（牵头单位：A；责任单位：B）) are one
# line; a page's 【打印】 marks are no annotation, and one left open must not hold a whole page
OPEN_CLOSE = {"（": 1, "〔": 1, "）": -1, "〕": -1}
# What an item's start follows: the end of a sentence or of an annotation, a space, an indent
AFTER = "。；！？：）〕】\u3000"
STARTS = "|".join(f"(?:{unnamed(pattern)})" for _, pattern in STYLES)
LABELS = "|".join(unnamed(label).removeprefix("^") for label in (KEY, *LINE_LABELS))
# Where an item's numbering or a line's label may start (whether it does is decided by what it
# follows and by the numbering before it)
CANDIDATE = re.compile(rf"(?=(?P<item>(?:{STARTS})(?!\d))|{LABELS})")
INDENT = re.compile(r"\u3000{2,}")


def broken(text: SpannedText) -> list[SpannedText]:
    """The line as the lines it holds (itself, where it holds one): its paragraphs (at each
    indent of 　　), then in each paragraph, where each item or label starts."""
    paragraphs = split(text, [m.start() for m in INDENT.finditer(text.text)])
    parts = [part for paragraph in paragraphs for part in split(paragraph, starts(paragraph))]
    return [part for part in parts if part.text.strip()] or [text]


def starts(paragraph: SpannedText) -> list[int]:
    """Where items and labels start, outside brackets: after the end of a sentence, a closing
    bracket or a space; or anywhere, for an item that continues the numbering before it
    (一、总体要求1.建立… 2.完善…)."""
    text = paragraph.text
    depths = list(accumulate(OPEN_CLOSE.get(char, 0) for char in text))
    found: list[int] = []
    numbering: dict[str, int] = {}
    previous: str | None = None
    for match in CANDIDATE.finditer(text):
        at = match.start()
        if at > 0 and depths[at - 1] > 0:
            continue
        marker = read_marker(paragraph[at:]) if match["item"] is not None else None
        after_end = at == 0 or text[at - 1] in AFTER or text[at - 1].isspace()
        continues = marker is not None and follows(marker.style, marker.value, numbering, previous)
        if after_end or continues:
            found.append(at)
            if marker is not None:
                numbering[marker.style], previous = marker.value, marker.style
    return found


def follows(style: str, value: int, numbering: dict[str, int], previous: str | None) -> bool:
    """Whether an item numbered so continues the numbering before it: its style's next number,
    or the first of a style (or an unnumbered ——) right below a heading."""
    first_below = previous is not None and previous != style
    if value == 0:  # —— items have no number
        return first_below
    return numbering.get(style, 0) + 1 == value and (style in numbering or first_below)


def split(text: SpannedText, at: list[int]) -> list[SpannedText]:
    """The text cut at each position."""
    bounds = [0, *(position for position in at if position > 0), len(text.text)]
    return [text[start:end] for start, end in pairwise(bounds)]
