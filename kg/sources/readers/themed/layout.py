"""The column layout of a task-division table, read from its header row."""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import SourceError

NUMBER_HEADER = "序号"
LEAD_KEY = "牵头"
COOPERATING_KEY = "配合"
REMARK_KEY = "备注"


@dataclass(frozen=True)
class Layout:
    """Positions of the columns: 牵头, 配合 and 备注 found by the header's words, the two
    主要任务 columns (theme, then task text) checked to lie between 序号 and 牵头."""

    width: int
    number: int
    theme: int
    task: int
    lead: int
    cooperating: int
    remark: int
    names: tuple[str, ...]  # a name for each column, for error messages

    def name(self, column: int) -> str:
        return self.names[column]


def is_header(cells: list[str]) -> bool:
    return bool(cells) and cells[0].strip() == NUMBER_HEADER


def read_layout(cells: list[str], path: str, line: int, printed: list[str] | None = None) -> Layout:
    """Find the columns of a header: 序号 | 主要任务 | (merged) | 牵头 | 配合 | 备注.

    The cells are matched as normalized; the columns are named as `printed` (default: the same).
    """
    labels = [cell.strip() for cell in cells]

    def find(key: str) -> int:
        for column, label in enumerate(labels):
            if key in label:
                return column
        raise SourceError(path, line, f"table header has no column containing {key!r}", "header")

    lead, cooperating, remark = find(LEAD_KEY), find(COOPERATING_KEY), find(REMARK_KEY)
    if not 0 < lead < cooperating < remark:
        raise SourceError(
            path, line, "header columns are not in the order 牵头, 配合, 备注", "header"
        )
    if lead != 3:
        raise SourceError(
            path,
            line,
            f"expected two 主要任务 columns (theme, task) between 序号 and 牵头, found {lead - 1}",
            "header",
        )
    names = [cell.strip() for cell in printed or cells]
    task_heading = next(name for name in names[1:3] if name) if any(names[1:3]) else "主要任务"
    names[1], names[2] = f"{task_heading}(theme)", f"{task_heading}(task)"
    return Layout(len(labels), 0, 1, 2, lead, cooperating, remark, tuple(names))
