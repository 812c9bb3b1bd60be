"""What a file is, from its bytes (an extension may lie): PDF, a Word or spreadsheet package, an
OLE2 file of Word, Excel or WPS, an image, or text (plain or HTML, by its name)."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from kg.errors import SourceError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
IMAGES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")
PDF_WITHIN = 1024  # %PDF- may follow some junk at the start (the format allows it)
# A package that unpacks to more than this, or to this many times its size, is refused
MAX_UNPACKED = 256 * 1024 * 1024
MAX_RATIO = 200
PACKAGES = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("OFD.xml", "ofd"))
OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
HTML_SUFFIXES = (".html", ".htm")
# The registered media type of each kind (IANA); a kind without one (WPS, ET) has none
MEDIA_TYPES = {
    "text": "text/plain",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xls": "application/vnd.ms-excel",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def kind_of(raw: bytes, path: Path) -> str:
    """pdf, docx, xlsx, odt, ods, ofd, xls, doc (any OLE2 file for LibreOffice), image, html or
    text."""
    if b"%PDF-" in raw[:PDF_WITHIN]:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return package_kind(raw, path)
    if raw.startswith(OLE2):
        return "xls" if path.suffix.lower() == ".xls" else "doc"
    if raw.startswith(IMAGES):
        return "image"
    return "html" if path.suffix.lower() in HTML_SUFFIXES else "text"


def media_type(kind: str, path: Path) -> str | None:
    """The media type of a file of a kind: a .doc OLE2 file is Word's, a .wps or .et is not."""
    if kind == "doc":
        return "application/msword" if path.suffix.lower() == ".doc" else None
    return MEDIA_TYPES.get(kind)


def package_kind(raw: bytes, path: Path) -> str:
    """Which package a zip file is, after checking it unpacks to a sane size."""
    archive = opened(raw, path)
    names = set(archive.namelist())
    for member, kind in PACKAGES:
        if member in names:
            return kind
    if "mimetype" in names and (kind := OPEN_DOCUMENT.get(archive.read("mimetype").strip())):
        return kind
    raise SourceError(path, None, "a zip archive that is no Word, Excel, OpenDocument or OFD file")


def opened(raw: bytes, path: Path) -> zipfile.ZipFile:
    """A zip archive, refused where it is broken or would unpack to far more than it holds."""
    try:
        archive = zipfile.ZipFile(BytesIO(raw))
    except zipfile.BadZipFile as error:
        raise SourceError(path, None, f"a broken zip archive: {error}") from error
    unpacked = sum(member.file_size for member in archive.infolist())
    if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(len(raw), 1):
        raise SourceError(
            path,
            None,
            f"the archive would unpack to {unpacked // 1_000_000} MB from {len(raw) // 1000} kB "
            "(a zip bomb?); refused",
        )
    return archive
