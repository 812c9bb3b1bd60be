"""Funding and policy instruments stated in a task's text: money, recurrence, ratios.

Each rule reads a phrasing that Chinese policy texts use for one kind of instrument; the
amounts in it go through kg.sources.amounts, so no figure is typed in by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from kg.sources.amounts import DIGITS, MONEY, PERCENT, parse_money, parse_number, parse_ratio
from kg.sources.records import Instrument

CLAUSE = re.compile(r"[^，,。；;]+")
_EVERY = re.compile(r"每(?P<count>[0-9" + "".join(DIGITS) + r"十]*)(?P<unit>年|季度|个月|月)")
_ISO_UNITS = {"年": (1, "Y"), "季度": (3, "M"), "个月": (1, "M"), "月": (1, "M")}
ANNUAL_LINE = re.compile(
    rf"(?P<every>每[^，,。；;]*?)安排[^，,。；;]*?(?P<money>{MONEY.pattern})"
    r"(?:[，,]专项用于(?:设立)?(?P<topics>[^，,。；;]+))?"
)
FUND = re.compile(
    rf"(?P<money>{MONEY.pattern})规模(?P<name>[^，,。；;]*?基金)"
    rf"(?:[，,]按基金规模的(?P<ratio>{PERCENT.pattern})给予配资)?"
)
LAND_FLOOR = re.compile(
    rf"不低于(?P<benchmark>[^，,。；;]*?基准地价)的(?P<ratio>{PERCENT.pattern})"
)
TOPIC_SEPARATORS = re.compile(r"和|、|及")


def find_instruments(text: str) -> tuple[Instrument, ...]:
    """Every instrument the text states, in the order the text states them."""
    found = [instrument for rule in RULES for instrument in rule(text)]
    return tuple(sorted(found, key=lambda instrument: instrument.start))


def _annual_lines(text: str) -> Iterator[Instrument]:
    for match in ANNUAL_LINE.finditer(text):
        period = _period(match["every"])
        if period is None:
            continue
        topics = TOPIC_SEPARATORS.split(match["topics"]) if match["topics"] else []
        yield Instrument(
            kind="RecurrentFundingLine",
            label=match.group(),
            start=match.start(),
            amount=parse_money(match["money"]),
            period=period,
            earmarks=tuple(topic for topic in topics if topic),
        )


def _funds(text: str) -> Iterator[Instrument]:
    for match in FUND.finditer(text):
        yield Instrument(
            kind="IndustryFund",
            label=match["name"],
            start=match.start(),
            amount=parse_money(match["money"]),
            matching_ratio=parse_ratio(match["ratio"]) if match["ratio"] else None,
        )


def _land_floors(text: str) -> Iterator[Instrument]:
    for match in LAND_FLOOR.finditer(text):
        yield Instrument(
            kind="LandPriceFloor",
            label=match.group(),
            start=match.start(),
            minimum_ratio=parse_ratio(match["ratio"]),
            benchmark=match["benchmark"],
        )


def _clauses_with(kind: str, *words: str) -> Callable[[str], Iterator[Instrument]]:
    """A rule that takes each clause containing all the given words as one instrument."""

    def rule(text: str) -> Iterator[Instrument]:
        for match in CLAUSE.finditer(text):
            if all(word in match.group() for word in words):
                yield Instrument(kind=kind, label=match.group(), start=match.start())

    return rule


def _period(phrase: str) -> str | None:
    """每年 -> P1Y, 每两年 -> P2Y, 每季度 -> P3M: an ISO 8601 duration."""
    match = _EVERY.search(phrase)
    if not match:
        return None
    count = parse_number(match["count"]) if match["count"] else Decimal(1)
    size, unit = _ISO_UNITS[match["unit"]]
    return f"P{int(count) * size}{unit}"


RULES: tuple[Callable[[str], Iterator[Instrument]], ...] = (
    _annual_lines,
    _funds,
    _land_floors,
    _clauses_with("TaxIncentive", "税", "优惠"),
    _clauses_with("FinancialLeasingTool", "金融租赁"),
)
