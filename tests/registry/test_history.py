"""Organizations through time: a name resolves to the body that bore it on the document's day
(here with a registry that places no body, as a user's own may: found by name alone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from registry_files import write_registry

from kg.errors import SourceError
from kg.paths import DIVISIONS
from kg.places.divisions import load_divisions
from kg.places.jurisdiction import Jurisdiction
from kg.registry.changes import load_changes
from kg.registry.organizations import Organization, Registry, Unresolved, load_registry
from kg.registry.places import Placed
from kg.resolution.lexicon import Lexicon
from kg.resolution.resolver import Resolver
from kg.sources.records import Mention
from kg.sources.spans import Span

FIXTURES = Path(__file__).parent.parent / "fixtures"
DIVISIONS_ = load_divisions(DIVISIONS)


def mention(name: str) -> Mention:
    return Mention(name, name, "牵头单位", Span(1, 1))


def resolved(registry: Registry, written: Mention, day: dt.date | None = None) -> Organization:
    """The curated body a mention names on a day, in a document of no known jurisdiction."""
    resolver = Resolver(registry, Placed({}, {}), DIVISIONS_, Lexicon((), ()))
    body = resolver.resolve(written, day, Jurisdiction(), by_rule=False)
    assert isinstance(body, Organization)
    return body


def test_a_name_resolves_to_the_body_that_bore_it_that_day() -> None:
    registry = load_registry(FIXTURES / "registry.csv")
    assert resolved(registry, mention("市科技局"), dt.date(2012, 3, 5)).id == "sci-info-bureau"
    assert resolved(registry, mention("市科技局"), dt.date(2015, 1, 1)).id == "sci-bureau"
    with pytest.raises(Unresolved, match="ambiguous"):
        resolved(registry, mention("市科技局"))


def test_a_name_no_body_bore_that_day_says_who_bore_it_when() -> None:
    registry = load_registry(FIXTURES / "registry.csv")
    older = mention("示例市科学技术局")
    with pytest.raises(
        Unresolved, match=r"no body bore this name on 2010-01-01: 示例市科学技术局 \(2015-01-01"
    ):
        resolved(registry, older, dt.date(2010, 1, 1))


def test_a_distributed_prefix_yields_to_the_name_as_written_where_only_that_fits_the_day(
    tmp_path: Path,
) -> None:
    path = write_registry(
        tmp_path,
        "old,municipal-department,示例市城市管理综合执法局,市城市管理综合执法局,,,,,,,,2015,",
        "new,municipal-department,示例市城市管理和综合执法局,城市管理综合执法局,,,,,,,2019,,",
    )
    registry = load_registry(path)
    # 市发展改革委、城市管理综合执法局: the list's 市 makes 市城市管理综合执法局, a name of 2010
    written = Mention("城市管理综合执法局", "市城市管理综合执法局", "配合部门", Span(1, 1))
    assert resolved(registry, written, dt.date(2020, 9, 10)).id == "new"
    assert resolved(registry, written, dt.date(2010, 1, 1)).id == "old"


def test_an_unknown_name_comes_with_the_closest_registry_names() -> None:
    registry = load_registry(FIXTURES / "registry.csv")
    with pytest.raises(Unresolved) as caught:
        resolved(registry, mention("市乙局局"))
    assert "市乙局" in caught.value.closest


def test_two_bodies_may_share_a_name_at_different_times_only(tmp_path: Path) -> None:
    ok = write_registry(
        tmp_path,
        "a,municipal-department,甲委,市甲局,,,,,,,,2019-01-15,",
        "b,municipal-department,甲局,市甲局,,,,,,,2019-01-15,,",
    )
    assert len(load_registry(ok).by_name["市甲局"]) == 2
    clash = write_registry(
        tmp_path,
        "a,municipal-department,甲委,市甲局,,,,,,,,2019-02,",
        "b,municipal-department,甲局,市甲局,,,,,,,2019-01,,",
    )
    with pytest.raises(SourceError, match="at the same time") as caught:
        load_registry(clash)
    assert caught.value.line == 3


def test_a_date_is_checked_where_it_stands(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="YYYY") as caught:
        load_registry(write_registry(tmp_path, "a,municipal-department,甲局,,,,,,,,2019/01/15,,"))
    assert (caught.value.line, caught.value.cell) == (2, "valid_from")


def test_change_events_name_registered_bodies_and_cite_a_page(tmp_path: Path) -> None:
    registry = load_registry(FIXTURES / "registry.csv")
    (change,) = load_changes(FIXTURES / "changes.csv", registry)
    assert (change.kind, change.original, change.resulting) == (
        "Renaming",
        ("sci-info-bureau",),
        ("sci-bureau",),
    )
    bad = tmp_path / "changes.csv"
    bad.write_text(
        "id,date,kind,original,resulting,source,note\n"
        "x,2015-01-01,rename,sci-info-bureau,nobody,https://example.org/a,\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="no organization with id 'nobody'") as caught:
        load_changes(bad, registry)
    assert (caught.value.line, caught.value.cell) == (2, "resulting")
