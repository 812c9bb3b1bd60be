"""Forms of State Council documents as a crawled portal holds them: the first-listed rule in any
wording (and stated inside the first annotation), a list closed by 等 and joined by 和 to another
body, and keys of no role (适用范围：) beside the body responsible. Each test is synthetic."""

from __future__ import annotations

import pytest

from kg.sources.annotations import looks_assigning, parse_annotation, states_first_leads
from kg.sources.assignees import parse_assignees
from kg.sources.spans import SpannedText


def roles(text: str, first_leads: bool = False) -> tuple[list[str], list[str]]:
    parsed = parse_annotation(SpannedText.at(text, 3), "f.txt", first_leads)
    return [m.written for m in parsed.leads], [m.written for m in parsed.cooperators]


@pytest.mark.parametrize(
    "statement",
    [
        "排在第一位的为牵头单位",
        "列第一位的为牵头单位",
        "列第一位者为牵头单位，下同",
        "排名第1为牵头单位",
        "排在第一位的部门为牵头部门",
        "列在首位的为牵头单位",
        "排名第一的单位为牵头单位",
        "列在任务分工首位的为牵头单位",
    ],
)
def test_the_first_listed_rule_in_any_wording(statement: str) -> None:
    assert states_first_leads(f"（A部、B部负责。{statement}）")


def test_a_rule_stated_inside_the_first_annotation_is_no_name() -> None:
    annotation = "人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同"
    assert looks_assigning(annotation)
    assert roles(annotation, first_leads=True) == (["人力资源社会保障部"], ["财政部"])


def test_a_list_closed_by_and_others_then_joined_to_another_body() -> None:
    listed = parse_assignees(SpannedText.at("全国妇联等和各省级人民政府", 3), "f.txt", "负责")
    assert [m.written for m in listed] == ["全国妇联", "各省级人民政府"]
    assert roles("供销合作总社、商务部等和各有关省级人民政府负责") == (
        ["供销合作总社", "商务部", "各有关省级人民政府"],
        [],
    )


def test_a_key_of_no_role_closes_the_value_before_it() -> None:
    annotation = "负责部门：人民银行、外汇局，适用范围：福建自贸试验区，以下除标注外均同"
    assert roles(annotation) == (["人民银行", "外汇局"], [])


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("有关部门和团省委", ["有关部门", "团省委"]),
        ("省教育厅及省科技厅", ["省教育厅", "省科技厅"]),
        ("住房城乡建设部等国务院相关部门及各地区", ["住房城乡建设部", "国务院相关部门", "各地区"]),
        ("有关部门和单位", ["有关部门和单位"]),
        ("人力资源和社会保障局", ["人力资源和社会保障局"]),
        ("各级党委和政府", ["各级党委和政府"]),
    ],
)
def test_two_bodies_joined_by_and_are_two_assignees(written: str, names: list[str]) -> None:
    listed = parse_assignees(SpannedText.at(written, 3), "f.txt", "负责")
    assert [m.written for m in listed] == names
