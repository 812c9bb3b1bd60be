"""How numbered items nest and where they start, and which 《》 title is the document's own."""

from __future__ import annotations

from pathlib import Path

from kg.sources.read import read_source


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "items.txt"
    path.write_text(text, encoding="utf-8")
    return path


# 一、 opens with a 1. item before its first （一）: the （一） headings still nest under 一、.
CUSTOMARY_ORDER = """示例市关于推进示例工程的实施意见
一、总体目标
1.目标。五年内建成示例体系。
二、实施行动计划
（一）产业行动计划。围绕产业发展，实施如下项目：
2.企业家项目。培养企业家。（牵头单位：市委组织部，配合单位：市国资委）
3.技能项目。培养技能人才。（牵头单位：市人力资源和社会保障局）
（二）科技行动计划。实施如下项目：
4.新星项目。资助青年科技人员。（牵头单位：市科技局，配合单位：各区、县级市）
"""


def test_headings_nest_in_the_customary_order_whichever_comes_first(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, CUSTOMARY_ORDER))
    themes = {theme.number: (theme.label, theme.parent) for theme in document.themes}
    assert themes == {
        1: ("总体目标", None),
        2: ("实施行动计划", None),
        3: ("产业行动计划", 2),
        4: ("科技行动计划", 2),
    }
    assert [(task.label, task.theme) for task in document.tasks] == [
        ("1.", 1),
        ("2.", 3),
        ("3.", 3),
        ("4.", 4),
    ]


# 11.121人才梯队项目: digits after the point, but 11 is the item after 10.
NEXT_ITEM_BEFORE_DIGITS = """示例市关于推进示例工程的实施意见
一、重点项目
10.学者项目。设立特聘岗位。（牵头单位：市委组织部）
11.121人才梯队项目。培养后备人才。（牵头单位：市人力资源和社会保障局）
12.资金项目。每年安排1.5亿元。（牵头单位：市财政局）
"""


def test_the_next_item_number_counts_even_when_digits_follow_its_point(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, NEXT_ITEM_BEFORE_DIGITS))
    assert [task.label for task in document.tasks] == ["10.", "11.", "12."]
    assert document.tasks[1].text == "121人才梯队项目。培养后备人才。"


# A decimal that is not the next number stays part of its line.
DECIMAL_LINE = """示例市关于推进示例工程的实施意见
一、重点项目
1.资金项目。每年安排资金
3.5亿元用于示例工程。（牵头单位：市财政局）
"""


def test_a_number_with_digits_after_its_point_that_is_not_next_is_a_decimal(
    tmp_path: Path,
) -> None:
    document = read_source(written(tmp_path, DECIMAL_LINE))
    assert [task.label for task in document.tasks] == ["1."]
    assert document.tasks[0].text is not None and "3.5亿元" in document.tasks[0].text


NOTICE = """示例市人民政府关于印发2021年示例《政府工作报告》重点任务分工方案的通知
《2021年示例重点任务分工方案》已经市政府常务会议审议通过，现印发给你们。
一、重点任务
1.加快建设示例平台。（牵头单位：市发展改革委）
"""

CITING = """为深入贯彻科学发展观，根据《示例市关于全面推进示例发展的决定》，提出以下意见。
一、重点任务
1.加快建设示例平台。（牵头单位：市发展改革委）
"""


def test_the_title_a_notice_transmits_is_the_documents_own(tmp_path: Path) -> None:
    assert read_source(written(tmp_path, NOTICE)).document_title == "2021年示例重点任务分工方案"


def test_a_title_the_preamble_cites_is_not_the_documents_own(tmp_path: Path) -> None:
    assert read_source(written(tmp_path, CITING)).document_title is None
