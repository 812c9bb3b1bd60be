"""List form: a numbered task followed by lines of its own that assign it.

1. 加快发展……
牵头单位：市发展改革委
配合单位：市财政局、市商务局
完成时限：2020年底
"""

from __future__ import annotations

import re

from kg.sources.annotations import KEY, parse_annotation
from kg.sources.items import Item, Split, read_items
from kg.sources.records import SourceDocument
from kg.sources.spans import SpannedText
from kg.sources.text import SourceText

NAME = "list"
DESCRIPTION = "numbered tasks followed by lines such as 牵头单位：… / 配合单位：… / 责任单位：…"
JOIN = "；"
DEADLINE = re.compile(r"^(?:完成时限|完成时间|时间节点|时限|进度安排)：")


def read_list(source: SourceText) -> SourceDocument:
    return read_items(source, NAME, split_list, parse_annotation)


def split_list(item: Item) -> Split:
    """The item's own words, and its assignment lines (from the first 牵头单位： or the like)."""
    parts = [item.marker.rest, *(line.content for line in item.more)]
    own = SpannedText.empty()
    assignment: SpannedText | None = None
    deadline: SpannedText | None = None
    for part in (part.strip() for part in parts):
        if assignment is None:
            match = KEY.search(part.text)
            if match is None:
                own = own + part
            else:
                own, assignment = own + part[: match.start()], part[match.start() :]
        elif KEY.match(part.text):
            assignment = assignment + SpannedText.at(JOIN, part.lines[0]) + part
        elif match := DEADLINE.match(part.text):
            deadline = part[match.end() :].cleaned()
        elif part:
            break  # prose after the assignment lines
    return Split(own.cleaned(), assignment.cleaned() if assignment else None, deadline)


def recognizes(source: SourceText) -> int:
    """How many lines open with an assignment key."""
    return sum(1 for line in source.lines if KEY.match(line.text.strip()))
