"""Numbered items at the start of a line (一、 （一） 1. （1） ① 第一章) and each style's depth."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.sources.amounts import parse_number
from kg.sources.spans import SpannedText

_CN = "一二三四五六七八九十百零〇两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Each style: a name and the pattern of its marker (the number in group "n").
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第一部分", re.compile(rf"第(?P<n>[{_CN}\d]+)(?:部分|章|篇)")),
    ("一、", re.compile(rf"(?P<n>[{_CN}]+)[、.．]")),
    ("（一）", re.compile(rf"（(?P<n>[{_CN}]+)）")),
    ("1.", re.compile(r"(?P<n>\d{1,3})(?:[.．](?!\d)|、)")),
    ("（1）", re.compile(r"（(?P<n>\d{1,3})）")),
    ("1）", re.compile(r"(?P<n>\d{1,3})）")),
    ("①", re.compile(rf"(?P<n>[{_CIRCLED}])")),
)


@dataclass(frozen=True)
class Marker:
    """The number an item opens with."""

    style: str  # one of STYLES' names
    value: int
    label: str  # as printed: 一、 （三） 12.
    rest: SpannedText  # the line after the marker


def read_marker(line: SpannedText) -> Marker | None:
    """The item number a line opens with, if any (leading whitespace ignored)."""
    text = line.strip()
    for style, pattern in STYLES:
        match = pattern.match(text.text)
        if match:
            label = text[: match.end()]
            return Marker(style, _value(match["n"]), label.as_printed, text[match.end() :])
    return None


def _value(number: str) -> int:
    if number in _CIRCLED:
        return _CIRCLED.index(number) + 1
    return int(parse_number(number))


def depths(styles: list[str]) -> dict[str, int]:
    """Each style's depth: the order in which the document first uses them (0 is the top)."""
    order: dict[str, int] = {}
    for style in styles:
        order.setdefault(style, len(order))
    return order
