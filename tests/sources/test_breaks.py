"""Lines found in the content of a text that lost its line breaks (kg/sources/breaks.py): each
rule by the input that needs it."""

from __future__ import annotations

import pytest

from kg.sources.breaks import broken
from kg.sources.spans import SpannedText


def lines(text: str) -> list[str]:
    return [part.text.strip() for part in broken(SpannedText.at(text, 1))]


def test_items_break_after_a_sentence_or_an_annotation() -> None:
    text = "一、总体要求。（一）加强领导。（市发改委牵头）（二）做好；1.建立机制；2.完善制度"
    assert lines(text) == [
        "一、总体要求。",
        "（一）加强领导。（市发改委牵头）",
        "（二）做好；",
        "1.建立机制；",
        "2.完善制度",
    ]


def test_an_item_continuing_the_numbering_breaks_wherever_it_falls() -> None:
    """A heading has no full stop: the first item below it, and the next of a style, break."""
    assert lines("一、总体要求（一）加强领导（二）做好二、保障措施--落实经费") == [
        "一、总体要求",
        "（一）加强领导",
        "（二）做好",
        "二、保障措施",
        "--落实经费",
    ]
    assert lines("推进A——B，增长3、4个百分点") == ["推进A——B，增长3、4个百分点"]


def test_list_labels_break_but_not_inside_an_annotation() -> None:
    assert lines(
        "1.增长6%以上。 分管省领导：林克庆 部门分工：省发展改革委牵头。（牵头单位：A；责任单位：B）"
    ) == [
        "1.增长6%以上。",
        "分管省领导：林克庆",
        "部门分工：省发展改革委牵头。（牵头单位：A；责任单位：B）",
    ]


@pytest.mark.parametrize(
    "text", ["第一、二季度增长1.5%，按第（一）项执行", "占比2.5%。3.5亿元", "（见附件1.）"]
)
def test_numbers_inside_sentences_break_nothing(text: str) -> None:
    assert lines(text) == [text]


def test_a_paragraph_indent_breaks_and_an_open_page_mark_holds_nothing_back() -> None:
    assert lines("【字体：大　　通知如下：　　一、加强领导。（A牵头）") == [
        "【字体：大",
        "通知如下：",
        "一、加强领导。（A牵头）",
    ]


def test_characters_keep_their_source_line() -> None:
    first, second = broken(SpannedText.at("（一）甲。（二）乙。", 7))
    assert first.lines == second.lines[:1] * len(first.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("现将有关事宜通知如下一、扩大开放", ["现将有关事宜通知如下", "一、扩大开放"]),
        ("……责任分解方案一、2023年主要目标", ["……责任分解方案", "一、2023年主要目标"]),
        ("要求重点做好的工作事项（一）把握主线", ["要求重点做好的工作事项", "（一）把握主线"]),
    ],
)
def test_a_numbering_breaks_where_an_introduction_or_a_title_leads_into_it(
    text: str, expected: list[str]
) -> None:
    assert lines(text) == expected


@pytest.mark.parametrize("text", ["建立统一、开放的市场", "实施方案二、三期工程"])
def test_a_first_item_needs_its_introduction(text: str) -> None:
    assert lines(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "请抓好落实。示例区人民政府办公室2023年1月3日    2023年区重点任务分解方案",
            ["请抓好落实。", "示例区人民政府办公室2023年1月3日", "2023年区重点任务分解方案"],
        ),
        (
            "请抓好落实。广州市人民政府二○○七年四月四日2007年工作事项",
            ["请抓好落实。", "广州市人民政府二○○七年四月四日", "2007年工作事项"],
        ),
    ],
)
def test_a_signature_is_a_line_of_its_own(text: str, expected: list[str]) -> None:
    assert lines(text) == expected


@pytest.mark.parametrize(
    "text",
    ["本办法自发布之日起施行。2023年1月3日起施行。", "会议决定。2023年1月3日，区政府召开会议"],
)
def test_a_date_inside_a_sentence_is_no_signature(text: str) -> None:
    assert lines(text) == [text]


def test_a_key_opens_a_line_wherever_it_falls_and_stays_whole() -> None:
    text = "（一）增长7%以上责任单位：区发展和改革局（二）增长10%以上协同责任单位：区财政局"
    assert lines(text) == [
        "（一）增长7%以上",
        "责任单位：区发展和改革局",
        "（二）增长10%以上",
        "协同责任单位：区财政局",
    ]


def test_a_numbering_starts_again_below_each_heading() -> None:
    text = "一、甲（一）做好A。（B负责）（二）做好C。（D负责）二、乙（一）做好E。（F负责）"
    assert lines(text) == [
        "一、甲",
        "（一）做好A。（B负责）",
        "（二）做好C。（D负责）",
        "二、乙",
        "（一）做好E。（F负责）",
    ]


def test_a_first_number_below_a_deeper_item_starts_nothing() -> None:
    assert lines("（一）做好A，实行统一、规范管理。（B负责）") == [
        "（一）做好A，实行统一、规范管理。（B负责）"
    ]


def test_a_first_item_below_a_heading_breaks_where_digits_follow_its_point() -> None:
    text = "（六）精简审批。具体措施：1．2021年底前提出事项。（A牵头）2．2020年底前完成。（B牵头）"
    assert lines(text) == [
        "（六）精简审批。具体措施：",
        "1．2021年底前提出事项。（A牵头）",
        "2．2020年底前完成。（B牵头）",
    ]
