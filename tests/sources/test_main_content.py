"""A saved portal page reads its article only, with what the portal prints above it (发文字号,
成文日期, 发布机构), whatever its encoding. Each page is synthetic, shaped like the portals'."""

from __future__ import annotations

from pathlib import Path

from kg.sources.page_metadata import page_metadata
from kg.sources.read import read_source
from kg.sources.spans import SpannedText
from kg.sources.text import read_source_text

PAGES = Path(__file__).parent / "pages"
ARTICLE = (PAGES / "article.html").read_text(encoding="utf-8")
# a portal's page around the article: navigation, breadcrumbs, the metadata table, related
# links, a footer
NAVIGATION = "".join(f'<li><a href="/c{i}/">栏目{i}</a></li>' for i in range(40))
LINKS = "".join(f'<li><a href="/t/{i}.html">关于第{i}批试点的通知</a></li>' for i in range(12))
PAGE = (
    (PAGES / "page.html")
    .read_text(encoding="utf-8")
    .replace("{navigation}", NAVIGATION)
    .replace("{links}", LINKS)
    .replace("{article}", ARTICLE)
)


def assignments(path: Path) -> list[tuple]:
    return [
        (t.label, [m.written for m in t.leads], [m.written for m in t.cooperators])
        for t in read_source(path).tasks
    ]


def saved(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_saved_page_reads_its_article_only(tmp_path: Path) -> None:
    page = saved(tmp_path, "page.html", PAGE.replace("{charset}", "utf-8"))
    plain = saved(tmp_path, "article.html", ARTICLE)
    texts = [line.text for line in read_source_text(page).lines]
    assert texts == [line.text for line in read_source_text(plain).lines]
    assert not any("栏目" in text or "版权所有" in text or "相关文件" in text for text in texts)
    assert assignments(page) == assignments(plain) != []


def test_a_gbk_page_reads_like_the_same_page_in_utf8(tmp_path: Path) -> None:
    gbk = saved(tmp_path, "gbk.html", PAGE.replace("{charset}", "gb2312"), "gbk")
    utf8 = saved(tmp_path, "utf8.html", PAGE.replace("{charset}", "utf-8"))
    assert assignments(gbk) == assignments(utf8) != []


def test_the_page_says_the_number_date_and_issuer_the_article_does_not(tmp_path: Path) -> None:
    article = ARTICLE.replace("<p>2021年3月5日</p>", "")
    text = PAGE.replace("{charset}", "utf-8").replace(ARTICLE, article)
    page = saved(tmp_path, "page.html", text)
    document = read_source(page)
    assert document.identifier == "示府〔2021〕7号"
    assert document.imprint is not None
    assert (document.imprint.printer, str(document.imprint.date)) == (
        "示例市人民政府",
        "2021-03-05",
    )


def test_a_page_with_no_article_of_a_documents_length_is_read_whole(tmp_path: Path) -> None:
    short = "<p>（一）做好甲。（市财政局牵头）</p><p>（二）做好乙。（市财政局牵头）</p>"
    page = saved(tmp_path, "short.html", f"<html><body><div>{short}</div></body></html>")
    assert [t.label for t in read_source(page).tasks] == ["（一）", "（二）"]


def lines(*texts: str, row: bool = False) -> list[tuple[SpannedText, bool]]:
    return [(SpannedText.at(text, number), row) for number, text in enumerate(texts, start=1)]


def test_metadata_as_cells_as_a_label_line_and_its_value_or_in_one_line() -> None:
    cells = page_metadata(lines("发文机关：\t国务院\t成文日期：\t2018年11月16日", row=True))
    assert {name: field.value for name, field in cells.fields.items()} == {
        "issuer": "国务院",
        "written": "2018年11月16日",
    }
    stacked = page_metadata(lines("发布机构：", "宜春市统计局", "发文日期：", "2023-04-18"))
    assert (stacked.fields["issuer"].value, stacked.fields["written"].line) == ("宜春市统计局", 4)
    inline = page_metadata(lines("发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号"))
    assert inline.fields["identifier"].value == "蔡政办〔2023〕1号"
