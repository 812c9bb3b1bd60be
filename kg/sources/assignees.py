"""Lists of assignees as documents write them: split them, distribute a leading 市 or 省."""

from __future__ import annotations

import re

from kg.errors import SourceError
from kg.sources.records import Mention
from kg.sources.spans import SpannedText

RUN_SEPARATORS = "，,；;"  # separate groups of assignees (市财政局、商务局，各区政府)
NAME_SEPARATOR = "、"  # separates names within a group, which share the group's leading 市 or 省
LEVEL_PREFIXES = ("市", "省")  # 市财政局、商务局 means 市商务局; 省财政厅、科技厅 means 省科技厅
# 各区、县级市 is one collective: 各 ("each") governs the kinds of division listed after it
# (各乡镇人民政府、街道办事处 and 各市、县〔区〕政府 too).
DIVISION = re.compile(
    r"^(?:区|县|县级市|市|镇|街道|乡|乡镇|地级以上市)(?:[（〔][^（）〔〕]{1,8}[）〕])?"
    r"(?:政府|人民政府|党委|办事处)?$"
)
# What the name of a body (or a collective of them) ends with: 委 局 厅 办 部 院 政府 各市 ...
BODY_ENDS = "委局厅办部院府署会行处室心司团联协队所站社台馆市区县镇门位"
BODY_END = re.compile(rf"[{BODY_ENDS}]$")
# 发展改革委、财政部等, 区水务局等部门: "and others" closes a list, it is not part of a name
TRAILING = re.compile(r"(?<=.)等(?:部门|单位|机构)?$")
# 区司法局等有关部门: a body "and the other bodies concerned", two assignees (and
# 住房城乡建设部等国务院相关部门); 商务部等和各有关省级人民政府: a list closed by 等, then joined by
# 和 (及, 以及, 与) to another body; 有关部门和团省委, 国务院相关部门及各地区: two bodies joined,
# each named whole (three characters or more, ending as a body's name does), so 有关部门和单位
# and 人力资源和社会保障局 stay one
_JOIN = "(?:和|及|以及|与)"
AND_OTHERS = re.compile(
    rf"(?<=[{BODY_ENDS}])等{_JOIN}(?=\S{{2,}}$)"
    r"|(?<=[委局厅办部院府署会行处室心司])等(?=\S{0,6}?(?:有关|相关|其他|其它|各)\S{2,}$)"
    rf"|(?<=\S\S[{BODY_ENDS}]){_JOIN}(?=\S{{2,}}[{BODY_ENDS}]$)"
)


def parse_assignees(cell: SpannedText, path: str, cell_name: str) -> tuple[Mention, ...]:
    """Read a list such as 市财政局、商务局，各区、县级市 as 市财政局, 市商务局, 各区、县级市."""
    mentions: list[Mention] = []
    for run in cell.strip().strip("。").split(RUN_SEPARATORS):
        names = _others(_collectives(run.split(NAME_SEPARATOR)))
        if names and (trailing := TRAILING.search(names[-1].text)):
            names[-1] = names[-1][: trailing.start()]
        prefix = next((p for p in LEVEL_PREFIXES if names[0].startswith(p)), "")
        for name in names:
            if not name:
                line = (run or cell).span.last if (run or cell).lines else None
                raise SourceError(
                    path,
                    line,
                    f"empty name in the list {cell.text!r} (stray or dangling separator)",
                    cell_name,
                )
            meant = name.text if name.startswith(prefix) else prefix + name.text
            mentions.append(Mention(name.as_printed, meant, cell_name, name.span))
    return tuple(mentions)


def _others(names: list[SpannedText]) -> list[SpannedText]:
    """区司法局等有关部门 as 区司法局 and 有关部门; A等国务院相关部门及各地区 as its three."""
    split: list[SpannedText] = []
    pending = list(reversed(names))
    while pending:
        name = pending.pop()
        match = AND_OTHERS.search(name.text)
        if match:
            pending += [name[match.end() :], name[: match.start()]]
        else:
            split.append(name)
    return split


def _collectives(names: list[SpannedText]) -> list[SpannedText]:
    """Join 各区 with the kinds of division that follow it (县级市) into one collective name."""
    joined: list[SpannedText] = []
    for name in names:
        if joined and joined[-1].startswith("各") and DIVISION.match(name.text):
            joined[-1] = joined[-1] + SpannedText.at(NAME_SEPARATOR, name.lines[0]) + name
        else:
            joined.append(name)
    return joined


def looks_like_bodies(text: str) -> bool:
    """Whether words are only a list of bodies: every name ends as a body's name does."""
    names = [name.strip() for name in re.split(f"[{RUN_SEPARATORS}{NAME_SEPARATOR}]", text)]
    return all(len(name) >= 2 and BODY_END.search(name) for name in names)
