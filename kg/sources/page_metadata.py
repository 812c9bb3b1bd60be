"""What a government portal prints about a document above its article: 发文字号, 成文日期,
发布机构, 标题, as label and value cells of a table, a label line and its value's line, or
``label：value`` in one line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.sources.spans import SpannedText

FIELDS: dict[str, tuple[str, ...]] = {
    "identifier": ("发文字号", "文号", "发文号"),
    "written": ("成文日期", "发文日期", "印发日期"),
    "issuer": ("发布机构", "发文机关", "发文单位"),
    "title": ("标题", "名称", "文件名称"),
    "published": ("发布日期", "公开日期"),
    "index": ("索引号",),
}
_FIELD_OF = {label: name for name, labels in FIELDS.items() for label in labels}
# A label opens a cell: its characters may be spaced out (索 引 号), a colon may follow
_KNOWN = "|".join(r"\s*".join(label) for label in sorted(_FIELD_OF, key=len, reverse=True))
# A label opens a cell: its characters may be spaced out (文    号), a colon may follow
_LABEL = re.compile(rf"^(?P<label>{_KNOWN})\s*[：:]?\s*")
# Where the value after a label ends: at the next label in the same cell, a known one after a
# space (发布机构 区人民政府办公室 文    号 …) or any with its colon (主题分类：)
_NEXT_LABEL = re.compile(rf"\s(?={_KNOWN})|(?:[\u4e00-\u9fff]\s*){{2,6}}[：:]")


@dataclass(frozen=True)
class Field:
    value: str
    line: int


@dataclass(frozen=True)
class PageMetadata:
    """The fields a page prints, each with its source line."""

    fields: dict[str, Field]

    def get(self, name: str) -> Field | None:
        return self.fields.get(name)


def page_metadata(lines: Iterable[tuple[SpannedText, bool]]) -> PageMetadata:
    """The first value of each field among a page's lines (text, whether a table row)."""
    cells = [
        cell.strip()
        for text, row in lines
        for cell in (text.split("\t") if row else [text])
        if cell.strip()
    ]
    found: dict[str, Field] = {}
    for i, cell in enumerate(cells):
        rest = cell
        while (match := _LABEL.match(rest.text)) is not None:
            name = _FIELD_OF["".join(match["label"].split())]
            rest = rest[match.end() :]
            if not rest and i + 1 < len(cells) and not _LABEL.match(cells[i + 1].text):
                rest = cells[i + 1]
            following = _NEXT_LABEL.search(rest.text)
            value = (rest[: following.start()] if following else rest).strip()
            if value and name not in found:
                found[name] = Field(value.as_printed, value.span.first)
            rest = rest[following.start() :].strip() if following else rest[len(rest.text) :]
    return PageMetadata(found)
