"""Chinese amounts of money and ratios, as policy texts write them, read into exact numbers."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
ZEROS = ("零", "〇")
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10**4, "亿": 10**8}
_NUMERAL = "0-9０-９.．" + "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
_THOUSANDS = r"(?<=[0-9]),(?=[0-9]{3})"  # 1,000亿元
MONEY = re.compile(rf"(?<![{_NUMERAL},])(?:[{_NUMERAL}]|{_THOUSANDS})+元")
PERCENT = re.compile(
    r"(?<![0-9０-９.．])[0-9０-９.．]+\s*[%％]|百分之[0-9０-９.．点" + "".join(DIGITS) + "十百]+"
)
_TOKEN = re.compile(r"[0-9.]+|.")
_FRACTION = re.compile(r"[.点]([0-9" + "".join(DIGITS) + "]+)")


def parse_number(text: str) -> Decimal:
    """Read 100, 1.5, 1,000, 二十, 三千五百万, 1亿5000万, 一万二 (Arabic and Chinese numerals)."""
    normalized = unicodedata.normalize("NFKC", text).replace(",", "")
    tokens = _TOKEN.findall(_FRACTION.sub(_arabic_fraction, normalized))
    if not tokens:
        raise ValueError("no number")
    total = section = Decimal(0)
    number: Decimal | None = None
    unit_before: int | None = None  # the unit right before the current run of digits
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if token in DIGITS or token[0].isdigit() or token[0] == ".":
            if token in ZEROS:
                unit_before = None  # 一百零五: the zero says no unit is elided
            elif number is None:
                unit_before = _unit(previous)
            number = _digits(token, number)
        elif token in SMALL_UNITS:
            section += (Decimal(1) if number is None else number) * SMALL_UNITS[token]
            number = None
        elif token == "万":
            if section + (number or 0) == 0:
                raise ValueError(f"万 with no number before it in {text!r}")
            total += (section + (number or 0)) * LARGE_UNITS[token]
            section, number = Decimal(0), None
        elif token == "亿":
            if total + section + (number or 0) == 0:
                raise ValueError(f"亿 with no number before it in {text!r}")
            total = (total + section + (number or 0)) * LARGE_UNITS[token]
            section, number = Decimal(0), None
        else:
            raise ValueError(f"not a numeral: {token!r} in {text!r}")
    if number is not None and unit_before and number < 10 and number == int(number):
        number *= Decimal(unit_before) / 10  # an elided unit: 一万二 is 12000, 三千五 is 3500
    return plain(total + section + (number or 0))


def _unit(token: str | None) -> int | None:
    return SMALL_UNITS.get(token or "") or LARGE_UNITS.get(token or "")


def plain(value: Decimal) -> Decimal:
    """Drop the exponent and trailing zeros that arithmetic leaves: 1.2E+8 -> 120000000."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _arabic_fraction(match: re.Match[str]) -> str:
    return "." + "".join(str(DIGITS.get(char, char)) for char in match[1])


def _digits(token: str, previous: Decimal | None) -> Decimal:
    """A run of Arabic digits, or one Chinese digit (appended to a run of them: 二〇二〇)."""
    if token in DIGITS:
        value = Decimal(DIGITS[token])
        return value if previous is None else previous * 10 + value
    try:
        if token.startswith(".") and previous is not None:
            return previous + Decimal("0" + token)
        return Decimal(token)
    except InvalidOperation:
        raise ValueError(f"not a number: {token!r}") from None


def parse_money(text: str) -> Decimal:
    """An amount in yuan: 1亿元 -> 100000000, 5000万元 -> 50000000."""
    if not text.endswith("元"):
        raise ValueError(f"not an amount of money: {text!r}")
    return parse_number(text[:-1])


def parse_ratio(text: str) -> Decimal:
    """A ratio as a fraction: 20% -> 0.2, 百分之七十 -> 0.7."""
    text = text.strip()
    if text.startswith("百分之"):
        number = parse_number(text[3:])
    elif text[-1] in "%％":
        number = parse_number(text[:-1].strip())
    else:
        raise ValueError(f"not a percentage: {text!r}")
    return plain(number / 100)
