"""The government a document speaks for: its catalogue entry, the issuer its title, lines or
imprint name, the organ code of its document number; nothing where nothing says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.paths import DIVISIONS, PREFIXES
from kg.places.divisions import load_divisions
from kg.places.jurisdiction import (
    Clues,
    Finder,
    addressed,
    issues_to,
    load_prefixes,
    organ_of,
    salutation_of,
)

DAY = dt.date(2021, 9, 10)


@pytest.fixture(scope="module")
def finder() -> Finder:
    divisions = load_divisions(DIVISIONS)
    return Finder(divisions, load_prefixes(PREFIXES, divisions))


def found(finder: Finder, **clues: object) -> tuple[str, ...]:
    return tuple(place.code for place in finder.find(Clues(day=DAY, **clues)).places)  # type: ignore[arg-type]


def test_the_title_issuer(finder: Finder) -> None:
    assert found(finder, title="东莞市人民政府关于贯彻落实《广东省……》的实施意见") == ("441900",)
    assert found(finder, title="潍坊市2017年政务公开工作要点实施方案") == ("370700",)
    assert found(finder, title="（湖北省）武汉市2023年《政府工作报告》目标任务") == ("420100",)
    assert found(finder, title="中共广州市委 广州市人民政府关于推进人才集聚工程的实施意见") == (
        "440100",
    )
    assert found(finder, title="廣東省人民政府辦公廳關於印發……的通知") == ("440000",)  # traditional


def test_a_place_named_in_passing_is_no_issuer(finder: Finder) -> None:
    assert found(finder, title="广东省进一步稳定和扩大就业若干政策措施") == ()
    assert found(finder, title="区人民政府办公室关于印发2023年区《政府工作报告》……") == ()
    assert found(finder, title="中山大学关于……") == ()


def test_an_ambiguous_place_alone_says_nothing(finder: Finder) -> None:
    assert found(finder, title="朝阳区人民政府关于……") == ()  # Beijing's or Changchun's
    assert found(finder, title="北京市朝阳区人民政府关于……") == ("110105",)


def test_a_signature_line_above_the_tasks(finder: Finder) -> None:
    lines = ("各街道办事处，区政府各部门：", "济南市钢城区人民政府办公室", "2021年4月10日")
    assert found(finder, front=lines) == ("370117",)


def test_the_organ_code_of_the_document_number(finder: Finder) -> None:
    assert organ_of("东府〔2021〕54号") == "东府"
    assert organ_of("鄂政发〔2020〕3号") == "鄂政发"
    assert found(finder, identifier="鄂政发〔2020〕3号") == ("420000",)
    assert found(finder, identifier="东府〔2021〕54号") == ()  # no source gives 东府's city
    learned = Finder(finder.divisions, finder.prefixes.learned([("东府〔2020〕1号", ("441900",))]))
    assert [p.code for p in learned.find(Clues(identifier="东府〔2021〕54号")).places] == ["441900"]


def test_the_catalogue_comes_first_and_the_user_last(finder: Finder) -> None:
    assert found(finder, catalogue=("440100",), title="东莞市人民政府关于……") == ("440100",)
    assert found(finder, given="441900") == ("441900",)
    assert found(finder, title="东莞市人民政府关于……", given="440100") == ("441900",)
    assert not finder.find(Clues())


def test_a_prefix_without_a_source_is_refused(tmp_path: Path) -> None:
    divisions = load_divisions(DIVISIONS)
    bad = tmp_path / "prefixes.csv"
    bad.write_text("prefix,division,example,source\n粤府,440000,粤府〔2013〕79号,\n")
    with pytest.raises(SourceError, match=r"prefixes\.csv:2"):
        load_prefixes(bad, divisions)


def test_a_heading_that_opens_with_a_place_is_that_place_document(finder: Finder) -> None:
    heading = "廣東省推進粵港澳大灣區建設三年行動計劃"
    assert found(finder, heading=heading) == ("440000",)
    assert found(finder, title=heading) == ()  # a title may be one the heading cites
    both = {"heading": "东莞市人民政府关于贯彻落实《广东省……政策措施》的实施意见"}
    assert found(finder, title="广东省进一步稳定和扩大就业若干政策措施", **both) == ("441900",)
    assert found(finder, heading="国务院关于促进外资增长若干措施的通知") == ("CN",)


def test_an_organ_must_be_one_and_say_what_it_issues(finder: Finder) -> None:
    assert found(finder, title="海南大学关于印发科研管理办法的通知") == ()
    assert found(finder, title="中山大学附属第一医院关于印发……办法") == ()
    assert found(finder, title="东莞市人民政府办公室关于印发……的通知") == ("441900",)
    assert found(finder, title="国务院办公厅关于印发……的通知") == ("CN",)
    assert found(finder, front=("国务院各部委、各直属机构：",)) == ()  # a salutation


def test_a_street_or_town_is_no_issuer(finder: Finder) -> None:
    assert found(finder, heading="西区街道2021年工作要点") == ()


def test_a_prefix_two_governments_write_says_nothing(finder: Finder) -> None:
    assert found(finder, identifier="青政发〔2020〕1号") == ()  # 青海 and 青岛 both


def test_the_imprint_printer_is_its_document_issuer(finder: Finder) -> None:
    assert found(finder, printer="广州市人民政府办公厅秘书处") == ("440100",)


def test_the_salutation_tells_apart_two_governments_of_one_prefix(finder: Finder) -> None:
    qinghai = ("各市、自治州人民政府，省政府各委、办、厅、局：",)
    qingdao = ("各区、市人民政府，市政府各部门，市直各单位：",)
    assert found(finder, identifier="青政发〔2020〕1号", front=qinghai) == ("630000",)
    assert found(finder, identifier="青政发〔2020〕1号", front=qingdao) == ("370200",)
    towns = (
        "各镇人民政府（街道办事处），市府直属各单位：",
    )  # a city without districts, or a county
    assert found(finder, identifier="青政发〔2020〕1号", front=towns) == ("370200",)
    body = ("为贯彻落实各区、市人民政府的部署：",)  # not a salutation: it does not open with 各
    assert found(finder, identifier="青政发〔2020〕1号", front=body) == ()
    assert found(finder, front=qingdao) == ()  # a salutation alone names no place


def test_a_municipality_addresses_its_districts_as_a_city_does() -> None:
    divisions = load_divisions(DIVISIONS)
    beijing, guangdong = divisions.get("110000"), divisions.get("440000")
    assert addressed("各区人民政府，市政府各委、办、局：") == "city"
    assert issues_to(beijing, "city") and not issues_to(guangdong, "city")
    assert addressed("各地级以上市人民政府，省政府各部门：") == "province"
    assert issues_to(guangdong, "province") and not issues_to(beijing, "province")
    assert addressed("各有关单位：") is None


@pytest.mark.parametrize(
    ("lines", "level"),
    [
        (("各省辖市人民政府，省人民政府各部门：",), "province"),
        (("各市、县（区）人民政府，省政府各部门：",), "province"),
        (("各市（州）人民政府：",), "province"),
        (("各盟市行政公署：",), "province"),
        (("各市人民政府，省政府各部门、各直属机构：",), "province"),
        (("各区、县级市人民政府，市政府各部门：",), "city"),
        (("各县（市、区）人民政府，市直各单位：",), "city"),
        (("各市（县）、区人民政府，市各委办局：",), "city"),  # its county-level cities
        (("各区县（自治县）人民政府，市政府各部门：",), "city"),
        (("各县市区人民政府：",), "city"),
        (("各乡镇人民政府，县直各单位：",), "county"),
        (("各街道办事处，区政府各部门：",), "county"),
        (("各市、县人民政府，省政府各部门、", "各直属机构："), "province"),  # wrapped by a PDF
        (("各市、县要抓好以下工作：",), None),  # the text's own words, not a salutation
        (("各县（市、区）要按照以下要求：",), None),
    ],
)
def test_salutations_as_governments_write_them(lines: tuple[str, ...], level: str | None) -> None:
    found = salutation_of(lines)
    assert (addressed(found) if found else None) == level
