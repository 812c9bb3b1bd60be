"""Files as governments publish them, made by real tools from the corpus's automobile table
(make_files.py: HTML, and LibreOffice's DOCX, PDF and XLSX exports of it; a DOC made here by
LibreOffice from the DOCX): each reads to the records its text file reads to."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from published import FILES, TEXT, records
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.build import Inputs, graph_from
from kg.errors import SourceError
from kg.graph.iris import POL
from kg.sources.formats.office import saved_as
from kg.sources.read import read_source
from kg.sources.text import read_source_text


@pytest.fixture(scope="module")
def expected() -> tuple[object, ...]:
    return records(read_source(TEXT))


@pytest.mark.parametrize("suffix", ["html", "docx", "pdf", "xlsx"])
def test_each_published_format_reads_as_the_text(suffix: str, expected: tuple[object, ...]) -> None:
    assert records(read_source(FILES / f"auto-table.{suffix}")) == expected


@pytest.mark.parametrize(
    ("source", "saved", "kind"), [("docx", "doc", "doc"), ("xlsx", "xls", "xls")]
)
def test_word_and_excel_97_files_are_read(
    tmp_path: Path, expected: tuple[object, ...], source: str, saved: str, kind: str
) -> None:
    """LibreOffice saves the DOCX as a Word 97 .doc (read through LibreOffice) and the XLSX as a
    BIFF8 .xls (read by xlrd)."""
    original = FILES / f"auto-table.{source}"
    path = tmp_path / f"auto-table.{saved}"
    path.write_bytes(saved_as(original.read_bytes(), original, saved))
    assert read_source_text(path).kind == kind
    assert records(read_source(path)) == expected


@pytest.mark.parametrize(
    ("suffix", "where"),
    [
        ("docx", "table 1, row 2, cell 4"),
        ("xlsx", "sheet Sheet1, row 3, column D"),
        ("pdf", "page 1, table 1, row 2, cell 4"),
    ],
)
def test_each_name_is_found_again_in_its_cell(suffix: str, where: str) -> None:
    """Task 1's lead, 市工业和信息化局, in the fourth column of its row."""
    graph = graph_from(Inputs([FILES / f"auto-table.{suffix}"]))
    lead = next(
        node
        for node in graph.subjects(POL.writtenAs, Literal("市工业和信息化局", lang="zh"))
        if "/task/1/lead/" in str(node)
    )
    assert str(graph.value(lead, POL.location)) == where


def test_a_file_is_read_by_what_it_is_not_by_its_name(
    tmp_path: Path, expected: tuple[object, ...]
) -> None:
    lying = tmp_path / "auto-table.txt"
    lying.write_bytes((FILES / "auto-table.docx").read_bytes())
    assert read_source_text(lying).kind == "docx"
    assert records(read_source(lying)) == expected


@pytest.mark.parametrize(
    ("suffix", "location"),
    [
        ("docx", "table 1, row 2"),
        ("xlsx", "sheet Sheet1, row 3"),
        ("pdf", "page 1, table 1, row 2"),
    ],
)
def test_each_line_knows_where_it_stands_in_its_file(suffix: str, location: str) -> None:
    """The first task's row: a table row of the document, a sheet's row, a PDF page's table."""
    source = read_source_text(FILES / f"auto-table.{suffix}")
    first = next(line for line in source.lines if line.row and line.text.startswith("1\t"))
    assert source.locations[first.number].where == location


def test_the_graph_says_what_the_file_is_and_where_each_task_stands(tmp_path: Path) -> None:
    graph = graph_from(Inputs([FILES / "auto-table.pdf"]))
    formats = set(graph.objects(None, DCTERMS.format))
    assert formats == {Literal("application/pdf")}
    locations = {str(place) for place in graph.objects(None, POL.location)}
    assert "page 1, table 1, row 2" in locations  # task 1
    assert any(place.startswith("page 2") and " to page 3" in place for place in locations)
    assert all(isinstance(node, URIRef) for node in graph.subjects(POL.location, None))


def test_an_error_in_a_table_names_its_row_in_the_file(tmp_path: Path) -> None:
    document = docx.Document(str(FILES / "auto-table.docx"))
    document.tables[0].rows[3].cells[0].text = "7"  # task 2 numbered out of sequence
    broken = tmp_path / "broken.docx"
    document.save(str(broken))
    with pytest.raises(SourceError) as raised:
        read_source(broken)
    assert "(table 1, row 4)" in str(raised.value)
