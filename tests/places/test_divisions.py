"""China's administrative divisions through time (data/divisions/, the MCA code lists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.paths import DIVISIONS
from kg.places.divisions import Divisions, load_divisions


@pytest.fixture(scope="module")
def divisions() -> Divisions:
    return load_divisions(DIVISIONS)


def test_each_level_sits_under_the_one_above(divisions: Divisions) -> None:
    chain = [d.name for d in divisions.ancestors(divisions.get("420114"))]
    assert chain == ["蔡甸区", "武汉市", "湖北省", "中华人民共和国"]
    assert (
        divisions.parent_of(divisions.get("110105")).name == "北京市"
    )  # a municipality's district
    assert (
        divisions.parent_of(divisions.get("429004")).name == "湖北省"
    )  # 仙桃市, under the province
    assert divisions.get("441900").level == "prefecture"  # 东莞市, a city without counties
    fancheng = divisions.get("420606")  # under a city renamed in 2010
    assert divisions.parent_of(fancheng).name == "襄阳市"
    assert divisions.parent_of(fancheng, 2005).name == "襄樊市"


def test_names_through_time(divisions: Divisions) -> None:
    assert [d.code for d in divisions.named("番禺市", 1995)] == ["440181"]
    assert divisions.named("番禺市", 2005) == ()
    assert [d.code for d in divisions.named("番禺区", 2005)] == ["440113"]
    assert divisions.get("440111", 1985).name == "郊区"
    assert divisions.get("440111", 2020).name == "白云区"
    assert divisions.get("440111", 2020).key == "440111-1987"  # the code stood for two names
    assert divisions.get("440100").key == "440100"
    assert divisions.get("440111").name == "白云区"  # with no year, the name in use


def test_a_city_is_also_written_without_its_ending(divisions: Divisions) -> None:
    assert divisions.starting("广州供电局", 2020)[0] == "广州"
    assert divisions.starting("广东省财政厅", 2020)[0] == "广东省"
    assert divisions.starting("蔡甸财政局", 2020) == ("", ())  # a district keeps its 区


def test_a_name_two_divisions_bear_is_both(divisions: Divisions) -> None:
    assert {d.code for d in divisions.named("朝阳区", 2020)} == {"110105", "220104"}


def test_with_no_year_the_division_in_use_is_meant(divisions: Divisions) -> None:
    assert [d.code for d in divisions.named("东莞市")] == ["441900"]  # not the county before 1988


def test_a_bad_file_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "result.csv"
    header = DIVISIONS.read_text(encoding="utf-8-sig").splitlines()[0]
    bad.write_text(
        f"{header}\n110000,北京市,,北京市,省级,在用,1981,,\n120000,天津市,,天津市,市级,在用,x,,\n"
    )
    with pytest.raises(SourceError, match=r"result\.csv:3"):
        load_divisions(bad)


def test_an_unknown_code_names_where_it_was_given(divisions: Divisions, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"places\.csv:4 \[cell division\].*'999999'"):
        divisions.checked("999999", tmp_path / "places.csv", 4, "division")
