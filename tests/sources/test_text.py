"""Normalized source text: HTML flattened, traditional script and half-width punctuation read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources.html import html_lines
from kg.sources.read import read_source
from kg.sources.spans import SpannedText
from kg.sources.text import full_width, is_traditional, read_source_text


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


def test_an_encoding_found_not_assumed(tmp_path: Path) -> None:
    """GB18030 and Big5 files are detected; a page's <meta charset> is taken (GB2312 read as its
    superset GB18030, which 镕 needs)."""
    text = "一、总体要求\n（一）加强组织领导。（市发展改革委牵头，市财政局配合）\n"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    assert [line.text for line in read_source_text(tmp_path / "gbk.txt").lines] == text.split()
    big5 = "一、總體要求\n（一）加強組織領導。（市發展改革委牽頭）\n"
    (tmp_path / "big5.txt").write_bytes(big5.encode("big5"))
    assert (
        read_source_text(tmp_path / "big5.txt").lines[1].text
        == "（一）加强组织领导。（市发展改革委牵头）"
    )
    page = '<meta charset="gb2312"><p>朱镕基同志</p>'
    (tmp_path / "page.html").write_bytes(page.encode("gb18030"))
    assert [line.text for line in read_source_text(tmp_path / "page.html").lines] == ["朱镕基同志"]


def test_bytes_of_no_encoding_found_are_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"first line\n" + bytes(range(128, 256)) * 8)
    with pytest.raises(SourceError, match="cannot tell the encoding") as caught:
        read_source_text(path)
    assert caught.value.line == 2


def test_spanned_text_keeps_the_printed_form_through_its_operations() -> None:
    text = SpannedText("发 展、国", (1, 1, 1, 2, 2), "發 展、國")
    parts = text.cleaned().split("、")
    assert [(part.text, part.as_printed) for part in parts] == [("发展", "發展"), ("国", "國")]
    assert parts[1].lines == (2,)
    with pytest.raises(ValueError):
        SpannedText("ab", (1,))


def test_an_article_in_a_layout_cell_is_a_block_of_lines() -> None:
    """Portals print the article inside a table cell: its paragraphs are lines, not one cell."""
    html = (
        '<table><tr><td class="nav">首页</td><td>政策</td></tr><tr><td colspan="2">'
        '<table><tr><td id="UCAP-CONTENT"><p>一、加强统筹。</p>\n<p>（一）做好就业。（人力资源'
        "社会保障部负责）</p><p>（二）稳定岗位。</p><p>（三）加强培训。</p></td></tr></table>"
        "</td></tr></table>"
    )
    assert [(text.text, row) for _, text, row in html_lines(html)] == [
        ("首页", False),
        ("政策", False),
        ("一、加强统筹。", False),
        ("（一）做好就业。（人力资源社会保障部负责）", False),
        ("（二）稳定岗位。", False),
        ("（三）加强培训。", False),
    ]


def test_a_table_of_short_cells_is_rows_even_with_a_paragraph_in_each() -> None:
    """Word's HTML puts a <p> in every cell: still a table of rows."""
    html = (
        "<table><tr><td><p>序号</p></td><td><p>任务</p></td><td><p>牵头单位</p></td></tr>"
        "<tr><td><p>1</p></td><td><p>做好</p><p>做实</p></td><td><p>市发展改革委</p></td></tr>"
        "</table>"
    )
    assert [(text.text, row) for _, text, row in html_lines(html)] == [
        ("序号\t任务\t牵头单位", True),
        ("1\t做好做实\t市发展改革委", True),
    ]


def test_a_fragment_cut_from_a_page_reads_like_the_page() -> None:
    fragment = '<td id="UCAP-CONTENT"><p>一、总体要求</p><p>（一）做好。</p></td>'
    page = f"<html><body><table><tr>{fragment}</tr></table></body></html>"
    assert [t.text for _, t, _ in html_lines(fragment)] == ["一、总体要求", "（一）做好。"]
    assert [t.text for _, t, _ in html_lines(page)] == ["一、总体要求", "（一）做好。"]


ONE_LINE_NOTICE = (
    "示例区人民政府办公室关于印发2023年重点任务分解方案的通知各街道办事处：现印发给你们，并通知如下："
    "一、各责任单位要高度重视。二、各责任单位要按季度报送进展情况。"
    "示例区人民政府办公室2023年1月3日    2023年重点任务分解方案"
    "一、主要预期目标（一）地区生产总值增长7%以上责任单位：区发展和改革局"
    "（二）固定资产投资增长10%以上责任单位：区财政局"
)


def test_a_covering_notice_in_one_line_is_told_apart_from_its_document(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(ONE_LINE_NOTICE, encoding="utf-8")
    document = read_source(path)
    assert [(t.label, [m.written for m in t.leads]) for t in document.tasks] == [
        ("（一）", ["区发展和改革局"]),
        ("（二）", ["区财政局"]),
    ]
    assert [theme.label for theme in document.themes] == ["主要预期目标"]


def test_a_text_of_one_line_keeps_each_characters_offset(tmp_path: Path) -> None:
    text = "各区：（一）做好甲。（市发展改革委牵头，市财政局配合）（二）做好乙。（市财政局牵头）"
    path = tmp_path / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    document = read_source(path)
    spans = [
        (m.written, m.span.offsets) for t in document.tasks for m in (*t.leads, *t.cooperators)
    ]
    assert [text[first : last + 1] for _, (first, last) in spans] == [name for name, _ in spans]
    first, last = document.tasks[1].span.offsets
    assert text[first : last + 1] == "（二）做好乙。（市财政局牵头）"


def test_a_reference_in_a_page_is_one_character_at_its_offset() -> None:
    html = "<p>甲&nbsp;乙&#12290;丙</p>"
    ((_, text, _),) = html_lines(html)
    assert text.text == "甲\xa0乙。丙"
    assert [html[offset] for offset in text.offsets] == ["甲", "&", "乙", "&", "丙"]
