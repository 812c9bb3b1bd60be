"""A development zone's committee is found from how documents write the zone: whole, without its
city's name in a document of its province, as 市高新区 in its own city's document; never a zone of
another province for a name that does not carry its city."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.paths import DIVISIONS
from kg.places.divisions import Divisions, load_divisions
from kg.places.zones import COLUMNS, Zones, load_zones
from kg.resolution.names import relative_place

SOURCE = "https://example.org/zones"
ROWS = [
    ("武汉东湖新技术开发区", "high-tech", "湖北省"),
    ("江门高新技术产业开发区", "high-tech", "广东省"),
    ("广州经济技术开发区", "economic-technological", "广东省"),
    ("昆山经济技术开发区", "economic-technological", "江苏省"),
    ("北京经济技术开发区", "economic-technological", "北京市"),
    ("昆山高新技术产业开发区", "high-tech", "江苏省"),
    ("苏州工业园区", "economic-technological", "江苏省"),
    ("吉林高新技术产业开发区", "high-tech", "吉林省"),
    ("陕西航空经济技术开发区", "economic-technological", "陕西省"),
    ("杭州湾上虞经济技术开发区", "economic-technological", "浙江省"),
]


@pytest.fixture(scope="module")
def divisions() -> Divisions:
    return load_divisions(DIVISIONS)


def write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows([*row, "", SOURCE, ""] for row in rows)
    return path


@pytest.fixture(scope="module")
def zones(divisions: Divisions, tmp_path_factory: pytest.TempPathFactory) -> Zones:
    return load_zones(write(tmp_path_factory.mktemp("zones") / "zones.csv", ROWS), divisions)


def named(zones: Zones, divisions: Divisions, written: str, *codes: str) -> str | None:
    chain = tuple(dict.fromkeys(d for c in codes for d in divisions.ancestors(divisions.get(c))))
    zone = zones.named(written, chain, lambda letter: relative_place(letter, chain))
    return zone.name if zone else None


def test_each_zone_is_seated_in_the_place_it_is_named_after(zones: Zones) -> None:
    seats = {zone.name: zone.seat.name if zone.seat else None for zone in zones.zones}
    assert seats == {
        "武汉东湖新技术开发区": "武汉市",
        "江门高新技术产业开发区": "江门市",
        "广州经济技术开发区": "广州市",
        "昆山经济技术开发区": "昆山市",  # a county-level city, written without its 市
        "北京经济技术开发区": "北京市",
        "昆山高新技术产业开发区": "昆山市",
        "苏州工业园区": "苏州市",
        "吉林高新技术产业开发区": "吉林市",  # the city, not the province of the same name
        "陕西航空经济技术开发区": None,  # a province's name alone: whose body, it does not say
        "杭州湾上虞经济技术开发区": None,  # 上虞区 is 绍兴市's, not 杭州市's
    }


def test_a_zone_written_with_its_city_is_that_zone_anywhere(
    zones: Zones, divisions: Divisions
) -> None:
    assert (
        named(zones, divisions, "武汉东湖新技术开发区管理委员会", "440100")
        == "武汉东湖新技术开发区"
    )
    assert named(zones, divisions, "武汉东湖高新区管委会", "440100") == "武汉东湖新技术开发区"
    assert named(zones, divisions, "广州经开区", "420100") == "广州经济技术开发区"


def test_without_its_city_only_a_zone_of_the_document_province(
    zones: Zones, divisions: Divisions
) -> None:
    assert named(zones, divisions, "东湖高新区管委会", "420100") == "武汉东湖新技术开发区"
    assert named(zones, divisions, "东湖高新区管委会", "420000") == "武汉东湖新技术开发区"
    assert named(zones, divisions, "东湖高新区管委会", "440100") is None  # not Guangdong's


def test_the_city_zone_is_the_one_named_after_the_document_city(
    zones: Zones, divisions: Divisions
) -> None:
    assert named(zones, divisions, "市高新区管委会", "440700") == "江门高新技术产业开发区"
    assert named(zones, divisions, "市经开区管委会", "440100") == "广州经济技术开发区"
    assert named(zones, divisions, "市高新区管委会", "440100") is None  # none listed for it
    assert named(zones, divisions, "市高新区管委会", "440000") is None  # a province has no 市


def test_a_name_without_its_kind_ending_is_written_whole_only(
    zones: Zones, divisions: Divisions
) -> None:
    assert named(zones, divisions, "苏州工业园区管委会", "320500") == "苏州工业园区"
    assert named(zones, divisions, "工业园区管委会", "320100") is None  # any 工业园区
    assert named(zones, divisions, "工业园区经开区", "320500") is None


def test_a_county_level_city_zone_is_its_own(zones: Zones, divisions: Divisions) -> None:
    assert named(zones, divisions, "市高新区管委会", "320583") == "昆山高新技术产业开发区"
    assert named(zones, divisions, "市高新区管委会", "220200") == "吉林高新技术产业开发区"


def test_a_zone_not_listed_is_none(zones: Zones, divisions: Divisions) -> None:
    assert named(zones, divisions, "立山经济开发区", "210302") is None
    assert named(zones, divisions, "高新区管委会", "440700") is None


def test_a_bad_row_names_its_line_and_cell(divisions: Divisions, tmp_path: Path) -> None:
    path = write(tmp_path / "zones.csv", [("某开发区", "special", "广东省")])
    with pytest.raises(SourceError, match=r"zones.csv:2 \[cell type\]"):
        load_zones(path, divisions)
    path = write(tmp_path / "zones.csv", [("某开发区", "high-tech", "广州市")])
    with pytest.raises(SourceError, match=r"zones.csv:2 \[cell province\]"):
        load_zones(path, divisions)
