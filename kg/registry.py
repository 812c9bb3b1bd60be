"""The curated registry of organizations: official names, the forms the sources write, kinds."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.records import Mention

KINDS = {
    "municipal-government": "MunicipalGovernment",
    "municipal-department": "MunicipalDepartment",
    "vertically-managed-bureau": "VerticallyManagedBureau",
    "national-agency": "NationalAgency",
    "district-government": "DistrictGovernment",
    "collective": "CollectiveAssignee",
}
COLUMNS = (
    "id", "kind", "pref_zh", "alt_zh", "pref_en", "parent", "member_of", "drawn_from",
    "zh_source", "en_source", "note",
)  # fmt: skip
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Organization:
    """One registry row."""

    id: str
    kind: str  # the ontology class name (see KINDS)
    pref_zh: str
    alt_zh: tuple[str, ...]
    pref_en: str | None
    parent: str | None  # org:subOrganizationOf
    member_of: str | None  # org:memberOf a collective
    drawn_from: str | None  # a collective made of some members of another
    zh_source: str | None
    en_source: str | None
    line: int

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_zh, *self.alt_zh)


@dataclass(frozen=True)
class Registry:
    """Organizations by id, and every name the sources may write for them."""

    path: Path
    organizations: tuple[Organization, ...]
    by_name: dict[str, Organization]

    def resolve(self, mention: Mention, source: str) -> Organization:
        """The organization a cell names: as the document means it, else as it is written."""
        found = self.by_name.get(mention.meant) or self.by_name.get(mention.written)
        if found is None:
            raise SourceError(
                source,
                mention.span.first,
                f"unknown department {mention.written!r}: not in the organization registry "
                f"({self.path})",
                mention.cell,
            )
        return found


def load_registry(path: Path) -> Registry:
    """Read and check the registry CSV; every problem names its line and column."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
            header = tuple(rows[0].keys()) if rows else ()
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(path, None, f"cannot read the registry: {error}") from error
    if header != COLUMNS:
        raise SourceError(path, 1, f"registry columns must be {', '.join(COLUMNS)}", "header")
    organizations = tuple(_organization(row, line, path) for line, row in enumerate(rows, start=2))
    by_name: dict[str, Organization] = {}
    ids = {org.id for org in organizations}
    if len(ids) != len(organizations):
        raise SourceError(path, None, "organization ids are not unique")
    for org in organizations:
        for column in ("parent", "member_of", "drawn_from"):
            target = getattr(org, column)
            if target and target not in ids:
                raise SourceError(path, org.line, f"no organization with id {target!r}", column)
        for name in org.labels:
            other = by_name.setdefault(name, org)
            if other is not org:
                raise SourceError(
                    path, org.line, f"name {name!r} already belongs to {other.id!r}", "alt_zh"
                )
    return Registry(path, organizations, by_name)


def _organization(row: dict[str, str], line: int, path: Path) -> Organization:
    def value(column: str) -> str | None:
        return (row.get(column) or "").strip() or None

    for column in ("id", "kind", "pref_zh"):
        if not value(column):
            raise SourceError(path, line, f"{column} is required", column)
    if value("kind") not in KINDS:
        raise SourceError(path, line, f"kind must be one of {', '.join(KINDS)}", "kind")
    alt = tuple(name.strip() for name in (value("alt_zh") or "").split(LIST_SEPARATOR))
    return Organization(
        id=str(value("id")),
        kind=KINDS[str(value("kind"))],
        pref_zh=str(value("pref_zh")),
        alt_zh=tuple(name for name in alt if name),
        pref_en=value("pref_en"),
        parent=value("parent"),
        member_of=value("member_of"),
        drawn_from=value("drawn_from"),
        zh_source=value("zh_source"),
        en_source=value("en_source"),
        line=line,
    )
