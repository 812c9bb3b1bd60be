"""A name resolves within its document's jurisdiction: a curated body where the places the name
allows have one, else the standard body of its function there, else nothing; never a body of
another government."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from lexicon_files import BODIES, lexicon, write_lexicon

from kg.paths import DIVISIONS, LEXICON, PLACES, REGISTRY
from kg.places.divisions import load_divisions
from kg.places.jurisdiction import Jurisdiction
from kg.places.zones import COLUMNS, load_zones
from kg.registry.organizations import Organization, Unresolved, load_registry
from kg.registry.places import load_places
from kg.resolution.lexicon import load_lexicon
from kg.resolution.resolver import Resolver, RuleBody
from kg.sources.records import Mention
from kg.sources.spans import Span

DAY = dt.date(2021, 9, 10)


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    registry = load_registry(REGISTRY)
    divisions = load_divisions(DIVISIONS)
    placed = load_places(PLACES, registry, divisions)
    return Resolver(registry, placed, divisions, lexicon(tmp_path_factory.mktemp("lexicon")))


def of(resolver: Resolver, *codes: str) -> Jurisdiction:
    return Jurisdiction(tuple(resolver.divisions.get(code, DAY.year) for code in codes), "test")


def name(written: str) -> Mention:
    return Mention(written, written, "牵头单位", Span(1, 1))


def with_rows(tmp_path: Path, rows: list[tuple[str, ...]]) -> Resolver:
    """A resolver of the real registry and places with a test lexicon of these rows."""
    lexicon = load_lexicon(write_lexicon(tmp_path / "lexicon", rows))
    registry = load_registry(REGISTRY)
    divisions = load_divisions(DIVISIONS)
    return Resolver(registry, load_places(PLACES, registry, divisions), divisions, lexicon)


def resolve(resolver: Resolver, written: str, *codes: str, day: dt.date = DAY) -> str:
    """The full name of the body a name is identified as, in a jurisdiction."""
    body = resolver.resolve(name(written), day, of(resolver, *codes))
    return body.pref_zh if isinstance(body, Organization) else body.name


def test_a_city_name_in_another_city_document_is_that_city_body(resolver: Resolver) -> None:
    assert resolve(resolver, "市财政局", "440100") == "广州市财政局"  # curated
    assert resolve(resolver, "市财政局", "441900") == "东莞市财政局"  # by rule, not Guangzhou's
    assert resolve(resolver, "市人社局", "441900") == "东莞市人力资源和社会保障局"


def test_without_rules_another_government_body_is_refused_with_why(resolver: Resolver) -> None:
    with pytest.raises(Unresolved, match="belongs to another government") as failure:
        resolver.resolve(name("市财政局"), DAY, of(resolver, "441900"), by_rule=False)
    assert failure.value.closest  # still offers names, its own jurisdiction's first


def test_a_name_that_carries_its_place_is_that_place_body(resolver: Resolver) -> None:
    assert resolve(resolver, "广州市财政局", "441900") == "广州市财政局"
    assert resolve(resolver, "广东省财政厅", "110000") == "广东省财政厅"
    assert resolve(resolver, "湖北省财政厅", "441900") == "湖北省财政厅"


def test_relative_levels_are_the_document_own_places(resolver: Resolver) -> None:
    caidian = "420114"  # a district of Wuhan
    assert resolve(resolver, "区财政局", caidian) == "武汉市蔡甸区财政局"
    assert resolve(resolver, "区发改局", caidian) == "武汉市蔡甸区发展和改革局"
    assert resolve(resolver, "市财政局", caidian) == "武汉市财政局"
    assert resolve(resolver, "省财政厅", caidian) == "湖北省财政厅"
    taishan = "440781"  # a county-level city: its 市 is itself
    assert resolve(resolver, "市财政局", taishan) == "台山市财政局"


def test_a_bare_short_name_is_the_nearest_government_body(resolver: Resolver) -> None:
    assert resolve(resolver, "统计局", "441900") == "东莞市统计局"  # not 国家统计局
    assert resolve(resolver, "统计局", "CN") == "国家统计局"
    assert resolve(resolver, "财政厅", "441900") == "广东省财政厅"  # a province's name


def test_templated_and_party_names(resolver: Resolver) -> None:
    assert resolve(resolver, "市税务局", "441900") == "国家税务总局东莞市税务局"
    assert resolve(resolver, "市委宣传部", "441900") == "中共东莞市委宣传部"
    assert resolve(resolver, "市残联", "441900") == "东莞市残疾人联合会"


def test_an_old_name_after_its_reform_is_the_body_it_became(resolver: Resolver) -> None:
    assert resolve(resolver, "市环保局", "441900", day=dt.date(2015, 1, 1)) == "东莞市环境保护局"
    assert resolve(resolver, "市环保局", "441900", day=dt.date(2021, 1, 1)) == "东莞市生态环境局"


def test_a_district_name_alone_is_its_government(resolver: Resolver) -> None:
    assert resolve(resolver, "越秀区", "440100") == "广州市越秀区人民政府"  # curated
    assert resolve(resolver, "蓬江区", "440700") == "江门市蓬江区人民政府"  # by rule


def test_without_a_jurisdiction_short_names_stay_unresolved(resolver: Resolver) -> None:
    with pytest.raises(Unresolved):
        resolver.resolve(name("市财政局"), DAY, Jurisdiction())
    with pytest.raises(Unresolved):
        resolver.resolve(name("财政局"), DAY, Jurisdiction())
    assert resolve(resolver, "财政部") == "中华人民共和国财政部"


def test_two_documents_of_one_city_name_the_same_body(resolver: Resolver) -> None:
    first = resolver.resolve(name("市发改委"), DAY, of(resolver, "441900"))
    second = resolver.resolve(name("市发展改革委"), dt.date(2023, 1, 1), of(resolver, "441900"))
    assert isinstance(first, RuleBody) and isinstance(second, RuleBody)
    assert first.iri == second.iri
    assert first.iri.startswith("https://w3id.org/policykg/org/441900/")


def test_a_rule_body_belongs_to_its_place_government(resolver: Resolver) -> None:
    body = resolver.resolve(name("市财政局"), DAY, of(resolver, "441900"))
    assert isinstance(body, RuleBody) and isinstance(body.government, RuleBody)
    assert body.government.name == "东莞市人民政府"
    assert body.kind == "MunicipalDepartment" and body.government.kind == "MunicipalGovernment"


def test_a_standard_name_the_registry_holds_is_the_curated_body(resolver: Resolver) -> None:
    body = resolver.resolve(name("市财政局"), DAY, of(resolver, "440100"))  # by rule: 广州市财政局
    assert isinstance(body, Organization) and body.id == "guangzhou-finance"


def test_no_lexicon_row_no_rule_body(resolver: Resolver) -> None:
    with pytest.raises(Unresolved, match="no rule places it"):
        resolver.resolve(name("市某某办"), DAY, of(resolver, "441900"))


def test_collectives_of_the_jurisdiction_as_written(resolver: Resolver) -> None:
    beijing = resolver.resolve(name("各区政府"), DAY, of(resolver, "110000"))
    assert isinstance(beijing, RuleBody) and beijing.kind == "CollectiveAssignee"
    assert (beijing.name, beijing.place.code) == ("各区政府", "110000")
    wuhan = resolver.resolve(name("市政府各部门"), DAY, of(resolver, "420114"))
    assert isinstance(wuhan, RuleBody) and wuhan.place.code == "420100"
    groups = resolver.resolve(name("市疫情防控指挥部各工作组"), DAY, of(resolver, "420114"))
    assert isinstance(groups, RuleBody) and groups.kind == "CollectiveAssignee"
    assert groups.place.code == "420100"
    assert resolve(resolver, "相关单位", "420114") == "相关单位"
    assert resolve(resolver, "各区政府", "440100") == "各区政府"  # Guangzhou's, curated
    assert isinstance(resolver.resolve(name("各区政府"), DAY, of(resolver, "440100")), Organization)
    with pytest.raises(Unresolved):
        resolver.resolve(name("各区政府"), DAY, Jurisdiction())


def test_a_city_body_by_rule_has_its_province_body_of_the_same_function(
    resolver: Resolver,
) -> None:
    body = resolver.resolve(name("市财政局"), DAY, of(resolver, "441900"))
    assert isinstance(body, RuleBody) and isinstance(body.provincial, Organization)
    assert body.provincial.pref_zh == "广东省财政厅"  # curated
    hubei = resolver.resolve(name("区财政局"), DAY, of(resolver, "420114"))
    assert isinstance(hubei, RuleBody) and isinstance(hubei.provincial, RuleBody)
    assert hubei.provincial.name == "湖北省财政厅"
    beijing = resolver.resolve(name("市财政局"), DAY, of(resolver, "110000"))
    assert isinstance(beijing, RuleBody) and beijing.provincial is None  # a municipality


def test_templates_write_the_place_whole_or_short_and_short_words_are_no_name(
    tmp_path: Path,
) -> None:
    rows = [
        *BODIES,
        (
            "survey-team",
            "province",
            "国家统计局{short}调查总队",
            "调查总队",
            "vertically-managed",
            "",
            "",
        ),
        (
            "foreign-exchange",
            "prefecture",
            "国家外汇管理局{place}分局",
            "",
            "vertically-managed",
            "",
            "",
        ),
    ]
    resolver = with_rows(tmp_path, rows)
    assert resolve(resolver, "省调查总队", "420114") == "国家统计局湖北调查总队"
    with pytest.raises(Unresolved):  # 分局 alone says too little to be that body
        resolver.resolve(name("市分局"), DAY, of(resolver, "441900"))


def test_a_full_name_that_fills_a_template_is_that_place_body(resolver: Resolver) -> None:
    assert resolve(resolver, "国家税务总局东莞市税务局", "440100") == "国家税务总局东莞市税务局"
    assert resolve(resolver, "国家税务总局广州市税务局", "441900") == "国家税务总局广州市税务局"
    with pytest.raises(Unresolved):  # not a place
        resolver.resolve(name("国家税务总局某某税务局"), DAY, of(resolver, "441900"))


def test_a_body_by_rule_has_the_national_body_of_its_function_on_its_day(
    resolver: Resolver,
) -> None:
    finance = resolver.resolve(name("市财政局"), DAY, of(resolver, "441900"))
    assert isinstance(finance, RuleBody) and finance.national is not None
    assert finance.national.id == "mof"
    old = resolver.resolve(name("市环保局"), dt.date(2010, 1, 1), of(resolver, "441900"))
    assert isinstance(old, RuleBody) and old.national is None  # two in its name's time
    stats = resolver.resolve(name("市统计局"), DAY, of(resolver, "441900"))
    assert isinstance(stats, RuleBody) and stats.national is None  # the lexicon names none


def test_every_national_body_the_lexicon_names_is_in_the_registry() -> None:
    registry = load_registry(REGISTRY)
    named = {org_id for ids in load_lexicon(LEXICON).national.values() for org_id in ids}
    assert named and named <= set(registry.by_id)


def test_a_joint_document_of_two_cities_leaves_their_short_names_unresolved(
    resolver: Resolver,
) -> None:
    for written in ("市财政局", "财政局"):
        with pytest.raises(Unresolved):
            resolver.resolve(name(written), DAY, of(resolver, "440100", "440600"))
    assert resolve(resolver, "广州市财政局", "440100", "440600") == "广州市财政局"
    assert resolve(resolver, "省财政厅", "440100", "440600") == "广东省财政厅"


def test_a_district_named_alone_is_one_of_the_document_own_city(resolver: Resolver) -> None:
    for written, code in (("东区", "442000"), ("城区", "441900"), ("矿区", "440100")):
        with pytest.raises(Unresolved):  # 东区 of 攀枝花, 城区 of 汕尾, 矿区 of 阳泉: not theirs
            resolver.resolve(name(written), DAY, of(resolver, code))
    assert resolve(resolver, "越秀区", "440100") == "广州市越秀区人民政府"
    with pytest.raises(Unresolved):  # a province's document: which city's is not said
        resolver.resolve(name("越秀区"), DAY, of(resolver, "440000"))


def test_a_renamed_city_is_its_name_of_the_day(resolver: Resolver) -> None:
    assert resolve(resolver, "市财政局", "420606") == "襄阳市财政局"  # 樊城区, 2021
    old = resolver.resolve(name("市财政局"), dt.date(2005, 1, 1), of(resolver, "420606"))
    assert isinstance(old, RuleBody) and old.name == "襄樊市财政局"


def test_kinds_of_governments_by_level(resolver: Resolver) -> None:
    region = resolver.resolve(name("广西壮族自治区"), DAY, of(resolver, "450100"))
    assert isinstance(region, RuleBody) and region.kind == "ProvincialGovernment"  # not a 区's
    district = resolver.resolve(name("区政府"), DAY, of(resolver, "420114"))
    assert isinstance(district, RuleBody) and district.kind == "DistrictGovernment"
    with pytest.raises(Unresolved):  # a prefecture (地区) has a 行政公署, not a people's government
        resolver.resolve(name("阿克苏地区"), DAY, of(resolver, "650000"))
    assert resolve(resolver, "市委", "441900") == "中共东莞市委员会"


def test_a_short_form_with_the_place_inside_is_that_place_body(tmp_path: Path) -> None:
    rows = [
        *BODIES,
        ("banking-regulation", "prefecture", "中国银行业监督管理委员会{short}监管分局",
         "{short}银监分局", "vertically-managed", "2003", "2018-04"),
        ("central-bank", "prefecture", "中国人民银行{place}中心支行",
         "人民银行{place}中心支行|人行{place}中心支行", "vertically-managed", "", ""),
        ("customs", "prefecture", "中华人民共和国{short}海关", "{short}海关", "vertically-managed",
         "", ""),
    ]  # fmt: skip
    resolver = with_rows(tmp_path, rows)
    day = dt.date(2017, 5, 1)
    weifang = "370700"
    assert (
        resolve(resolver, "潍坊银监分局", weifang, day=day)
        == "中国银行业监督管理委员会潍坊监管分局"
    )
    assert resolve(resolver, "人民银行潍坊市中心支行", weifang) == "中国人民银行潍坊市中心支行"
    assert resolve(resolver, "合肥海关", "340000") == "中华人民共和国合肥海关"
    customs = resolver.resolve(name("合肥海关"), DAY, of(resolver, "340000"))
    assert isinstance(customs, RuleBody) and customs.government is None  # its system's, not 合肥's
    with pytest.raises(Unresolved):  # a system's words after a place do not name it alone
        resolver.resolve(name("市中心支行"), DAY, of(resolver, "440100"))
    # the place written otherwise than the template writes it: 合肥 for 合肥市 (a provincial
    # capital's sub-branch bore 中国人民银行合肥中心支行, not the template's), 黄埔 (a district)
    for written in ("人行合肥中心支行", "黄埔海关", "广州市海关"):
        with pytest.raises(Unresolved):
            resolver.resolve(name(written), DAY, of(resolver, "440100", "340000"))
    for written in ("银监分局", "市银监分局", "某某银监分局"):  # no place inside: no body
        with pytest.raises(Unresolved):
            resolver.resolve(name(written), day, of(resolver, weifang))
    with pytest.raises(Unresolved):  # not in use on the day
        resolver.resolve(name("潍坊银监分局"), DAY, of(resolver, weifang))


def test_a_development_zone_committee_is_a_department_of_its_seat(
    resolver: Resolver, tmp_path: Path
) -> None:
    path = tmp_path / "zones.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                COLUMNS,
                (
                    "武汉东湖新技术开发区",
                    "high-tech",
                    "湖北省",
                    "1991",
                    "https://example.org/z",
                    "",
                ),
            ]
        )
    zoned = replace(resolver, zones=load_zones(path, resolver.divisions))
    body = zoned.resolve(name("东湖高新区管委会"), DAY, of(zoned, "420100"))
    assert isinstance(body, RuleBody) and body.name == "武汉东湖新技术开发区管理委员会"
    assert body.kind == "MunicipalDepartment" and body.place.code == "420100"
    assert body.government is not None and body.zone is not None
    with pytest.raises(Unresolved):  # another province's document: not that zone
        zoned.resolve(name("东湖高新区管委会"), DAY, of(zoned, "440100"))
    with pytest.raises(Unresolved):  # only by rule
        zoned.resolve(name("东湖高新区管委会"), DAY, of(zoned, "420100"), by_rule=False)


def test_a_place_curated_body_of_the_function_wins_over_another_name_of_it(
    tmp_path: Path,
) -> None:
    rows = [
        *BODIES,
        ("development-reform", "prefecture", "发展和改革局", "发改局|发展改革局", "department",
         "", ""),
    ]  # fmt: skip
    resolver = with_rows(tmp_path, rows)
    # Guangzhou's body is its 委员会, whatever a document calls it; Jiangmen's is as written
    assert resolve(resolver, "市发改局", "440100") == "广州市发展和改革委员会"
    assert resolve(resolver, "市发改局", "440700") == "江门市发展和改革局"
