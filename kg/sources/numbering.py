"""Numbered items at the start of a line (一、 （一） 1. （1） ① 第一章) and each style's depth."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.sources.amounts import parse_number
from kg.sources.spans import SpannedText

# A table row's number in its 序号 cell: 12, or 12. / 12、 as some tables print it
ROW_NUMBER = re.compile(r"(?P<n>\d{1,4})[.．、]?")

_CN = "一二三四五六七八九十百零〇两"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Each style: a name and the pattern of its marker (the number in group "n").
STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第一部分", re.compile(rf"第(?P<n>[{_CN}\d]+)(?:部分|章|篇)")),
    ("一、", re.compile(rf"(?P<n>[{_CN}]+)[、.．﹒]")),
    ("（一）", re.compile(rf"（(?P<n>[{_CN}]+)）")),
    # ——推进教育高质量发展 (or --, as copies print it): an item of no number
    ("——", re.compile(r"(?P<n>)(?:——|--)(?=[^—-])")),
    ("1.", re.compile(r"(?P<n>\d{1,3})(?:[.．﹒](?!\d)|、)")),
    ("（1）", re.compile(r"（(?P<n>\d{1,3})）")),
    ("1）", re.compile(r"(?P<n>\d{1,3})）")),
    ("①", re.compile(rf"(?P<n>[{_CIRCLED}])")),
)
# "11.121人才梯队项目": a number, a point and digits is a decimal (1.5亿元), unless it is
# the next item.
NEXT_BEFORE_DIGITS = re.compile(r"(?P<n>\d{1,3})[.．﹒](?=\d)")


@dataclass(frozen=True)
class Marker:
    """The number an item opens with."""

    style: str  # one of STYLES' names
    value: int
    label: str  # as printed: 一、 （三） 12.
    rest: SpannedText  # the line after the marker


def read_marker(line: SpannedText, following: int | None = None) -> Marker | None:
    """The item number a line opens with, if any (leading whitespace ignored).

    `following` is the last 1. item's number: its successor is an item even where digits follow
    its point, which elsewhere make a decimal.
    """
    text = line.strip()
    for style, pattern in STYLES:
        match = pattern.match(text.text)
        if match:
            return _marker(style, text, match)
    match = NEXT_BEFORE_DIGITS.match(text.text)
    if following is not None and match and int(match["n"]) == following + 1:
        return _marker("1.", text, match)
    return None


def _marker(style: str, text: SpannedText, match: re.Match[str]) -> Marker:
    label = text[: match.end()]
    return Marker(style, _value(match["n"]), label.as_printed, text[match.end() :])


def _value(number: str) -> int:
    if not number:  # —— headings have no number
        return 0
    if number in _CIRCLED:
        return _CIRCLED.index(number) + 1
    return int(parse_number(number))


RANK = {style: rank for rank, (style, _) in enumerate(STYLES)}  # the customary order of depth


def arabic_after(style: str, value: int, arabic: int | None) -> int | None:
    """The last 1. number after an item so numbered: a heading above 1. starts it again (0), so
    its first item reads even where digits follow its point (（六）……具体措施：1．2021年…)."""
    if style == "1.":
        return value
    return 0 if RANK[style] < RANK["1."] else arabic


def depths(styles: list[str]) -> dict[str, int]:
    """Each style's depth among those a document uses (0 is the top), in the customary order
    一、 > （一） > 1. > （1） > 1） > ①, whichever the document prints first (一、 may open with
    a 1. item before its first （一）)."""
    used = sorted(set(styles), key=RANK.__getitem__)
    return {style: depth for depth, style in enumerate(used)}
