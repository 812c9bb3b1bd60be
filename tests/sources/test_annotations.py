"""Assignment grammars: keyed (牵头单位：A), verbal (A牵头，B配合), the first-leads rule."""

from __future__ import annotations

import pytest

from kg.errors import SourceError
from kg.sources.annotations import looks_assigning, parse_annotation, states_first_leads
from kg.sources.spans import SpannedText


def read(text: str, first_leads: bool = False) -> tuple[list[str], list[str], str | None]:
    parsed = parse_annotation(SpannedText.at(text, 7), "f.txt", first_leads)
    return [m.written for m in parsed.leads], [m.written for m in parsed.cooperators], parsed.rest


def test_keyed_lead_and_cooperating_with_a_collective_of_divisions() -> None:
    leads, cooperators, _ = read(
        "牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市"
    )
    assert leads == ["市发展改革委"]
    assert cooperators == ["市委组织部", "市人力资源和社会保障局", "各区、县级市"]


def test_keyed_lead_then_responsible_bodies_cooperate() -> None:
    assert read("牵头单位：省发展改革委；责任单位：省财政厅、省商务厅")[:2] == (
        ["省发展改革委"],
        ["省财政厅", "省商务厅"],
    )


def test_responsible_bodies_with_no_lead_all_lead_unless_the_first_listed_leads() -> None:
    assert read("责任单位：市科技局、市财政局")[:2] == (["市科技局", "市财政局"], [])
    assert read("责任单位：市科技局、市财政局", first_leads=True)[:2] == (
        ["市科技局"],
        ["市财政局"],
    )


def test_verbal_lead_cooperate_and_duties_by_division_of_labour() -> None:
    assert read("发展改革委牵头，财政部、商务部配合")[:2] == (["发展改革委"], ["财政部", "商务部"])
    leads, cooperators, rest = read(
        "发展改革委牵头，财政部、人民银行等按职责分工负责，年内持续推进"
    )
    assert (leads, cooperators, rest) == (["发展改革委"], ["财政部", "人民银行"], "年内持续推进")


def test_verbal_responsible_bodies_lead_and_a_collective_stays_whole() -> None:
    assert read("国务院各部门分别负责，年内持续推进") == (["国务院各部门"], [], "年内持续推进")
    assert read("市交通运输局、市公安局负责")[:2] == (["市交通运输局", "市公安局"], [])


def test_a_leading_city_prefix_distributes_within_an_annotation() -> None:
    parsed = parse_annotation(SpannedText.at("市财政局、商务局牵头", 1), "f.txt", False)
    assert [(m.written, m.meant) for m in parsed.leads] == [
        ("市财政局", "市财政局"),
        ("商务局", "市商务局"),
    ]


def test_province_prefix_distributes_too() -> None:
    parsed = parse_annotation(SpannedText.at("省科技厅、财政厅负责", 1), "f.txt", False)
    assert [m.meant for m in parsed.leads] == ["省科技厅", "省财政厅"]


def test_the_first_leads_rule_is_read_from_the_text() -> None:
    assert states_first_leads("各项任务中排在第一位的为牵头单位，其他为配合单位。")
    assert states_first_leads("列在首位的部门为牵头部门")
    assert not states_first_leads("排在第一位的是经济增长")


def test_ordinary_brackets_do_not_look_like_assignments() -> None:
    assert not looks_assigning("以下简称《意见》")
    assert not looks_assigning("2020—2021年")
    assert looks_assigning("责任单位：市科技局")


def test_an_annotation_that_assigns_nothing_is_a_located_error() -> None:
    with pytest.raises(SourceError, match="cannot read the assignment") as caught:
        parse_annotation(SpannedText.at("牵头单位：", 12), "f.txt", False)
    assert caught.value.line == 12
