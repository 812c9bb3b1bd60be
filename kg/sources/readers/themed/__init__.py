"""The themed table: 序号 | 主要任务 (a merged theme cell, then the task) | 牵头 | 配合 | 备注."""

from kg.sources.readers.themed.reader import DESCRIPTION, NAME, read_themed_table, recognizes

__all__ = ["DESCRIPTION", "NAME", "read_themed_table", "recognizes"]
