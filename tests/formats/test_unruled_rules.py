"""Each rule of the unruled-table reader on a table laid out here as a word processor prints one
(laid_out.py), its lines as pdfplumber gives them: what each rule reads, and what it keeps from
being misread."""

from __future__ import annotations

import pytest
from laid_out import Cell, Merged, laid_out, lines_of, printed

from kg.sources.formats.unruled import CrowdedTable, Unruled, read_unruled

HEADER: list[Cell] = [("序号",), ("主题",), ("任务",), ("牵头",), ("备注",)]


def read(rows: list[list[Cell]], **layout: object) -> Unruled:
    table = read_unruled(laid_out(rows, **layout), None)  # type: ignore[arg-type]
    assert table is not None
    return table


def test_cells_aligned_at_the_top_go_to_the_row_level_with_their_top() -> None:
    """Task 2's three lines start level with row 2's number: centred, they would lie over rows
    1 to 3 (row 1 and 3 have no task)."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("甲",), (), ("局甲",), ()],
        [("2",), ("乙",), ("任务乙一", "任务乙二", "任务乙三"), ("局乙",), ()],
        [("3",), ("丙",), (), ("局丙",), ()],
    ]
    assert read(rows, centred=False).rows[1:] == [
        ["1", "甲", "", "局甲", ""],
        ["2", "乙", "任务乙一\n任务乙二\n任务乙三", "局乙", ""],
        ["3", "丙", "", "局丙", ""],
    ]


def test_a_merged_cell_centred_on_a_middle_row_goes_to_its_first_row() -> None:
    """A theme over three rows of one line is centred on row 2's number, but reaches rows 1 and
    3's numbers: a cell of row 2 alone would not."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), Merged(3, ("甲一", "甲二", "甲三")), ("任务一",), ("局一",), ()],
        [("2",), None, ("任务二",), ("局二",), ()],
        [("3",), None, ("任务三",), ("局三",), ()],
        [("4",), ("乙",), ("任务四",), ("局四", "局四续"), ()],
    ]
    assert [row[1] for row in read(rows).rows[1:]] == ["甲一\n甲二\n甲三", "", "", "乙"]


def test_a_merged_cell_goes_to_the_fewest_rows_centred_on_it() -> None:
    """Rows 2 and 5 have no theme of their own: a theme over rows 3 and 4 (printed a point low)
    is centred on rows 2 to 5 too (more nearly, row 5's cells having more room), and belongs
    to row 3."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("甲",), ("任务一", "任务一续"), ("局一",), ()],
        [("2",), (), ("任务二",), ("局二",), ()],
        [("3",), Merged(2, ("丙一", "丙二"), shift=1.0), ("任务三",), ("局三",), ()],
        [("4",), None, ("任务四",), ("局四",), ()],
        [("5",), (), ("任务五",), ("局五",), ()],
        [("6",), ("己",), ("任务六", "任务六续"), ("局六",), ()],
    ]
    table = read(rows, margin=[1.5, 1.5, 1.5, 1.5, 1.5, 2.5, 1.5])
    assert [row[1] for row in table.rows[1:]] == ["甲", "", "丙一\n丙二", "", "", "己"]


def test_a_cell_over_two_columns_crosses_their_gutter() -> None:
    """Row 3's theme runs over the task column (a task-less theme): the gutter it crosses is
    still a gutter, the few lines crossing it beside the many standing either side; 备注, a
    column of its header only, is a column."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("甲一", "甲二"), ("任务一", "任务一续"), ("局一",), ()],
        [("2",), ("乙一", "乙二"), ("任务二", "任务二续"), ("局二",), ()],
        [("3",), ("丙是一个跨两列的主题",), (), ("局三",), ()],
        [("4",), ("丁一", "丁二"), ("任务四", "任务四续"), ("局四",), ()],
    ]
    table = read(rows)
    assert table.rows[0] == ["序号", "主题", "任务", "牵头", "备注"]
    assert table.rows[3] == ["3", "丙是一个跨两列的主题", "", "局三", ""]
    assert table.rows[4] == ["4", "丁一\n丁二", "任务四\n任务四续", "局四", ""]


@pytest.mark.parametrize(
    ("text", "below"), [("公开方式：主动公开", 5.0), ("9", 30.0)], ids=["across", "far-below"]
)
def test_a_line_across_the_gutters_or_far_below_ends_the_table(text: str, below: float) -> None:
    """Under the last row, a sentence over the columns, or a page number at the left margin a
    line's height or more below (not the next row number), is the page's, not the table's."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("甲",), ("任务一",), ("局一",), ()],
        [("2",), ("乙",), ("任务二",), ("局二",), ()],
    ]
    lines = laid_out(rows)
    lines += lines_of(printed(text, 50.0, lines[-1]["bottom"] + below))
    table = read_unruled(lines, None)
    assert table is not None
    assert table.rows[-1] == ["2", "乙", "任务二", "局二", ""]
    assert [line["text"] for line in table.after] == [text]


def test_a_table_goes_on_over_a_page_in_its_columns() -> None:
    """The next page has no header and no 备注 text: the columns are the page before's, its
    numbers go on, and a line above its first number ends the page before's last row."""
    first = read([HEADER, [("1",), ("甲",), ("任务一",), ("局一",), ()]])
    rows: list[list[Cell]] = [
        [(), (), (), ("局一续",), ()],
        [("2",), ("乙",), ("任务二",), ("局二",), ()],
        [("3",), (), ("任务三",), ("局三",), ()],
    ]
    table = read_unruled(laid_out(rows, top=30.0), first.columns)
    assert table is not None
    assert table.rows == [
        ["", "", "", "局一续", ""],
        ["2", "乙", "任务二", "局二", ""],
        ["3", "", "任务三", "局三", ""],
    ]


def test_numbered_prose_is_not_a_table() -> None:
    """Numbered paragraphs, each number apart from its wrapped lines: two columns, no table."""
    lines = lines_of(
        printed("1", 50.0, 100.0)
        + printed("加快推进新能源汽车向高质量发展引领产业转型升级", 80.0, 100.0)
        + printed("壮大纯电动汽车产业规模", 80.0, 117.0)
        + printed("2", 50.0, 140.0)
        + printed("加快建设国际汽车零部件产业基地推动产业实现突破", 80.0, 140.0)
    )
    assert read_unruled(lines, None) is None


def test_a_header_wrapped_in_a_narrow_column_is_found() -> None:
    """序 over 号: the header of a table of one row (a table without a header needs two)."""
    rows: list[list[Cell]] = [
        [("序", "号"), ("主题",), ("任务",), ("牵头",), ("备注",)],
        [("1",), ("甲",), ("任务一",), ("局一",), ()],
    ]
    assert read(rows).rows == [
        ["序\n号", "主题", "任务", "牵头", "备注"],
        ["1", "甲", "任务一", "局一", ""],
    ]


def test_rows_with_no_space_between_them_are_refused() -> None:
    """No margin above or below the cells: a cell's next line and the next row's first stand
    alike, so the table is an error rather than a guess."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("甲",), ("任务一",), ("局一", "局一续"), ()],
        [("2",), ("乙",), ("任务二",), ("局二",), ()],
    ]
    with pytest.raises(CrowdedTable):
        read_unruled(laid_out(rows, margin=0.0, centred=False), None)


def test_a_space_inside_a_cell_does_not_cut_it() -> None:
    """A space (a quarter of a character) is narrower than a gutter: 加 快 建 设 is one cell."""
    rows: list[list[Cell]] = [
        HEADER,
        [("1",), ("加 快 建 设",), ("任务一",), ("局一",), ()],
        [("2",), ("以供给侧结构",), ("任务二",), ("局二",), ()],
    ]
    assert read(rows).rows[1] == ["1", "加快建设", "任务一", "局一", ""]
