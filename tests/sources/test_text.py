"""Normalized source text: HTML flattened, traditional script and half-width punctuation read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources.spans import SpannedText
from kg.sources.text import full_width, html_lines, is_traditional, read_source_text


def test_half_width_punctuation_reads_as_full_width_except_inside_ascii() -> None:
    assert (
        full_width("(牵头单位:市财政局;配合单位,市商务局)")
        == "（牵头单位：市财政局；配合单位，市商务局）"
    )
    assert full_width("1,000亿元 a:b ５Ｇ") == "1,000亿元 a:b 5Ｇ"


def test_traditional_script_is_read_in_simplified_and_printed_as_is(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("一、總體要求\n1.加快發展（廣州市發展和改革委員會牽頭）\n", encoding="utf-8")
    source = read_source_text(path)
    assert source.traditional
    line = source.lines[1].content
    assert line.text == "1.加快发展（广州市发展和改革委员会牵头）"
    assert line.as_printed == "1.加快發展（廣州市發展和改革委員會牽頭）"
    assert not is_traditional("广州市发展和改革委员会牵头，干部")


def test_html_paragraphs_are_lines_and_table_cells_are_tab_separated() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body>\n"
        "<p>一、总体\n要求</p><table><tr><td>序号</td><td>重点<br>工作</td></tr>\n"
        "<tr><td>1</td><td>做好&amp;做实</td></tr></table>\n<div>2012年3月5日</div></body></html>"
    )
    lines = [(number, text.text, row) for number, text, row in html_lines(html)]
    assert lines == [
        (2, "一、总体 要求", False),
        (3, "序号\t重点工作", True),
        (4, "1\t做好&做实", True),
        (5, "2012年3月5日", False),
    ]


def test_each_character_of_an_html_paragraph_keeps_its_source_line() -> None:
    ((_, text, _),) = html_lines("<p>甲\n乙\n丙</p>")
    assert text.lines == (1, 1, 2, 2, 3)


def test_not_utf8_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("第一行\n广州".encode("gbk"))
    with pytest.raises(SourceError, match="not valid UTF-8") as caught:
        read_source_text(path)
    assert caught.value.line in (1, 2)


def test_spanned_text_keeps_the_printed_form_through_its_operations() -> None:
    text = SpannedText("发 展、国", (1, 1, 1, 2, 2), "發 展、國")
    parts = text.cleaned().split("、")
    assert [(part.text, part.as_printed) for part in parts] == [("发展", "發展"), ("国", "國")]
    assert parts[1].lines == (2,)
    with pytest.raises(ValueError):
        SpannedText("ab", (1,))
