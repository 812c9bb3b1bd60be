"""The labels that open a line of their own under a task in the list form (what the list reader
reads, and where a text that lost its line breaks breaks)."""

from __future__ import annotations

import re

DEADLINE = re.compile(r"^(?:完成时限|完成时间|时间节点|时限|进度安排)：")
# 部门分工：省发展改革委牵头，各地、各部门配合 (the words after the label read as A牵头，B配合)
DIVISION = re.compile(r"^(?:部门分工|责任分工|任务分工|工作分工|分工)：")
# 分管省领导：林克庆 (a leader's name, never an assignee)
LEADER = re.compile(
    r"^(?:分管|责任|牵头)?(?:负责)?(?:国务院|省|市|区|县)?(?:政府)?(?:分管)?领导(?:同志)?："
)  # 牵头负责领导：刘惠 too
LABELS = (DEADLINE, DIVISION, LEADER)
