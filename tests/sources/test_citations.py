"""Citations: a title in 《》 is cited when its clause says how (根据: based on; 贯彻落实, 落实,
推进: implements; or 《...》的贯彻落实 after it), never when the text only names it or itself."""

from __future__ import annotations

import pytest

from kg.sources.citations import citations
from kg.sources.spans import SpannedText


def cited(text: str) -> list[tuple[str, str]]:
    return [(c.title, c.relation) for c in citations(SpannedText.at(text, 1))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("根据《政府投资条例》，政府资金主要投向公益服务。", [("政府投资条例", "based_on")]),
        ("为深入贯彻落实《若干意见》，进一步利用外资", [("若干意见", "implements")]),
        ("深入落实全国人大三次会议通过的《政府工作报告》部署，", [("政府工作报告", "implements")]),
        ("为切实抓好2016年《政府工作报告》的贯彻落实，", [("政府工作报告", "implements")]),
        ("深入推进《规划纲要》和《关于贯彻落实〈规划纲要〉的实施意见》贯彻实施，",
         [("规划纲要", "implements"), ("关于贯彻落实〈规划纲要〉的实施意见", "implements")]),
    ],
)  # fmt: skip
def test_a_title_with_a_verb_is_cited(text: str, expected: list[tuple[str, str]]) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推动对外开放。修订《外商投资产业指导目录》及相关政策法规，",  # named, not cited
        "根据市政府常务会议决定，现将《2006年重点工作事项》印发给你们，",  # the text itself
        "广东省人民政府关于印发2021年省《政府工作报告》重点任务分工方案的通知",  # its own title
        "《2021年重点任务分工方案》已经省政府全体会议审议通过，",
    ],
)
def test_a_title_without_one_is_not(text: str) -> None:
    assert cited(text) == []


def test_a_citation_keeps_its_printed_form_and_lines() -> None:
    text = SpannedText.at("根据", 4) + SpannedText.at("《政府投資條例》", 5, "《政府投資條例》")
    [citation] = citations(text)
    assert citation.printed == "政府投資條例" and (citation.span.first, citation.span.last) == (
        5,
        5,
    )
