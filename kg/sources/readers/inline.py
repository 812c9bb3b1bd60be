"""Inline form: numbered items that close with their assignment in brackets.

（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）
（发展改革委牵头，财政部、商务部按职责分工负责，年内持续推进）   （责任单位：省科技厅、省财政厅）
（省发展改革委，省工业和信息化厅、省交通运输厅）   where the document says 列在首位的为牵头单位
"""

from __future__ import annotations

from kg.sources.annotations import looks_assigning, parse_annotation, states_first_leads
from kg.sources.assignees import looks_like_bodies
from kg.sources.items import Item, Split, read_items
from kg.sources.records import SourceDocument
from kg.sources.spans import SpannedText
from kg.sources.text import SourceText

NAME = "inline"
DESCRIPTION = "numbered items closing with an assignment in brackets, （…牵头，…配合）"
OPEN, CLOSE = "（", "）"
CLOSING = "。；，. "  # what may follow the closing bracket at the end of an item


def read_inline(source: SourceText) -> SourceDocument:
    return read_items(source, NAME, split_inline, parse_annotation)


def split_inline(item: Item, first_leads: bool) -> Split:
    """The item's own words, and the words of the bracketed annotation that closes it."""
    text = item.text
    bracket = closing_brackets(text)
    if bracket is None:
        return Split(text, None)
    start, end = bracket
    inside = text[start + 1 : end]
    if not assigns(inside.text, first_leads):
        return Split(text, None)
    return Split(text[:start] + text[end + 1 :].strip(CLOSING), inside)


def assigns(words: str, first_leads: bool) -> bool:
    """Whether a bracket's words assign: a role is written, or (where the document says the first
    listed leads) they only list bodies."""
    return looks_assigning(words) or (first_leads and looks_like_bodies(words))


def closing_brackets(text: SpannedText) -> tuple[int, int] | None:
    """Where the bracketed group that ends a text opens and closes (nested brackets allowed)."""
    end = len(text.text)
    while end and text.text[end - 1] in CLOSING:
        end -= 1
    if not end or text.text[end - 1] != CLOSE:
        return None
    depth = 0
    for i in range(end - 1, -1, -1):
        char = text.text[i]
        depth += char == CLOSE
        depth -= char == OPEN
        if depth == 0:
            return i, end - 1
    return None


def recognizes(source: SourceText) -> int:
    """How many lines close with a bracketed assignment."""
    first_leads = states_first_leads(source.full_text)
    count = 0
    for line in source.lines:
        cleaned = line.content.cleaned()
        bracket = closing_brackets(cleaned)
        if bracket and assigns(cleaned.text[bracket[0] + 1 : bracket[1]], first_leads):
            count += 1
    return count
