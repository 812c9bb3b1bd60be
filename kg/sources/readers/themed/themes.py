"""Resolve the merged 主要任务 cells: which theme each row sits under.

A merged cell prints its text on one row of its group (usually the first), fills a whole row of
its own when the group is a single row with no task text, or is split by a page break, in which
case the text may continue on the next page or be printed again on both sides of the break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import SourceError
from kg.sources.readers.themed.layout import Layout
from kg.sources.readers.themed.rows import Fragment, RawRow
from kg.sources.spans import SpannedText, overlap


@dataclass
class Group:
    """The rows a merged 主要任务 cell spans, and the cell's text."""

    text: SpannedText
    rows: list[RawRow] = field(default_factory=list)
    closed: bool = False  # a theme that fills its row spans that row alone

    def continues_with(self, fragment: Fragment) -> bool:
        """Whether a fragment is more of this cell's text rather than a new cell's.

        Only a page break splits a cell's text: after one, text on the continuation of a split
        row goes on with the cell, and text on a new row does when it repeats the cell's last
        characters. Without a page break, new text in the theme column is a new cell.
        """
        if self.closed or not fragment.after_break:
            return False
        if not fragment.on_first_line:
            return True
        return overlap(self.text.text, fragment.text.cleaned().text) is not None

    def extend(self, fragment: Fragment) -> None:
        """Add a later line of the cell's text; across a page break, drop what is printed twice."""
        text = fragment.text.cleaned()
        self.text = self.text.merged_with(text) if fragment.after_break else self.text + text


def group_rows(rows: list[RawRow], layout: Layout, path: str) -> list[Group]:
    """Assign every row to the merged theme cell that spans it."""
    groups: list[Group] = []
    pending: list[RawRow] = []  # rows seen before the text of the cell that spans them

    def open_group(text: SpannedText, row: RawRow, closed: bool = False) -> None:
        nonlocal pending
        groups.append(Group(text, [*pending, row], closed))
        pending = []

    for row in rows:
        fragments = row.fragments(layout.theme)
        if not row.joined(layout.task):
            if not fragments:
                raise SourceError(path, row.line, f"row {row.number} has no task and no theme")
            if pending:
                _orphans(pending, layout, path)
            open_group(row.joined(layout.theme), row, closed=True)
        elif not fragments:
            if groups and not groups[-1].closed:
                groups[-1].rows.append(row)
            else:
                pending.append(row)
        else:
            first, *rest = fragments
            if groups and groups[-1].continues_with(first):
                groups[-1].rows.append(row)
                groups[-1].extend(first)
            else:
                open_group(first.text.cleaned(), row)
            for fragment in rest:
                groups[-1].extend(fragment)
    if pending:
        _orphans(pending, layout, path)
    return groups


def _orphans(rows: list[RawRow], layout: Layout, path: str) -> None:
    numbers = ", ".join(str(row.number) for row in rows)
    raise SourceError(
        path,
        rows[0].line,
        f"row(s) {numbers} have an empty theme cell and no merged cell spans them",
        layout.name(layout.theme),
    )
