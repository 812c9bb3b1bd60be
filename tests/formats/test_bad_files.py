"""Bad files of every format: each a clear error naming the file, exit 2 where it is the only
input, nothing written; bounded in time and memory (a bomb is refused before it is unpacked)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import SourceError
from kg.sources.formats.pdf import read_pdf
from kg.sources.read import read_source

FILES = Path(__file__).parent / "files"


def zip_bomb(path: Path) -> Path:
    """A .docx whose document unpacks to 300 MB of one byte (a few hundred kB packed)."""
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(300):
            member.write(block)
    return path


def made(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    table = (FILES / "auto-table.pdf").read_bytes()
    contents = {
        "truncated.pdf": lambda: table[: len(table) // 2],
        "random.docx": lambda: bytes(range(256)) * 64,
        "other-zip.docx": lambda: _zip_of({"readme.txt": b"hello"}),
        "not-workbook.xlsx": lambda: _zip_of({"xl/workbook.xml": b"<not-xml"}),
        "huge.txt": lambda: "一、总体要求。".encode() * 2_000_000,  # 42 MB
        "broken-image.png": lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        "document.ofd": lambda: _zip_of({"OFD.xml": b"<ofd:OFD/>"}),
    }
    if name == "bomb.docx":
        return zip_bomb(path)
    if name == "encrypted.pdf":
        return FILES / name
    path.write_bytes(contents[name]())
    return path


def _zip_of(members: dict[str, bytes]) -> bytes:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("encrypted.pdf", "encrypted (a password is needed to open it)"),
        ("truncated.pdf", "not a readable PDF"),
        ("random.docx", "not UTF-8, nor GB18030 or Big5"),
        ("other-zip.docx", "a zip archive that is no Word, Excel, OpenDocument or OFD file"),
        ("not-workbook.xlsx", "not a readable Excel workbook"),
        ("bomb.docx", "(a zip bomb?); refused"),
        ("huge.txt", "MB of text: larger than any document"),
        ("broken-image.png", "not a readable image"),
        ("document.ofd", "an OFD file: no maintained OFD reader is installed; print it to PDF"),
    ],
)
def test_a_bad_file_is_a_clear_error_and_writes_nothing(
    tmp_path: Path, name: str, expected: str
) -> None:
    path = made(tmp_path, name)
    with pytest.raises(SourceError) as raised:
        read_source(path)
    assert expected in str(raised.value) and str(path) in str(raised.value)
    output = tmp_path / "out" / "graph.ttl"
    result = CliRunner().invoke(app, ["build", str(path), "-o", str(output)])
    assert result.exit_code == 2 and expected in result.output
    assert not output.parent.exists() or not any(output.parent.iterdir())


def test_a_scan_without_ocr_names_what_to_install() -> None:
    path = FILES / "auto-table-scan.pdf"
    with pytest.raises(
        SourceError, match="page 1 is an image with no text: reading scans needs OCR"
    ):
        read_pdf(path.read_bytes(), path, ocr=None)


def test_deeply_nested_html_reads(tmp_path: Path) -> None:
    """A page of 100,000 nested tags: no recursion limit, read like the same text saved plainly."""
    text = "一、总体要求（一）完善机制。（市财政局负责）（二）加强监管。（市商务局负责）"
    depth = 100_000
    path = tmp_path / "nested.html"
    path.write_text("<div>" * depth + text + "</div>" * depth, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    read = read_source(path)
    assert [(t.text, [m.meant for m in t.leads]) for t in read.tasks] == [
        (t.text, [m.meant for m in t.leads]) for t in read_source(plain).tasks
    ]


def test_a_word_97_file_without_libreoffice_names_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine where no soffice is on the PATH (here: a PATH of an empty folder)."""
    path = tmp_path / "notice.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(
        SourceError, match="reading this file needs LibreOffice: install LibreOffice"
    ):
        read_source(path)
