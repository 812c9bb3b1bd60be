"""List form: a numbered task followed by lines of its own that assign it.

1. 加快发展……
牵头单位：市发展改革委
配合单位：市财政局、市商务局
完成时限：2020年底

1. 地区生产总值增长6%以上。
分管省领导：林克庆
部门分工：省发展改革委牵头，各地、各部门配合。
"""

from __future__ import annotations

from kg.sources.annotations import KEY, parse_annotation
from kg.sources.items import Item, Split, read_items
from kg.sources.line_keys import DEADLINE, DIVISION, LEADER
from kg.sources.records import SourceDocument
from kg.sources.spans import SpannedText
from kg.sources.text import SourceText

NAME = "list"
DESCRIPTION = "numbered tasks followed by lines such as 牵头单位：… / 配合单位：… / 责任单位：…"
JOIN = "；"


def read_list(source: SourceText) -> SourceDocument:
    return read_items(source, NAME, split_list, parse_annotation)


def split_list(item: Item, first_leads: bool) -> Split:
    """The item's own words, its assignment lines (from the first 牵头单位：, 部门分工： or the
    like), and its deadline and leader lines."""
    parts = [item.marker.rest, *(line.content for line in item.more)]
    own = SpannedText.empty()
    assignment: SpannedText | None = None
    deadline: SpannedText | None = None
    leader: SpannedText | None = None
    for part in (part.strip() for part in parts):
        if match := LEADER.match(part.text):
            leader = part[match.end() :].cleaned().strip("。；")
        elif match := DEADLINE.match(part.text):
            deadline = part[match.end() :].cleaned()
        elif match := DIVISION.match(part.text):
            assignment = _joined(assignment, part[match.end() :])
        elif KEY.match(part.text):
            assignment = _joined(assignment, part)
        elif assignment is None and (match := KEY.search(part.text)):
            own, assignment = own + part[: match.start()], part[match.start() :]
        elif assignment is None:
            own = own + part
        elif part:
            break  # prose after the assignment lines
    return Split(own.cleaned(), assignment.cleaned() if assignment else None, deadline, leader)


def _joined(assignment: SpannedText | None, part: SpannedText) -> SpannedText:
    if assignment is None:
        return part
    return assignment + SpannedText.at(JOIN, part.lines[0]) + part


def recognizes(source: SourceText) -> int:
    """How many lines open with an assignment key or a 部门分工： label."""
    return sum(
        1 for line in source.lines if KEY.match(text := line.text.strip()) or DIVISION.match(text)
    )
