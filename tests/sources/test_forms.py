"""Each source form read into the same records, and the form recognized by itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources.read import read_source, recognize
from kg.sources.records import SourceDocument
from kg.sources.text import read_source_text

FIXTURES = Path(__file__).parent / "fixtures"


def assignments(document: SourceDocument) -> list[tuple[int, list[str], list[str]]]:
    return [
        (t.number, [m.written for m in t.leads], [m.written for m in t.cooperators])
        for t in document.tasks
    ]


def test_inline_items_under_nested_headings() -> None:
    document = read_source(FIXTURES / "inline-2012.html")
    assert document.form == "inline"
    assert (document.heading, document.identifier) == (
        "示例市人民政府关于加快测试产业发展的意见",
        "示府〔2012〕5号",
    )
    assert str(document.imprint.date) == "2012-03-05"
    assert [(t.label, t.parent) for t in document.themes] == [
        ("主要任务", None), ("人才项目", 1), ("科技项目", 1), ("保障措施", None),
    ]  # fmt: skip
    assert assignments(document) == [
        (1, ["市甲局"], ["市委组织部", "市乙局", "各区、县级市"]),
        (2, ["市委组织部"], ["市丙局"]),
        (3, ["市科技局"], ["市甲局", "乙局"]),
        (4, [], []),
        (5, ["市甲局", "市乙局"], []),
    ]
    assert [t.theme for t in document.tasks] == [2, 2, 3, 3, 4]


def test_inline_annotation_leaves_the_task_text_and_keeps_its_deadline() -> None:
    task = read_source(FIXTURES / "inline-2012.html").tasks[2]
    assert task.text == "创新平台建设。建设一批平台"
    assert task.deadline == "2013年底前完成"
    assert (task.label, task.span.first) == ("3.", 12)


def test_a_bracket_that_assigns_nothing_stays_in_the_text() -> None:
    preamble_free = read_source(FIXTURES / "inline-2012.html")
    assert all("以下简称" not in (t.text or "") for t in preamble_free.tasks)


def test_list_form_with_the_first_listed_lead_rule_and_a_deadline_line() -> None:
    document = read_source(FIXTURES / "list-2020.txt")
    assert document.form == "list"
    assert assignments(document) == [
        (1, ["市科技局"], ["市甲局", "乙局"]),
        (2, ["市乙局"], ["市丙局"]),
        (3, [], []),
        (4, ["市甲局"], []),
    ]
    assert document.tasks[3].deadline == "持续推进"
    assert (document.tasks[0].span.first, document.tasks[0].span.last) == (4, 6)
    assert [t.label for t in document.themes] == ["重点任务", "保障措施"]


def test_table_with_leader_deadline_and_theme_rows() -> None:
    document = read_source(FIXTURES / "table-2015.html")
    assert document.form == "table"
    assert assignments(document) == [
        (1, ["市甲局"], ["市乙局", "丙局"]),
        (2, ["市科技局"], ["各区政府"]),
        (3, ["市丙局", "市甲局"], []),
    ]
    first, second, _ = document.tasks
    assert (first.leader, first.deadline, second.remark) == ("张三", "2015年底", "新增")
    assert [t.theme for t in document.tasks] == [1, 1, 2]
    assert [t.label for t in document.themes] == ["经济发展", "民生改善"]
    assert str(document.imprint.date) == "2015-03-01"


def test_traditional_script_with_half_width_punctuation() -> None:
    document = read_source(FIXTURES / "traditional-2016.txt")
    assert document.traditional
    assert assignments(document) == [
        (1, ["市科技局"], ["市甲局", "乙局"]),
        (2, ["市乙局", "市丙局"], []),
    ]
    assert document.tasks[0].text == "完善測試平台。"
    assert document.themes[0].label == "重點任務"


@pytest.mark.parametrize(
    ("name", "form"),
    [("inline-2012.html", "inline"), ("list-2020.txt", "list"), ("table-2015.html", "table")],
)
def test_each_form_is_recognized(name: str, form: str) -> None:
    assert recognize(read_source_text(FIXTURES / name)).name == form


def test_a_forced_layout_reads_the_file_in_that_form(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no table header"):
        read_source(FIXTURES / "inline-2012.html", layout="table")


def test_a_file_in_no_known_form_says_what_was_looked_for(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("示例市关于测试的通知\n\n各单位：请做好测试工作。\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no layout recognized") as caught:
        read_source(path)
    for form in ("themed-table", "table", "list", "inline"):
        assert form in str(caught.value)


def test_an_annotation_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(
        "示例意见\n一、任务\n1.甲。（牵头单位：市甲局）\n2.乙。（牵头单位：，配合单位：）\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="cannot read the assignment") as caught:
        read_source(path)
    assert caught.value.line == 4
    assert "牵头单位：，配合单位：" in str(caught.value)
