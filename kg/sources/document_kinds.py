"""The kinds of document a title names at its end (……实施意见, ……分工方案, ……工作事项)."""

from __future__ import annotations

KINDS = "意见|通知|方案|办法|规划|决定|纲要|计划|措施|规定|细则|分工|安排|要点|分工表|事项|清单"
