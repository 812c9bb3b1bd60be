"""Chinese amounts and ratios read into exact numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.sources.amounts import MONEY, PERCENT, parse_money, parse_number, parse_ratio


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("100", "100"),
        ("1.5", "1.5"),
        ("十", "10"),
        ("二十", "20"),
        ("一百零五", "105"),
        ("两千", "2000"),
        ("十二万", "120000"),
        ("三千五百万", "35000000"),
        ("一亿二千万", "120000000"),
        ("1亿5000万", "150000000"),
        ("100亿", "10000000000"),
        ("０.５亿", "50000000"),
        ("十二点五", "12.5"),
        ("二〇二〇", "2020"),
        ("1,000", "1000"),
        ("一万二", "12000"),
        ("1万5", "15000"),
        ("一百二", "120"),
        ("三千五", "3500"),
        ("一万零五", "10005"),
        ("1万亿", "1000000000000"),
    ],
)
def test_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "yuan"),
    [("1亿元", 100000000), ("100亿元", 10000000000), ("5000万元", 50000000),
     ("3千万元", 30000000), ("1.2亿元", 120000000), ("五百元", 500)],
)  # fmt: skip
def test_money_is_in_yuan(text: str, yuan: int) -> None:
    assert parse_money(text) == Decimal(yuan)
    assert str(parse_money(text)) == str(yuan)


@pytest.mark.parametrize(
    ("text", "ratio"),
    [("20%", "0.2"), ("70%", "0.7"), ("7.5％", "0.075"), ("百分之二十", "0.2"),
     ("百分之十二点五", "0.125")],
)  # fmt: skip
def test_ratios(text: str, ratio: str) -> None:
    assert parse_ratio(text) == Decimal(ratio)


def test_amounts_are_found_in_running_text() -> None:
    assert MONEY.findall("每年新增安排资金1亿元，专项用于设立二十亿元规模") == ["1亿元", "二十亿元"]
    assert PERCENT.findall("按基金规模的20%给予配资，或百分之三十") == ["20%", "百分之三十"]


@pytest.mark.parametrize("text", ["", "亿x", "元", "亿元", "万万", "1.2.3"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_money(text) if text.endswith("元") else parse_number(text)


def test_an_amount_is_never_read_from_the_middle_of_a_number() -> None:
    assert MONEY.findall("设立1,000亿元规模产业基金") == ["1,000亿元"]
    assert parse_money("1,000亿元") == Decimal(100000000000)
    assert PERCENT.findall("增长120%") == ["120%"]
