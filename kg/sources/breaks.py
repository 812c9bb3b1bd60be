"""Lines found in the content of a text that lost its line breaks (a crawled record, a page's
text joined into one line): a line breaks at a 　　 indent, and, outside any bracket, before an
item's numbering or a line's label where it follows the end of a sentence, a closing bracket or a
space, before the first item of a numbering that an introduction or a title leads into (通知如下,
……分解方案), before an item that continues the numbering before it wherever it falls, and around
a signature (the issuer and date that close a covering notice). A text that kept its lines breaks
there already, so it reads the same."""

from __future__ import annotations

import re
from itertools import accumulate, pairwise

from kg.sources.annotations import KEY
from kg.sources.document_kinds import KINDS
from kg.sources.line_keys import LABELS as LINE_LABELS
from kg.sources.numbering import NEXT_BEFORE_DIGITS, RANK, STYLES, arabic_after, read_marker
from kg.sources.spans import SpannedText


def unnamed(pattern: re.Pattern[str]) -> str:
    """A pattern's text with its groups unnamed, to join it with others."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


# Nothing breaks inside an annotation's brackets: its keys (（牵头单位：A；责任单位：B）) are one
# line; a page's 【打印】 marks are no annotation, and one left open must not hold a whole page
OPEN_CLOSE = {"（": 1, "〔": 1, "）": -1, "〕": -1}
# What an item's start follows: the end of a sentence or of an annotation, a space, an indent
AFTER = "。；！？：）〕】\u3000"
STARTS = "|".join(f"(?:{unnamed(pattern)})" for _, pattern in (*STYLES, ("", NEXT_BEFORE_DIGITS)))
LABELS = "|".join(unnamed(label).removeprefix("^") for label in LINE_LABELS)
# Where an item's numbering or a line's label may start (whether it does is decided by what it
# follows and by the numbering before it)
CANDIDATE = re.compile(rf"(?=(?P<item>{STARTS})|(?P<key>{unnamed(KEY)})|{LABELS})")
INDENT = re.compile(r"\u3000{2,}")
# What leads into a numbering's first item with nothing between: 通知如下, a title's last word
# (……责任分解方案一、……)
INTRODUCTION = re.compile(rf"(?:如下|{KINDS})$")
INTRODUCTION_SPAN = max(len(word) for word in KINDS.split("|"))
# A signature: after a sentence, an issuer's name and the date (digits or 二〇〇七年四月四日),
# then no more of the sentence: the next paragraph, the transmitted document's title
_CN_DIGIT = "〇○零一二三四五六七八九"
_DATE = (
    r"(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日"
    rf"|[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}十]{{1,2}}月[{_CN_DIGIT}十]{{1,3}}日)"
)
SIGNATURE = re.compile(
    rf"(?<=[。！？])[^\s。，；：、！？（）《》]{{0,30}}?{_DATE}(?:印发|发布)?"
    r"(?=$|\s|\d|[^\s，。；：、！？（）的起前后至以及和与为])"
)


def broken(text: SpannedText) -> list[SpannedText]:
    """The line as the lines it holds (itself, where it holds one): its paragraphs (at each
    indent of 　　), then in each paragraph, where each item or label starts."""
    paragraphs = split(text, [m.start() for m in INDENT.finditer(text.text)])
    parts = [
        part
        for paragraph in paragraphs
        for part in split(paragraph, sorted({*starts(paragraph), *signatures(paragraph)}))
    ]
    return [part for part in parts if part.text.strip()] or [text]


def starts(paragraph: SpannedText) -> list[int]:
    """Where items and labels start, outside brackets: a key (责任单位：) wherever it falls; an
    item or a label after the end of a sentence, a closing bracket or a space; the first item of a
    numbering after its introduction (通知如下一、); an item that continues the numbering before
    it wherever it falls (一、总体要求1.建立… 2.完善…)."""
    text = paragraph.text
    depths = list(accumulate(OPEN_CLOSE.get(char, 0) for char in text))
    found: list[int] = []
    numbering: dict[str, int] = {}
    previous: str | None = None
    arabic: int | None = None  # the last 1. number, 0 below a heading above 1.
    key_end = 0  # 协同责任单位： is one key, not 协同 and 责任单位：
    for match in CANDIDATE.finditer(text):
        at = match.start()
        if (at > 0 and depths[at - 1] > 0) or at < key_end:
            continue
        if match["key"] is not None:
            found.append(at)
            key_end = at + len(match["key"])
            continue
        if match["item"] is None:  # a line's label
            found += [at] if after_end(text, at) else []
            continue
        # 3．2020年底前…: the next item even where digits follow its point
        marker = read_marker(paragraph[at:], arabic)
        if marker is None:
            continue
        continues = follows(marker.style, marker.value, numbering, previous)
        if marker.style == "1." and marker.rest.text[:1].isdigit() and not continues:
            continue  # 3、4个百分点: a range, not an item
        if after_end(text, at) or continues or (marker.value == 1 and introduced(text, at)):
            found.append(at)
            numbering[marker.style], previous = marker.value, marker.style
            arabic = arabic_after(marker.style, marker.value, arabic)
    return found


def after_end(text: str, at: int) -> bool:
    """Whether a position follows the end of a sentence, a closing bracket or a space."""
    return at == 0 or text[at - 1] in AFTER or text[at - 1].isspace()


def introduced(text: str, at: int) -> bool:
    """Whether an introduction or a title's last word leads into a position (通知如下一、)."""
    return INTRODUCTION.search(text, max(0, at - INTRODUCTION_SPAN), at) is not None


def signatures(paragraph: SpannedText) -> list[int]:
    """Where signatures start and end, outside brackets."""
    depths = list(accumulate(OPEN_CLOSE.get(char, 0) for char in paragraph.text))
    bounds: list[int] = []
    for match in SIGNATURE.finditer(paragraph.text):
        if depths[match.start() - 1] <= 0:
            bounds += [match.start(), match.end()]
    return bounds


def follows(style: str, value: int, numbering: dict[str, int], previous: str | None) -> bool:
    """Whether an item numbered so continues the numbering before it: its style's next number,
    or the first of a style (or an unnumbered ——) right below a heading, where the style's
    numbering starts again."""
    first_below = previous is not None and previous != style
    if value == 0:  # —— items have no number
        return first_below
    # a style's numbering starts again below each heading of a style above it (一、 > （一） > 1.)
    restarts = value == 1 and previous is not None and RANK[style] > RANK[previous]
    return restarts or numbering.get(style) == value - 1


def split(text: SpannedText, at: list[int]) -> list[SpannedText]:
    """The text cut at each position."""
    bounds = [0, *(position for position in at if position > 0), len(text.text)]
    return [text[start:end] for start, end in pairwise(bounds)]
