"""Make the format fixtures in tests/formats/files from the corpus's automobile table, with real
tools: the table as HTML (the article alone, its page-break continuations joined, merged cells as
rowspan and colspan), then LibreOffice's exports of it to DOCX, PDF and XLSX, 200 dpi scans of
the PDF (pdftoppm; one straight, one tilted with noise and blur by Pillow), and the table without
rulings printed to PDF by LibreOffice: from the HTML with border 0 (its cells centred vertically,
as HTML sets them, and aligned at the top), and from the DOCX with Word's default cell margins
(none above and below), centred and aligned at the top.

.venv/bin/python tests/formats/make_files.py     # needs soffice and pdftoppm (Debian packages)
.venv/bin/python -c 'import make_files; make_files.unruled()'   # one set (run in tests/formats)
"""

from __future__ import annotations

import html
import random
import subprocess
import tempfile
from pathlib import Path

import docx as python_docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "sources" / "guangzhou-auto-2020-task-division.txt"
FILES = Path(__file__).parent / "files"
STEM = "auto-table"
COLUMNS = 6  # 序号 主要任务 (theme, subtheme) 牵头(负责)部门 配合部门 备注


def rows_of(text: str) -> tuple[list[str], list[list[str]], list[str]]:
    """The lines before the table, its rows (page-break continuations joined), the lines after."""
    before: list[str] = []
    rows: list[list[str]] = []
    after: list[str] = []
    headers: list[list[str]] = []  # one a page: the first is the table's
    for line in text.splitlines():
        cells = (line.split("\t") + [""] * COLUMNS)[:COLUMNS]
        if line.startswith("序号"):
            headers.append(cells)
            continue
        if cells[0].strip().isdigit():
            rows.append(cells)
        elif rows and "\t" in line and not after:
            if cells[1].strip() and not rows[-1][1].strip():  # the theme's cell, begun above
                owner = next(row for row in reversed(rows) if row[1].strip())
                owner[1] = joined(owner[1], cells[1])
                cells[1] = ""
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
        elif line.strip():
            (after if rows else before).append(line.strip())
    return before, [headers[0], *rows], after


def joined(text: str, more: str) -> str:
    """A cell's text and its continuation after a page break, the words both print once."""
    overlap = next(
        (n for n in range(min(len(text), len(more)), 0, -1) if text.endswith(more[:n])), 0
    )
    return text + more[overlap:]


def table_html(rows: list[list[str]], border: int = 1, valign: str | None = None) -> str:
    """Rows as an HTML table: a theme printed once over the rows it spans, a task-less theme over
    both theme columns; ruled or not (`border`), its cells aligned as `valign` says."""
    spans = [1] * len(rows)
    for i in range(len(rows) - 1, 0, -1):
        theme = rows[i][1].strip()
        if i > 1 and (not theme or theme == rows[i - 1][1].strip()):
            spans[i - 1] += spans[i]
            spans[i] = 0
    out = [f"<table border='{border}'>"]
    row = f"<tr valign='{valign}'>" if valign else "<tr>"
    for i, cells in enumerate(rows):
        tag = "th" if i == 0 else "td"
        out.append(row)
        out.append(f"<{tag}>{html.escape(cells[0])}</{tag}>")
        if spans[i]:
            wide = i > 0 and spans[i] == 1 and not cells[2].strip()
            attributes = (f" rowspan='{spans[i]}'" if spans[i] > 1 else "") + (
                " colspan='2'" if wide or i == 0 else ""
            )
            out.append(f"<{tag}{attributes}>{html.escape(cells[1])}</{tag}>")
            if not wide and i > 0:
                out.append(f"<{tag}>{html.escape(cells[2])}</{tag}>")
        else:
            out.append(f"<{tag}>{html.escape(cells[2])}</{tag}>")
        out += [f"<{tag}>{html.escape(cell)}</{tag}>" for cell in cells[3:]]
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def page(before: list[str], table: str, after: list[str]) -> str:
    paragraphs = lambda lines: "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)  # noqa: E731
    return f"<meta charset='utf-8'>\n{paragraphs(before)}\n{table}\n{paragraphs(after)}\n"


def convert(source: Path, target: str, work: Path, filter_: str | None = None) -> Path:
    """One LibreOffice export, headless, with a profile of its own."""
    command = ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless"]
    if filter_:
        command.append(f"--infilter={filter_}")
    command += ["--convert-to", target, "--outdir", str(work), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return work / f"{source.stem}.{target.split(':')[0]}"


def scans(pdf: Path) -> None:
    """200 dpi scans of the PDF: straight, and tilted with noise and blur."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), f"{work}/p"], check=True
        )
        pages = [Image.open(p).convert("L") for p in sorted(Path(work).glob("p-*.png"))]
        pages[0].save(
            FILES / f"{STEM}-scan.pdf", save_all=True, append_images=pages[1:], resolution=200
        )
        noise = random.Random(2020)
        tilted = []
        for image in pages:
            image = image.rotate(1.5, expand=True, fillcolor=255).filter(
                ImageFilter.GaussianBlur(0.6)
            )
            pixels = image.load()
            for _ in range(image.width * image.height // 200):
                x, y = noise.randrange(image.width), noise.randrange(image.height)
                pixels[x, y] = 0
            tilted.append(image)
        tilted[0].save(
            FILES / f"{STEM}-scan-tilted.pdf",
            save_all=True,
            append_images=tilted[1:],
            resolution=200,
        )


def main() -> None:
    FILES.mkdir(exist_ok=True)
    before, rows, after = rows_of(SOURCE.read_text(encoding="utf-8"))
    page_file = FILES / f"{STEM}.html"
    page_file.write_text(page(before, table_html(rows), after), encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        docx = convert(page_file, "docx:MS Word 2007 XML", Path(work), "HTML (StarWriter)")
        pdf = convert(docx, "pdf", Path(work))
        xlsx = convert(page_file, "xlsx:Calc MS Excel 2007 XML", Path(work), "HTML (StarCalc)")
        for made in (docx, pdf, xlsx):
            (FILES / f"{STEM}{made.suffix}").write_bytes(made.read_bytes())
    scans(FILES / f"{STEM}.pdf")
    unruled()


def unruled() -> None:
    """The table with no rulings printed to PDF by LibreOffice: from HTML, its cells centred
    vertically (HTML's default) and aligned at the top; from the DOCX with Word's margins,
    centred and aligned at the top."""
    before, rows, after = rows_of(SOURCE.read_text(encoding="utf-8"))
    alignments = (("", WD_CELL_VERTICAL_ALIGNMENT.CENTER), ("-top", WD_CELL_VERTICAL_ALIGNMENT.TOP))
    with tempfile.TemporaryDirectory() as work:
        made = []
        for suffix, align in alignments:
            source = Path(work) / f"{STEM}-unruled{suffix}.html"
            valign = "top" if align == WD_CELL_VERTICAL_ALIGNMENT.TOP else None
            source.write_text(page(before, table_html(rows, 0, valign), after), encoding="utf-8")
            made.append(convert(source, "pdf:writer_pdf_Export", Path(work), "HTML (StarWriter)"))
            word = Path(work) / f"{STEM}-unruled-word{suffix}.docx"
            word_margins(FILES / f"{STEM}.docx", word, align)
            made.append(convert(word, "pdf", Path(work)))
        for pdf in made:
            (FILES / pdf.name).write_bytes(pdf.read_bytes())


def word_margins(source: Path, target: Path, align: WD_CELL_VERTICAL_ALIGNMENT) -> None:
    """The DOCX's tables without rulings, with the cell margins a Word table has where it sets
    none (ECMA-376 17.4.43: none above and below, 115 twentieths of a point either side;
    http://www.officeopenxml.com/WPtableCellMargins.php), each cell aligned as `align`."""
    document = python_docx.Document(str(source))
    for table in document.tables:
        properties = table._tbl.tblPr
        for old in properties.findall(qn("w:tblCellMar")) + properties.findall(qn("w:tblBorders")):
            properties.remove(old)
        margins = OxmlElement("w:tblCellMar")
        for side, twips in (("top", 0), ("left", 115), ("bottom", 0), ("right", 115)):
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), str(twips))
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        properties.append(margins)
        for cell in table._tbl.iter(qn("w:tc")):
            cell_properties = cell.get_or_add_tcPr()
            for borders in cell_properties.findall(qn("w:tcBorders")):
                cell_properties.remove(borders)
            cell_properties.vAlign_val = align
    document.save(str(target))


if __name__ == "__main__":
    main()
