"""Tables with no 序号 column, printed one cell per line (a work plan's table copied from a word
processor): a header of short words, then rows that each close with the cell that assigns them.

目标 / 任务 / 主要内容 / 责任单位          the header, one word a line
一、以政务公开助力稳增长                    a heading: a row of its own
围绕……及时宣传解读。                        the row's content
市发改委牵头落实                            the cell that assigns it, which closes the row

The rows are put back as tab-separated rows, numbered in order (the number is the row's place; the
document prints none), so the table reader reads them like any other table.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.sources.annotations import looks_assigning
from kg.sources.assignees import looks_like_bodies
from kg.sources.numbering import read_marker
from kg.sources.readers.paragraphs import HEADER_WORD, THEME_ROW_MAX
from kg.sources.spans import SpannedText
from kg.sources.text import Line, row_line

NUMBER = "序号"  # the header cell given to the numbers the rows are put back with
HEADER_MIN = 2  # header words at least: the content's and the assigning one
CONTENT_MAX = 3  # lines of content a row may have; more before an assigning cell: prose, not rows


def regroup(
    lines: tuple[Line, ...], is_task_word: Callable[[str], bool], assigns: Callable[[str], bool]
) -> tuple[Line, ...]:
    """The lines with such a table as numbered tab-separated rows (unchanged where the file has
    tab-separated rows, or no such table); prose after the table stays as it is."""
    if any(line.row for line in lines):
        return lines
    header = _header(lines, is_task_word, assigns)
    if header is None:
        return lines
    start, words, task, assigning = header
    rows: list[Line] = [_header_row(lines[start], words)]
    content: list[SpannedText] = []
    end = start + len(words)  # where the lines the rows were made of end
    for index in range(start + len(words), len(lines)):
        line = lines[index]
        text = line.content.cleaned()
        if not text:
            continue
        if content and _closes_row(text.text):
            cells = [SpannedText.empty()] * len(words)
            cells[task], cells[assigning] = SpannedText.concat(content), text
            number = SpannedText.at(str(sum(map(_numbered, rows[1:])) + 1), line.number)
            rows.append(row_line(content[0].span.first, [number, *cells]))
            content, end = [], index + 1
        elif not content and _heading(text):
            rows.append(row_line(line.number, [text]))
            end = index + 1
        elif len(content) < CONTENT_MAX:
            content.append(text)
        else:
            break  # the table has ended
    if not any(map(_numbered, rows[1:])):
        return lines
    return (*lines[:start], *rows, *lines[end:])


def _header(
    lines: tuple[Line, ...], is_task_word: Callable[[str], bool], assigns: Callable[[str], bool]
) -> tuple[int, list[SpannedText], int, int] | None:
    """Where a header of short words opens, its words, its content column and its assigning one:
    the first run of header words that names an assigning column after a content column."""
    index = 0
    while index < len(lines):
        words: list[SpannedText] = []
        while index + len(words) < len(lines):
            text = lines[index + len(words)].content.cleaned()
            if not HEADER_WORD.match(text.text):
                break
            words.append(text)
        found = _columns(words, is_task_word, assigns)
        if found is not None:
            return index, words, *found
        index += len(words) or 1
    return None


def _columns(
    words: list[SpannedText], is_task_word: Callable[[str], bool], assigns: Callable[[str], bool]
) -> tuple[int, int] | None:
    if len(words) < HEADER_MIN or any(word.text == NUMBER for word in words):
        return None
    assigning = next((i for i, word in enumerate(words) if assigns(word.text)), None)
    if assigning is None:
        return None
    tasks = [i for i in range(assigning) if is_task_word(words[i].text)]
    return (tasks[-1], assigning) if tasks else None


def _header_row(first: Line, words: list[SpannedText]) -> Line:
    return row_line(first.number, [SpannedText.at(NUMBER, first.number), *words])


def _closes_row(text: str) -> bool:
    """A cell that assigns: 市发改委牵头落实, 市金融办、市人民银行分别牵头落实, or bodies only."""
    return len(text) <= THEME_ROW_MAX and (looks_assigning(text) or looks_like_bodies(text))


def _heading(text: SpannedText) -> bool:
    marker = read_marker(text)
    return marker is not None and len(text.text) <= THEME_ROW_MAX


def _numbered(row: Line) -> bool:
    return row.text.split("\t", 1)[0].isdigit()
