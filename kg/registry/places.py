"""Where each registered body governs: its division's GB/T 2260 code (CN for the nation), given
for governments and bodies outside a government's chain, inherited along org:subOrganizationOf."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, unique_ids, value
from kg.errors import SourceError
from kg.places.divisions import Divisions
from kg.registry.organizations import Registry

COLUMNS = ("organization", "division", "note")


@dataclass(frozen=True)
class Placed:
    """The division code of every registered body that has one."""

    codes: dict[str, str]  # organization id -> division code
    given: dict[str, str]  # the codes places.csv gives (the rest are inherited)

    def code(self, org_id: str) -> str | None:
        """A body's division code; None for a body of a registry that does not place it (it is
        then found by its name alone, as any registry body was before places)."""
        return self.codes.get(org_id)


def load_places(path: Path, registry: Registry, divisions: Divisions) -> Placed:
    """Read the places and give each body its own, or its parent's; a row naming no registered
    body, or a code no division bore, names its line."""
    rows = read_rows(path, COLUMNS)
    unique_ids(path, ((value(row, "organization"), line) for line, row in rows), "organization")
    given: dict[str, str] = {}
    for line, row in rows:
        org_id, code = value(row, "organization"), value(row, "division")
        if not org_id or org_id not in registry.by_id:
            raise SourceError(path, line, f"no organization with id {org_id!r}", "organization")
        given[org_id] = divisions.checked(code or "", path, line, "division")
    codes = {}
    for org in registry.organizations:
        if (found := _inherited(org.id, registry, given)) is not None:
            codes[org.id] = found
    return Placed(codes, given)


def _inherited(org_id: str, registry: Registry, given: dict[str, str]) -> str | None:
    while org_id not in given:
        parent = registry.get(org_id).parent
        if parent is None:
            return None
        org_id = parent
    return given[org_id]
