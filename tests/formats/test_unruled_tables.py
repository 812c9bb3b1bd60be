"""The automobile table printed without rulings (make_files.py: LibreOffice's PDFs of the HTML
table with border 0, its cells centred vertically and aligned at the top, and of the DOCX with
Word's default cell margins): read as a table, to the records its text file reads to, where
position tells its cells apart; an error where it cannot."""

from __future__ import annotations

import pytest
from published import FILES, TEXT, records
from rdflib import Literal

from kg.build import Inputs, graph_from
from kg.errors import SourceError
from kg.graph.iris import POL
from kg.sources.read import read_source
from kg.sources.text import read_source_text


@pytest.mark.parametrize("name", ["auto-table-unruled.pdf", "auto-table-unruled-top.pdf"])
def test_an_unruled_table_reads_as_the_text(name: str) -> None:
    """Every task, theme and assignment (131) as the text has them, centred or top-aligned."""
    assert records(read_source(FILES / name)) == records(read_source(TEXT))


def test_a_name_is_found_again_in_its_cell() -> None:
    """Task 1's lead, 市工业和信息化局, in the fourth column of the table's second row."""
    graph = graph_from(Inputs([FILES / "auto-table-unruled.pdf"]))
    lead = next(
        node
        for node in graph.subjects(POL.writtenAs, Literal("市工业和信息化局", lang="zh"))
        if "/task/1/lead/" in str(node)
    )
    assert str(graph.value(lead, POL.location)) == "page 1, table 1, row 2, cell 4"


def test_a_row_a_page_break_splits_goes_on_in_its_cell() -> None:
    """Task 25's 配合部门 ends on page 3 (游局) above task 26: a row of the table without a
    number, in the fifth cell, before task 26's row."""
    source = read_source_text(FILES / "auto-table-unruled.pdf")
    rows = {source.locations[line.number].where: line.text for line in source.lines if line.row}
    assert rows["page 3, table 1, row 1"] == "\t\t\t\t游局\t"
    assert rows["page 3, table 1, row 2"].startswith("26\t")


@pytest.mark.parametrize("name", ["auto-table-unruled-word.pdf", "auto-table-unruled-word-top.pdf"])
def test_rows_with_no_space_between_them_are_an_error(name: str) -> None:
    """Word's default margins leave no space above and below a cell: a cell's next line and the
    next row's first stand alike, so nothing is read rather than a guess."""
    with pytest.raises(SourceError, match="page 1: a table without rulings whose cells have no"):
        read_source(FILES / name)
