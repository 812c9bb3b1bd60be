"""Text that remembers the source line of every character it holds, and its character offset
in a source of one line (a crawled record, a page on one line), where lines say nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


UNKNOWN = -1  # the offset of a character the source does not print (a separator put in)


@dataclass(frozen=True)
class Span:
    """An inclusive range of 1-based line numbers in a source file, and of 0-based character
    offsets where the source is one line."""

    first: int
    last: int
    offsets: tuple[int, int] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


@dataclass(frozen=True)
class SpannedText:
    """A string paired with the source line of each of its characters.

    `text` is what the readers parse (simplified script, full-width punctuation); `printed`,
    of the same length, is what the source prints (None: the same as `text`); `offsets`, where
    the source is one line, each character's offset in it (UNKNOWN for one put in).
    """

    text: str
    lines: tuple[int, ...]
    printed: str | None = None
    offsets: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if len(self.lines) != len(self.text) or any(
            other is not None and len(other) != len(self.text)
            for other in (self.printed, self.offsets)
        ):
            raise ValueError("text, printed form, lines and offsets differ in length")

    @classmethod
    def at(
        cls, text: str, line: int, printed: str | None = None, offset: int | None = None
    ) -> SpannedText:
        """Text printed on one line (from `offset` on, where the source is one line)."""
        offsets = None if offset is None else tuple(range(offset, offset + len(text)))
        return cls(text, (line,) * len(text), None if printed == text else printed, offsets)

    @classmethod
    def empty(cls) -> SpannedText:
        return cls("", ())

    @classmethod
    def concat(cls, parts: Iterable[SpannedText]) -> SpannedText:
        """Texts one after another, each character keeping its line."""
        parts = list(parts)
        lines = tuple(line for part in parts for line in part.lines)
        printed = None
        if any(part.printed is not None for part in parts):
            printed = "".join(part.as_printed for part in parts)
        offsets = None
        if any(part.offsets is not None for part in parts):
            offsets = tuple(offset for part in parts for offset in part.known_offsets)
        return cls("".join(part.text for part in parts), lines, printed, offsets)

    @property
    def as_printed(self) -> str:
        return self.text if self.printed is None else self.printed

    @property
    def known_offsets(self) -> tuple[int, ...]:
        """The offsets, UNKNOWN for each character where the text keeps none."""
        return self.offsets if self.offsets is not None else (UNKNOWN,) * len(self.text)

    def __bool__(self) -> bool:
        return bool(self.text)

    def __add__(self, other: SpannedText) -> SpannedText:
        return SpannedText.concat((self, other))

    def __getitem__(self, key: slice) -> SpannedText:
        printed = None if self.printed is None else self.printed[key]
        offsets = None if self.offsets is None else self.offsets[key]
        return SpannedText(self.text[key], self.lines[key], printed, offsets)

    def strip(self, chars: str | None = None) -> SpannedText:
        """Drop leading and trailing characters (whitespace by default)."""
        start, end = 0, len(self.text)
        while start < end and _strippable(self.text[start], chars):
            start += 1
        while end > start and _strippable(self.text[end - 1], chars):
            end -= 1
        return self[start:end]

    def find(self, sub: str, start: int = 0) -> int:
        return self.text.find(sub, start)

    @property
    def span(self) -> Span:
        if not self.lines:
            raise ValueError("an empty text has no span")
        known = [offset for offset in self.offsets or () if offset != UNKNOWN]
        offsets = (min(known), max(known)) if known else None
        return Span(min(self.lines), max(self.lines), offsets)

    def cleaned(self) -> SpannedText:
        """Drop the whitespace a PDF extraction puts inside words.

        Whitespace is kept (as one space) only between two ASCII letters or digits, where it
        separates words; everywhere else in Chinese text it is an artefact of the layout.
        """
        kept: list[int] = []
        text = self.text
        i = 0
        while i < len(text):
            if not text[i].isspace():
                kept.append(i)
                i += 1
                continue
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if (
                kept
                and j < len(text)
                and _ASCII_WORD.match(text[kept[-1]])
                and _ASCII_WORD.match(text[j])
            ):
                kept.append(i)
            i = j
        printed = None
        if self.printed is not None:
            printed = "".join(" " if text[k].isspace() else self.printed[k] for k in kept)
        return SpannedText(
            "".join(" " if text[k].isspace() else text[k] for k in kept),
            tuple(self.lines[k] for k in kept),
            printed,
            None if self.offsets is None else tuple(self.offsets[k] for k in kept),
        )

    def split(self, separators: str) -> list[SpannedText]:
        """Split on any of the given single-character separators."""
        parts: list[SpannedText] = []
        start = 0
        for i, char in enumerate(self.text):
            if char in separators:
                parts.append(self[start:i])
                start = i + 1
        parts.append(self[start:])
        return parts

    def startswith(self, prefix: str) -> bool:
        return self.text.startswith(prefix)

    def merged_with(self, continuation: SpannedText) -> SpannedText:
        """Join text that a page break split, dropping characters printed on both sides of it."""
        return self + continuation[overlap(self.text, continuation.text) or 0 :]


def _strippable(char: str, chars: str | None) -> bool:
    return char.isspace() if chars is None else char in chars


def overlap(before: str, after: str, min_size: int = 2) -> int | None:
    """How many leading characters of `after` repeat the end of `before` (None: no overlap).

    `after` overlaps when it is `before` printed again, or when it starts with at least
    `min_size` of `before`'s last characters and goes on from there. A bare tail of `before`
    (扶持政策 then 政策) adds nothing and is not taken as the same text.
    """
    if after == before:
        return len(after)
    for size in range(min(len(before), len(after) - 1), min_size - 1, -1):
        if before.endswith(after[:size]):
            return size
    return None
