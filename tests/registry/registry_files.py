"""Registry CSV files written for a test, with the registry's header."""

from __future__ import annotations

from pathlib import Path

from kg.registry.organizations import COLUMNS


def write_registry(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "registry.csv"
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path
