"""Forms as copied web pages print them: a table one cell per paragraph or apart by spaces, a
list whose lines say 部门分工：, brackets that only list bodies under a first-listed-leads rule."""

from __future__ import annotations

from pathlib import Path

from kg.sources.read import read_source
from kg.sources.records import SourceDocument


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assignments(document: SourceDocument) -> list[tuple[int, list[str], list[str]]]:
    return [
        (t.number, [m.written for m in t.leads], [m.written for m in t.cooperators])
        for t in document.tasks
    ]


PARAGRAPH_TABLE = """示例市人民政府关于印发示例工作责任分工的通知

示府〔2021〕3号

示例市人民政府

2021年2月23日

示例工作责任分工

序号

重点工作

市政府

分管领导

牵头单位

配合单位

备注

强化创新能力。





(一)

加强平台建设。





1

建设甲平台。

王 东

市甲局

乙区、丙区政府


2

做好乙工作。

李 四

市乙局

市甲局、丙局,丁区政府

限年内



3

推进丙工作。

张 三

市丙局

"""


def test_a_table_printed_one_cell_per_paragraph(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, "paragraphs.txt", PARAGRAPH_TABLE))
    assert document.form == "table"
    assert assignments(document) == [
        (1, ["市甲局"], ["乙区", "丙区政府"]),
        (2, ["市乙局"], ["市甲局", "丙局", "丁区政府"]),
        (3, ["市丙局"], []),
    ]
    assert [t.label for t in document.themes] == ["强化创新能力", "加强平台建设"]
    assert [(t.leader, t.remark) for t in document.tasks] == [
        ("王东", None), ("李四", "限年内"), ("张三", None),
    ]  # fmt: skip
    assert (document.identifier, str(document.imprint.date)) == ("示府〔2021〕3号", "2021-02-23")
    assert document.heading == "示例市人民政府关于印发示例工作责任分工的通知"


SPACED_TABLE = """示例量化指标任务分工

序号 工 作 任 务 牵头负责部门
1 居民消费价格涨幅3%左右 发展改革委
2 城镇新增就业 1000万人以上 人力资源社会保障部
"""


def test_a_table_whose_cells_are_apart_by_spaces(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, "spaced.txt", SPACED_TABLE))
    assert document.form == "table"
    assert assignments(document) == [(1, ["发展改革委"], []), (2, ["人力资源社会保障部"], [])]
    assert document.tasks[1].text == "城镇新增就业1000万人以上"  # stray spaces dropped


DIVISION_LIST = """示例省人民政府关于印发重点任务分工方案的通知
一、主要预期目标
1.地区生产总值增长6%以上。
分管省领导:林克庆
部门分工:省甲委牵头,各地、各部门配合。
2.进出口实现正增长。
分管省领导：张新
部门分工：省乙厅牵头，省甲委、丙局配合。
"""


def test_a_list_whose_lines_say_who_leads_and_which_leader_oversees(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, "division.txt", DIVISION_LIST))
    assert document.form == "list"
    assert assignments(document) == [
        (1, ["省甲委"], ["各地", "各部门"]),
        (2, ["省乙厅"], ["省甲委", "丙局"]),
    ]
    assert [(t.text, t.leader) for t in document.tasks] == [
        ("地区生产总值增长6%以上。", "林克庆"),
        ("进出口实现正增长。", "张新"),
    ]


BARE_BRACKETS = """示例省三年行动计划
为推进建设，制定本计划（列在任务分工首位的为牵头单位，其他为主要参加单位）。
一、优化空间格局
1.构建网络化空间格局。推进通道建设。（省甲委，省乙厅、省丙厅，大湾区内地各市）
2.建设交通网络（2018-2020年）。
"""


def test_brackets_that_only_list_bodies_where_the_first_listed_leads(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, "bare.txt", BARE_BRACKETS))
    assert document.form == "inline"
    assert assignments(document) == [
        (1, ["省甲委"], ["省乙厅", "省丙厅", "大湾区内地各市"]),
        (2, [], []),
    ]


def test_brackets_that_only_list_bodies_assign_nothing_without_the_rule(tmp_path: Path) -> None:
    text = BARE_BRACKETS.replace("（列在任务分工首位的为牵头单位，其他为主要参加单位）", "")
    text += "3.完善机制。（省甲委牵头）\n"
    document = read_source(written(tmp_path, "no-rule.txt", text))
    assert assignments(document) == [(1, [], []), (2, [], []), (3, ["省甲委"], [])]


def test_a_rule_for_the_items_that_follow_is_no_assignee(tmp_path: Path) -> None:
    text = (
        "示例方案\n一、投资\n1.明确投资范围。（省甲委牵头，各地级以上市人民政府按职责分工负责，"
        "以下各项均需各市按职责分工负责，不再列出；完成时限：2025年6月前）\n"
    )
    document = read_source(written(tmp_path, "rule.txt", text))
    assert assignments(document) == [(1, ["省甲委"], ["各地级以上市人民政府"])]
