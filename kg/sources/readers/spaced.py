"""Tables copied as plain text with their cells apart by spaces, put back into rows of cells.

    序号 工 作 任 务 牵头负责部门
    1 居民消费价格涨幅3%左右 发展改革委

A header word may be spaced out letter by letter (工 作 任 务); a row's words beyond the header's
count belong to its task text, the one column where prose may hold a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.sources.spans import SpannedText
from kg.sources.text import Line, row_line

NUMBER = re.compile(r"^\d{1,3}$")
HEADER_START = ("序号", "编号")  # the word a table's header opens with


def regroup(lines: tuple[Line, ...], is_task_word: Callable[[str], bool]) -> tuple[Line, ...]:
    """The lines with a space-separated table as tab-separated rows (unchanged where the file
    has tab-separated rows, or no header of this kind)."""
    if any(line.row for line in lines):
        return lines
    found = next(((i, h) for i, line in enumerate(lines) if (h := _header(line))), None)
    if found is None:
        return lines
    start, header = found
    task = next((i for i, word in enumerate(header) if is_task_word(word.text)), 1)
    rows = [row_line(lines[start].number, header)]
    for line in lines[start + 1 :]:
        words = _words(line)
        if words and NUMBER.match(words[0].text):
            rows.append(row_line(line.number, _fit(words, len(header), task)))
        else:
            rows.append(line)
    return (*lines[:start], *rows)


def _header(line: Line) -> list[SpannedText] | None:
    """A header's words, 序号 first; letters spaced out one by one (工 作 任 务) joined again."""
    words = _words(line)
    if len(words) < 3 or words[0].text not in HEADER_START:
        return None
    joined: list[SpannedText] = []
    spelt = False  # whether the last word is being spelt out letter by letter
    for word in words:
        single = len(word.text) == 1
        if joined and single and spelt:
            joined[-1] = joined[-1] + word
        else:
            joined.append(word)
            spelt = single
    return joined if len(joined) >= 3 else None


def _words(line: Line) -> list[SpannedText]:
    return [word for word in line.content.strip().split(" ") if word.text.strip()]


def _fit(words: list[SpannedText], width: int, task: int) -> list[SpannedText]:
    """A row's words as its cells: surplus words rejoin the task text, missing cells are empty."""
    surplus = len(words) - width
    if surplus <= 0:
        return words + [SpannedText.empty()] * -surplus
    text = words[task]
    for word in words[task + 1 : task + 1 + surplus]:
        text = text + SpannedText.at(" ", word.span.first) + word
    return [*words[:task], text, *words[task + 1 + surplus :]]
