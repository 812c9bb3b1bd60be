"""Lines found in the content of a text that lost its line breaks (a crawled record, a page's
text joined into one line): a line breaks where a paragraph starts, at a 　　 indent, and before
an item's numbering or an assignment's key where it follows the end of a sentence, a closing
bracket or a space, outside any bracket. A text that kept its lines breaks there already, so it
reads the same."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from itertools import accumulate

from kg.sources.annotations import KEY
from kg.sources.line_keys import LABELS as LINE_LABELS
from kg.sources.numbering import STYLES
from kg.sources.spans import SpannedText


def unnamed(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its groups unnamed, to join it with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


# Nothing breaks inside an annotation's brackets: its keys (（牵头单位：A；责任单位：B）) are one
# line; a page's 【打印】 marks are no annotation, and one left open must not hold a whole page
OPEN_CLOSE = {"（": 1, "〔": 1, "）": -1, "〕": -1}
# What an item's start follows: the end of a sentence or of an annotation, a space, an indent
AFTER = r"(?<=[。；！？：）〕】\s\u3000])"
STARTS = "|".join(f"(?:{unnamed(pattern)})" for _, pattern in STYLES)
LABELS = "|".join(unnamed(label).removeprefix("^") for label in (KEY, *LINE_LABELS))
# 一、 and 1. take the place of a sentence only after its end (not in 第一、二季度 or 增长1.5%)
START = re.compile(rf"{AFTER}(?=(?:{STARTS})(?!\d)|{LABELS})")
INDENT = re.compile(r"\u3000{2,}")


def broken(text: SpannedText) -> list[SpannedText]:
    """The line as the lines it holds (itself, where it holds one): its paragraphs (at each
    indent), then in each paragraph, before each item or label outside brackets."""
    parts = [
        part for paragraph in split(text, INDENT.finditer(text.text)) for part in starts(paragraph)
    ]
    return [part for part in parts if part.text.strip()] or [text]


def starts(paragraph: SpannedText) -> list[SpannedText]:
    depths = list(accumulate(OPEN_CLOSE.get(char, 0) for char in paragraph.text))
    found = (m for m in START.finditer(paragraph.text) if depths[m.start() - 1] <= 0)
    return split(paragraph, found)


def split(text: SpannedText, at: Iterable[re.Match[str]]) -> list[SpannedText]:
    """The text cut where each match starts."""
    bounds = [0, *(match.start() for match in at if match.start() > 0), len(text.text)]
    return [text[start:end] for start, end in itertools.pairwise(bounds)]
