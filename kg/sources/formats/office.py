"""Files only an office suite reads (Word 97-2003 .doc, WPS .wps/.et, OpenDocument), converted
by LibreOffice headless to .docx or .xlsx, in a directory and profile of their own, with a time
limit."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kg.errors import SourceError

TIMEOUT = 180  # seconds one conversion may take
INSTALL = (
    "install LibreOffice (Debian: apt install libreoffice-writer-nogui libreoffice-calc-nogui)"
)
SPREADSHEET_SUFFIXES = (".xls", ".et", ".ods")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def converted(raw: bytes, path: Path, spreadsheet: bool) -> bytes:
    """The file as LibreOffice saves it: .xlsx for a spreadsheet, .docx for anything else."""
    return saved_as(raw, path, "xlsx" if spreadsheet else "docx")


def saved_as(raw: bytes, path: Path, target: str) -> bytes:
    """The file's bytes as LibreOffice saves them in the format of the suffix `target`."""
    program = soffice()
    if program is None:
        raise SourceError(path, None, f"reading this file needs LibreOffice: {INSTALL}")
    with tempfile.TemporaryDirectory(prefix="policykg-office-") as work:
        source = Path(work) / f"source{path.suffix.lower() or '.bin'}"
        source.write_bytes(raw)
        command = [
            program,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(Path(work) / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise SourceError(path, None, f"LibreOffice took over {TIMEOUT} s; stopped") from error
        output = Path(work) / "out" / f"source.{target}"
        if not output.is_file():
            raise SourceError(path, None, f"LibreOffice could not convert the file to .{target}")
        return output.read_bytes()
