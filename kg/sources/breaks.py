"""Lines found in the content of a text that lost its line breaks (a crawled record, a page's
text joined into one line): a line breaks where a paragraph starts, at a 　　 indent, and before
an item's numbering or an assignment's key where it follows the end of a sentence, a closing
bracket or a space, outside any bracket. A text that kept its lines breaks there already, so it
reads the same."""

from __future__ import annotations

import itertools
import re
from itertools import accumulate

from kg.sources.annotations import KEY
from kg.sources.numbering import STYLES
from kg.sources.spans import SpannedText


def unnamed(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its groups unnamed, to join it with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


# Nothing breaks inside a bracket: an annotation's keys (（牵头单位：A；责任单位：B）) are one line
OPEN_CLOSE = {"（": 1, "〔": 1, "【": 1, "）": -1, "〕": -1, "】": -1}
# What an item's start follows: the end of a sentence or of an annotation, a space, an indent
AFTER = r"(?<=[。；！？：）〕】\s\u3000])"
STARTS = "|".join(f"(?:{unnamed(pattern)})" for _, pattern in STYLES)
# 一、 and 1. take the place of a sentence only after its end (not in 第一、二季度 or 增长1.5%)
BREAK = re.compile(rf"{AFTER}(?=(?:{STARTS})(?!\d)|{unnamed(KEY)})|\u3000{{2,}}")


def broken(text: SpannedText) -> list[SpannedText]:
    """The line as the lines it holds (itself, where it holds one)."""
    depths = list(accumulate(OPEN_CLOSE.get(char, 0) for char in text.text))
    cuts = [
        match.start()
        for match in BREAK.finditer(text.text)
        if match.start() > 0 and depths[match.start() - 1] <= 0
    ]
    bounds = [0, *cuts, len(text.text)]
    parts = [text[start:end] for start, end in itertools.pairwise(bounds)]
    return [part for part in parts if part.text.strip()] or [text]
