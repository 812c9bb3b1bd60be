"""The extractor recovers every row of the real table, page breaks and merged cells included."""

from __future__ import annotations

from kg.sources.records import SourceDocument, Task


def by_number(table: SourceDocument) -> dict[int, Task]:
    return {task.number: task for task in table.tasks}


def theme_of(table: SourceDocument, number: int) -> str:
    theme = by_number(table)[number].theme
    return next(t.label for t in table.themes if t.number == theme)


def test_every_numbered_row_is_recovered_in_order(table: SourceDocument) -> None:
    assert [task.number for task in table.tasks] == list(range(1, 35))


def test_heading_and_imprint(table: SourceDocument) -> None:
    assert table.document_title == "广州市促进汽车产业加快发展的意见"
    assert table.imprint.printer == "广州市人民政府办公厅秘书处"
    assert table.imprint.date.isoformat() == "2020-09-10"


def test_row_split_by_a_page_break_is_joined_cell_by_cell(table: SourceDocument) -> None:
    task = by_number(table)[5]
    assert task.text == "加快氢燃料电池汽车产业化"
    assert [m.meant for m in task.leads] == ["市发展改革委"]
    assert [m.meant for m in task.cooperators] == [
        "市工业和信息化局",
        "市交通运输局",
        "市城市管理综合执法局",
        "市公安局",
        "市规划和自然资源局",
    ]
    assert (task.span.first, task.span.last) == (10, 12)


def test_page_break_inside_a_department_name(table: SourceDocument) -> None:
    assert [m.meant for m in by_number(table)[33].cooperators][-2:] == [
        "市政务服务数据管理局",
        "市司法局",
    ]
    assert [m.written for m in by_number(table)[15].cooperators][:2] == ["市交通运输局", "公安局"]


def test_theme_split_across_a_page_break_drops_the_repeated_characters(
    table: SourceDocument,
) -> None:
    assert theme_of(table, 4) == "加快推进新能源汽车向高质量发展，引领产业转型升级"
    assert {theme_of(table, n) for n in (4, 5, 6, 7)} == {theme_of(table, 4)}


def test_stray_spaces_inside_words_are_removed(table: SourceDocument) -> None:
    assert theme_of(table, 8).startswith("加快建设国际汽车零部件产业基地，推动")
    assert theme_of(table, 12) == "加紧布局智能网联汽车应用示范，抢占产业发展制高点"
    assert [m.meant for m in by_number(table)[6].leads] == ["市发展改革委", "市工业和信息化局"]


def test_rows_whose_theme_fills_the_row_have_no_text(table: SourceDocument) -> None:
    empty = [task.number for task in table.tasks if task.text is None]
    assert empty == [20, 21, 24, 25]
    assert theme_of(table, 20) == "产业创新平台支撑体系"
    assert theme_of(table, 25) == "展示体验支撑体系"


def test_row_before_its_merged_cell_text_joins_that_group(table: SourceDocument) -> None:
    # row 26 follows a single-row theme, so it belongs to the 用地政策 cell printed on row 27
    assert theme_of(table, 26) == "用地政策"


def test_merged_cell_printed_on_both_sides_of_a_page_break_is_one_theme(
    table: SourceDocument,
) -> None:
    assert theme_of(table, 27) == theme_of(table, 28) == "用地政策"
    assert len([t for t in table.themes if t.label == "用地政策"]) == 1


def test_rows_with_an_empty_theme_cell_belong_to_the_open_group(table: SourceDocument) -> None:
    assert theme_of(table, 23) == "标准提升支撑体系"
    assert {theme_of(table, n) for n in (29, 30, 31, 32)} == {"扶持政策"}
    assert theme_of(table, 34) == "法治保障"


def test_text_split_across_a_page_break_is_whole(table: SourceDocument) -> None:
    text = by_number(table)[22].text or ""
    assert "燃料电池、智能网联汽车标准体系研究" in text
    assert text.endswith("以及标准体系规划和路线图的制定")


def test_leading_city_prefix_distributes_within_a_list(table: SourceDocument) -> None:
    task = by_number(table)[2]
    assert [(m.written, m.meant) for m in task.cooperators] == [
        ("市发展改革委", "市发展改革委"),
        ("商务局", "市商务局"),
    ]


def test_market_regulation_keeps_its_own_leading_character(table: SourceDocument) -> None:
    assert by_number(table)[1].cooperators[-1].meant == "市场监管局"


def test_collectives_after_a_comma_stay_as_written(table: SourceDocument) -> None:
    assert [m.meant for m in by_number(table)[6].cooperators][-1] == "各区政府"
    assert [m.meant for m in by_number(table)[8].cooperators] == ["市财政局", "有关区政府"]


def test_each_mention_keeps_the_line_it_was_printed_on(table: SourceDocument) -> None:
    cooperators = by_number(table)[33].cooperators
    assert cooperators[0].span.first == 48
    assert (cooperators[3].span.first, cooperators[3].span.last) == (48, 50)
    assert cooperators[4].span.first == 50
