"""Merged theme cells in small tables made for each rule."""

from __future__ import annotations

from pathlib import Path

from kg.sources.read import read_source

HEADER = "序号\t主要任务\t\t牵头(负责)部门\t配合部门\t备注"
IMPRINT = "某市人民政府办公室2024年1月1日印发"


def themes(tmp_path: Path, *rows: str) -> dict[int, str]:
    """Task number -> theme label, for a table of the given tab-separated lines."""
    path = tmp_path / "table.txt"
    path.write_text("\n".join(["《测试》任务分工表", HEADER, *rows, "", IMPRINT]), encoding="utf-8")
    table = read_source(path)
    labels = {theme.number: theme.label for theme in table.themes}
    return {task.number: labels[task.theme] for task in table.tasks}


def test_text_printed_again_longer_after_a_page_break_is_one_theme(tmp_path: Path) -> None:
    assert themes(
        tmp_path,
        "1\t用地\t任务一\t市甲局\t\t",
        "",
        HEADER,
        "2\t用地政策\t任务二\t市甲局\t\t",
    ) == {1: "用地政策", 2: "用地政策"}


def test_a_bare_tail_of_the_open_theme_on_a_new_page_is_a_new_theme(tmp_path: Path) -> None:
    assert themes(
        tmp_path,
        "1\t扶持政策\t任务一\t市甲局\t\t",
        "",
        HEADER,
        "2\t政策\t任务二\t市甲局\t\t",
    ) == {1: "扶持政策", 2: "政策"}


def test_a_theme_on_the_second_line_of_a_row_without_a_page_break_is_new(tmp_path: Path) -> None:
    assert themes(
        tmp_path,
        "1\t主题甲\t任务一\t市甲局\t\t",
        "2\t\t任务二\t市甲局\t\t",
        "3\t\t任务三\t第一行\t\t",
        "\t主题乙\t续\t第二行\t\t",
        "4\t\t任务四\t市甲局\t\t",
    ) == {1: "主题甲", 2: "主题甲", 3: "主题乙", 4: "主题乙"}


def test_new_text_on_the_first_row_of_a_page_is_a_new_theme(tmp_path: Path) -> None:
    assert themes(
        tmp_path,
        "1\t主题甲\t任务一\t市甲局\t\t",
        "",
        HEADER,
        "2\t主题乙\t任务二\t市甲局\t\t",
    ) == {1: "主题甲", 2: "主题乙"}
