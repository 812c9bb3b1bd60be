"""Department lists in the 牵头 and 配合 cells: split them and distribute a leading 市."""

from __future__ import annotations

from kg.errors import SourceError
from kg.sources.records import Mention
from kg.sources.spans import SpannedText

RUN_SEPARATORS = "，,；;"  # separate groups of assignees (市财政局、商务局，各区政府)
NAME_SEPARATOR = "、"  # separates names within a group, which share the group's leading 市
CITY_PREFIX = "市"


def parse_assignees(cell: SpannedText, path: str, cell_name: str) -> tuple[Mention, ...]:
    """Read a list such as 市财政局、商务局，各区政府 as 市财政局, 市商务局, 各区政府."""
    mentions: list[Mention] = []
    for run in cell.split(RUN_SEPARATORS):
        names = run.split(NAME_SEPARATOR)
        prefix = CITY_PREFIX if names[0].startswith(CITY_PREFIX) else ""
        for name in names:
            if not name:
                line = (run or cell).span.last
                raise SourceError(
                    path,
                    line,
                    f"empty name in the list {cell.text!r} (stray or dangling separator)",
                    cell_name,
                )
            meant = name.text if name.startswith(prefix) else prefix + name.text
            mentions.append(Mention(name.text, meant, cell_name, name.span))
    return tuple(mentions)
