"""Instruments read from task text by general phrasings, for the real table and beyond."""

from __future__ import annotations

from decimal import Decimal

from kg.sources.instruments import find_instruments
from kg.sources.records import SourceDocument


def instruments_by_task(table: SourceDocument) -> dict[int, list[str]]:
    return {t.number: [i.kind for i in t.instruments] for t in table.tasks if t.instruments}


def test_the_real_table_states_five_kinds_of_instrument(table: SourceDocument) -> None:
    assert instruments_by_task(table) == {
        28: ["LandPriceFloor"],
        29: ["RecurrentFundingLine"],
        30: ["IndustryFund"],
        31: ["TaxIncentive", "TaxIncentive"],
        32: ["FinancialLeasingTool"],
    }


def test_annual_funding_line(table: SourceDocument) -> None:
    (line,) = table.tasks[28].instruments
    assert (line.amount, line.period) == (Decimal(100000000), "P1Y")
    assert line.earmarks == ("5G车联网示范推广专题", "智能网联汽车应用场景专题")


def test_industry_fund_and_its_matching_share(table: SourceDocument) -> None:
    (fund,) = table.tasks[29].instruments
    assert fund.label == "广州智能网联汽车产业发展基金"
    assert (fund.amount, fund.matching_ratio) == (Decimal(10000000000), Decimal("0.2"))


def test_land_price_floor(table: SourceDocument) -> None:
    (floor,) = table.tasks[27].instruments
    assert floor.minimum_ratio == Decimal("0.7")
    assert floor.benchmark == "所在地土地等级相对应工业用地基准地价"


def test_other_recurrences_and_no_false_positives() -> None:
    (quarterly,) = find_instruments("每季度安排奖补资金200万元")
    assert (quarterly.period, quarterly.amount) == ("P3M", Decimal(2000000))
    assert find_instruments("每两年更新一次技术路线图") == ()
    assert find_instruments("设立专项资金1亿元") == ()
