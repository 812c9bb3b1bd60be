"""The curated registry of organizations: official names, the forms the sources write, kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.registry.csvfile import read_rows, value
from kg.sources.records import Mention

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
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # the last segment of the organization's IRI


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

    @property
    def ids(self) -> set[str]:
        return {org.id for org in self.organizations}

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
    organizations = tuple(_organization(row, line, path) for line, row in read_rows(path, COLUMNS))
    first_line: dict[str, int] = {}
    for org in organizations:
        line = first_line.setdefault(org.id, org.line)
        if line != org.line:
            raise SourceError(path, org.line, f"id {org.id!r} is already used on line {line}", "id")
    by_name: dict[str, Organization] = {}
    for org in organizations:
        for column in ("parent", "member_of", "drawn_from"):
            target = getattr(org, column)
            if target and target not in first_line:
                raise SourceError(path, org.line, f"no organization with id {target!r}", column)
        for name in org.labels:
            other = by_name.setdefault(name, org)
            if other is not org:
                raise SourceError(
                    path, org.line, f"name {name!r} already belongs to {other.id!r}", "alt_zh"
                )
    return Registry(path, organizations, by_name)


def _organization(row: dict[str, str], line: int, path: Path) -> Organization:
    for column in ("id", "kind", "pref_zh"):
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)
    if not ID.match(str(value(row, "id"))):
        raise SourceError(path, line, "an id is lower-case letters, digits and hyphens", "id")
    if value(row, "kind") not in KINDS:
        raise SourceError(path, line, f"kind must be one of {', '.join(KINDS)}", "kind")
    alt = (value(row, "alt_zh") or "").split(LIST_SEPARATOR)
    return Organization(
        id=str(value(row, "id")),
        kind=KINDS[str(value(row, "kind"))],
        pref_zh=str(value(row, "pref_zh")),
        alt_zh=tuple(name.strip() for name in alt if name.strip()),
        pref_en=value(row, "pref_en"),
        parent=value(row, "parent"),
        member_of=value(row, "member_of"),
        drawn_from=value(row, "drawn_from"),
        zh_source=value(row, "zh_source"),
        en_source=value(row, "en_source"),
        line=line,
    )
