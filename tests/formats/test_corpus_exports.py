"""The corpus's prose documents (inline and list forms) as LibreOffice exports them to PDF (lines
wrapped at the page's width) and DOCX: each reads to the tasks, themes and bodies its text file
reads to."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from published import records

from kg.paths import SOURCES
from kg.sources.read import read_source

PROSE = [
    path for path in sorted(SOURCES.glob("*.txt")) if read_source(path).form in ("inline", "list")
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every prose document exported to PDF and to DOCX, by one LibreOffice run a format."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed (.ci/run installs it)"
    work = tmp_path_factory.mktemp("exports")
    for target in ("pdf", "docx"):
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
             "--infilter=Text (encoded):UTF8", "--convert-to", target, "--outdir",
             str(work / target), *map(str, PROSE)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    return work


def tasks(path: Path) -> object:
    return records(read_source(path))[2]  # type: ignore[index]


@pytest.mark.parametrize("target", ["pdf", "docx"])
@pytest.mark.parametrize("source", PROSE, ids=[path.stem for path in PROSE])
def test_a_prose_document_exported_reads_as_its_text(
    exported: Path, source: Path, target: str
) -> None:
    assert tasks(exported / target / f"{source.stem}.{target}") == tasks(source)
