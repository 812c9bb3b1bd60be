"""Inline form: numbered items that close with their assignment in brackets.

（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）
（发展改革委牵头，财政部、商务部按职责分工负责，年内持续推进）   （责任单位：省科技厅、省财政厅）
（省发展改革委，省工业和信息化厅、省交通运输厅）   where the document says 列在首位的为牵头单位
"""

from __future__ import annotations

import re

from kg.sources.annotations import (
    looks_assigning,
    parse_annotation,
    states_first_leads,
    works_with,
)
from kg.sources.assignees import looks_like_bodies
from kg.sources.items import Item, Split, read_items
from kg.sources.numbering import read_marker
from kg.sources.records import SourceDocument
from kg.sources.spans import SpannedText
from kg.sources.text import SourceText

NAME = "inline"
DESCRIPTION = "numbered items closing with an assignment in brackets, （…牵头，…配合）"
BRACKETS = {"）": "（", "〕": "〔"}  # closing -> opening: （牵头单位：…） or 〔牵头单位：…〕
CLOSING = "。；，. "  # what may follow the closing bracket at the end of an item
# …（财政部牵头）具体措施：  the words after an annotation that open the items below
LEAD_IN = re.compile(r"(?<=[）〕])[^，。；：（）〔〕]{1,8}：$")


def read_inline(source: SourceText) -> SourceDocument:
    return read_items(source, NAME, split_inline, parse_annotation)


def split_inline(item: Item, first_leads: bool) -> Split:
    """The item's own words, the words of the bracketed annotation that closes it, and those of
    annotations of its parts inside it (…并联审批（A牵头，B参加）。…（C牵头）); or, for an item
    without one, the body it opens with (（二十一）市公安局。负责……) or the bodies of its 由A会同B
    sentence."""
    text = _without_lead_in(item.text)
    bracket = closing_brackets(text)
    if bracket is None:
        return _unbracketed(text)
    start, end = bracket
    inside = text[start + 1 : end]
    if not assigns(inside.text, first_leads):
        return _unbracketed(text)
    own, inner = _inner_annotations(text[:start])
    return Split(own + text[end + 1 :].strip(CLOSING), inside, inner=inner)


def _without_lead_in(text: SpannedText) -> SpannedText:
    """The item without the words that close it by opening the items below (具体措施：)."""
    match = LEAD_IN.search(text.text)
    return text[: match.start()] if match else text


# （二十一）市公安局。负责对……的调研: an item that names its body first, then its duty
OPENING_BODY = re.compile(r"^(?P<body>[^，。；（）]{2,30})。(?=负责)")
# ……的问题，由国土资源部会同农业部等部门负责落实。
TOGETHER_SENTENCE = re.compile(r"由[^，。；（）]+?会同[^，。；（）]+")


def _unbracketed(text: SpannedText) -> Split:
    """An item whose assignment is in no bracket: the body it opens with, or its 由A会同B."""
    opening = _opening_body(text)
    if opening.assignment is not None:
        return opening
    for match in reversed(list(TOGETHER_SENTENCE.finditer(text.text))):
        if works_with(match.group()):
            own = text[: match.start()].strip().strip("，") + text[match.end() :]
            return Split(own, text[match.start() : match.end()])
    return Split(text, None)


def _opening_body(text: SpannedText) -> Split:
    match = OPENING_BODY.match(text.text)
    if match is None or not looks_like_bodies(match["body"]):
        return Split(text, None)
    body = text[: match.end("body")]
    return Split(text[match.end() :], body + SpannedText.at("负责", body.span.last))


def _inner_annotations(text: SpannedText) -> tuple[SpannedText, tuple[SpannedText, ...]]:
    """The words before the closing annotation without the annotations of parts inside them."""
    own, inner, kept = SpannedText.empty(), [], 0
    for start, end in bracket_groups(text):
        inside = text[start + 1 : end]
        if looks_assigning(inside.text):
            own, kept = own + text[kept:start], end + 1
            inner.append(inside)
    return own + text[kept:], tuple(inner)


def bracket_groups(text: SpannedText) -> list[tuple[int, int]]:
    """Where each outermost bracketed group of a text opens and closes."""
    groups: list[tuple[int, int]] = []
    closing_of = {opening: closing for closing, opening in BRACKETS.items()}
    depth, start, close = 0, 0, ""
    for i, char in enumerate(text.text):
        if depth == 0 and char in closing_of:
            depth, start, close = 1, i, closing_of[char]
        elif depth and char == BRACKETS[close]:
            depth += 1
        elif depth and char == close:
            depth -= 1
            if depth == 0:
                groups.append((start, i))
    return groups


def assigns(words: str, first_leads: bool) -> bool:
    """Whether a bracket's words assign: a role is written, or (where the document says the first
    listed leads) they only list bodies."""
    return looks_assigning(words) or (first_leads and looks_like_bodies(words))


def closing_brackets(text: SpannedText) -> tuple[int, int] | None:
    """Where the bracketed group that ends a text opens and closes (nested brackets allowed)."""
    end = len(text.text)
    while end and text.text[end - 1] in CLOSING:
        end -= 1
    if not end or text.text[end - 1] not in BRACKETS:
        return None
    close = text.text[end - 1]
    depth = 0
    for i in range(end - 1, -1, -1):
        char = text.text[i]
        depth += char == close
        depth -= char == BRACKETS[close]
        if depth == 0:
            return i, end - 1
    return None


def recognizes(source: SourceText) -> int:
    """How many lines close with a bracketed assignment, or open with their body."""
    first_leads = states_first_leads(source.full_text)
    return sum(1 for line in source.lines if _assigns_inline(line.content.cleaned(), first_leads))


def _assigns_inline(line: SpannedText, first_leads: bool) -> bool:
    bracket = closing_brackets(line)
    if bracket and assigns(line.text[bracket[0] + 1 : bracket[1]], first_leads):
        return True
    marker = read_marker(line)
    return marker is not None and _unbracketed(marker.rest).assignment is not None
