"""Counterparts across levels: each link is checked (kinds, lifetimes, basis, source) and named by
line and column when wrong; the real registry covers every municipal and provincial body."""

from __future__ import annotations

from pathlib import Path

import pytest
from registry_files import write_registry

from kg.errors import SourceError
from kg.paths import COUNTERPARTS, REGISTRY
from kg.registry.counterparts import COLUMNS, load_counterparts
from kg.registry.organizations import load_registry

BODIES = (
    "city-bureau,municipal-department,示例市工业局,,,,,,,,2019-01-01,,",
    "old-city-bureau,municipal-department,示例市经贸委,,,,,,,,,2009-01-01,",
    "province-department,provincial-department,示例省工业厅,,,,,,,,2018-10-01,,",
    "ministry,national-agency,示例部,,,,,,,,,,",
)
PAGE = "https://example.org/page"


def links(tmp_path: Path, *rows: str):
    registry = load_registry(write_registry(tmp_path, *BODIES))
    path = tmp_path / "counterparts.csv"
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    return load_counterparts(path, registry)


def test_a_good_link_is_read(tmp_path: Path) -> None:
    [link] = links(
        tmp_path, f"city-bureau,provincial,province-department,stated,{PAGE},由省工业厅指导,"
    )
    assert (link.body, link.property, link.counterpart) == (
        "city-bureau", "provincialCounterpart", "province-department"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (f"city-bureau,provincial,nobody,same-area,{PAGE},,", "counterpart", "no organization"),
        (f"city-bureau,provincial,ministry,same-area,{PAGE},,", "counterpart", "must be"),
        (f"ministry,national,city-bureau,same-area,{PAGE},,", "body", "must be"),
        (f"old-city-bureau,provincial,province-department,same-area,{PAGE},,", "counterpart",
         "never bore their names at the same time"),
        (f"city-bureau,provincial,province-department,stated,{PAGE},,", "quote", "quotes"),
        (f"city-bureau,provincial,province-department,guessed,{PAGE},,", "basis", "basis"),
        ("city-bureau,provincial,province-department,same-area,not a page,,", "source", "address"),
        (f"city-bureau,regional,province-department,same-area,{PAGE},,", "level", "level"),
    ],
)  # fmt: skip
def test_a_bad_link_names_its_line_and_column(
    tmp_path: Path, row: str, column: str, words: str
) -> None:
    with pytest.raises(SourceError) as caught:
        links(tmp_path, row)
    assert caught.value.line == 2 and caught.value.cell == column
    assert words in caught.value.problem


def test_the_same_link_twice_is_refused(tmp_path: Path) -> None:
    row = f"city-bureau,national,ministry,same-area,{PAGE},,"
    with pytest.raises(SourceError, match="the same link is on line 2"):
        links(tmp_path, row, row)


def test_every_body_has_its_counterparts_but_the_known_gaps() -> None:
    registry = load_registry(REGISTRY)
    found = load_counterparts(COUNTERPARTS, registry)
    has = {(link.body, link.property) for link in found}
    municipal = {"MunicipalDepartment", "MunicipalGovernment", "VerticallyManagedBureau"}
    provincial = {"ProvincialDepartment", "ProvincialGovernment"}
    without_provincial = {
        org.id
        for org in registry.organizations
        if org.kind in municipal and (org.id, "provincialCounterpart") not in has
    }
    without_national = {
        org.id
        for org in registry.organizations
        if org.kind in municipal | provincial and (org.id, "nationalCounterpart") not in has
    }
    # No source names the provincial planning commission of before 2004; the Guangdong tax
    # bureau is itself provincial; no national body supervises local finance; a leading group
    # has no ministry of its own. The README's counterparts section says the same.
    assert without_provincial == {"guangzhou-development-planning-commission", "guangdong-tax"}
    assert without_national == {
        "guangzhou-local-finance", "guangdong-local-finance", "guangdong-gba-leading-group"
    }  # fmt: skip


def test_the_governments_stand_in_one_chain_and_each_body_keeps_its_own() -> None:
    registry = load_registry(REGISTRY)
    assert registry.get("guangzhou-government").parent == "guangdong-government"
    assert registry.get("guangdong-government").parent == "state-council"
    assert registry.root("guangzhou-finance") == "guangzhou-government"  # not the State Council
    assert registry.root("guangdong-finance") == "guangdong-government"
    assert registry.apart(registry.get("guangzhou-finance"), registry.get("guangdong-finance"))
