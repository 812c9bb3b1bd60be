"""The curated registry of organizations: official names, the forms the sources write, kinds,
and the dates each body bore its name, so a name resolves to the body of the document's day."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

from kg.csvfile import read_rows, unique_ids, value, values
from kg.errors import SourceError
from kg.sources.records import Mention

KINDS = {
    "municipal-government": "MunicipalGovernment",
    "municipal-department": "MunicipalDepartment",
    "vertically-managed-bureau": "VerticallyManagedBureau",
    "national-agency": "NationalAgency",
    "district-government": "DistrictGovernment",
    "collective": "CollectiveAssignee",
    "central-government": "CentralGovernment",
    "provincial-government": "ProvincialGovernment",
    "provincial-department": "ProvincialDepartment",
    "party-committee": "PartyCommittee",
    "party-department": "PartyDepartment",
    "people-organization": "PeoplesOrganization",
    "court": "Court",
    "procuratorate": "Procuratorate",
    "public-institution": "PublicInstitution",
    "county-government": "CountyGovernment",
    "county-department": "CountyDepartment",
    "supervisory-commission": "SupervisoryCommission",
}
GOVERNMENTS = {"MunicipalGovernment", "ProvincialGovernment", "CentralGovernment"}
COLUMNS = (
    "id", "kind", "pref_zh", "alt_zh", "pref_en", "parent", "member_of", "drawn_from",
    "zh_source", "en_source", "valid_from", "valid_until", "note",
)  # fmt: skip
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # 2019, 2019-01 or 2019-01-15
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
    valid_from: str | None = None  # the day (or month, or year) it took this name
    valid_until: str | None = None  # the day it gave the name up (merged, renamed, abolished)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_zh, *self.alt_zh)

    def existed_on(self, day: dt.date) -> bool:
        """Whether it bore its name on a day (a period given as a year or month starts on its
        first day)."""
        start = first_day(self.valid_from) if self.valid_from else dt.date.min
        end = first_day(self.valid_until) if self.valid_until else dt.date.max
        return start <= day < end


def first_day(text: str) -> dt.date:
    parts = [int(part) for part in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


class Unresolved(LookupError):
    """A name the registry cannot resolve, with why and the registry names closest to it."""

    def __init__(self, reason: str, closest: tuple[str, ...] = ()):
        self.reason = reason
        self.closest = closest
        super().__init__(reason)


class UnresolvedNames(SourceError):
    """Every name of a source the registry cannot resolve, each located, with the closest names."""

    def __init__(
        self, path: Path | str, registry: Path | str, failures: list[tuple[Mention, Unresolved]]
    ) -> None:
        self.failures = failures
        self.registry = str(registry)
        first = failures[0][0].span.first if failures else None
        super().__init__(path, first, f"{len(failures)} name(s) not resolved")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.registry, self.failures))

    def __str__(self) -> str:
        lines = [
            f"{self.path}: {len(self.failures)} name(s) the registry ({self.registry}) "
            "does not resolve:"
        ]
        for mention, failure in self.failures:
            closest = f"; closest: {', '.join(failure.closest)}" if failure.closest else ""
            lines.append(
                f"  {self.path}:{mention.span.first} [cell {mention.cell}] "
                f"{mention.written!r}: {failure.reason}{closest}"
            )
        lines.append("  (policykg build --keep-unresolved builds anyway, keeping them as written)")
        return "\n".join(lines)


@dataclass(frozen=True)
class Registry:
    """Organizations by id, and every name the sources may write for them."""

    path: Path
    organizations: tuple[Organization, ...]
    by_name: dict[str, tuple[Organization, ...]]

    @cached_property
    def by_id(self) -> dict[str, Organization]:
        return {org.id: org for org in self.organizations}

    def get(self, org_id: str) -> Organization:
        return self.by_id[org_id]

    def checked(self, ids: tuple[str, ...], path: Path, line: int, column: str) -> tuple[str, ...]:
        """The ids, each that of a registered body; one that is not names its line and cell."""
        for org_id in ids:
            if org_id not in self.by_id:
                raise SourceError(path, line, f"no organization with id {org_id!r}", column)
        return ids

    def root(self, org_id: str) -> str:
        """The government an organization belongs to: itself if it is one, else the first
        government up its org:subOrganizationOf chain (or the chain's top)."""
        org = self.get(org_id)
        return self.root(org.parent) if org.parent and org.kind not in GOVERNMENTS else org.id

    def apart(self, a: Organization, b: Organization) -> bool:
        """Whether two bodies belong to different governments (both placed under one)."""
        return bool(a.parent and b.parent) and self.root(a.id) != self.root(b.id)

    def closest(self, name: str, count: int = 3) -> tuple[str, ...]:
        """The registry names most like a name (for an error message, never for resolving)."""
        return tuple(difflib.get_close_matches(name, self.by_name, n=count, cutoff=0.4))


def period(org: Organization) -> str:
    """A body's name and the period it bore it, for messages."""
    return f"{org.pref_zh} ({org.valid_from or '…'} to {org.valid_until or '…'})"


def load_registry(path: Path) -> Registry:
    """Read and check the registry CSV; every problem names its line and column."""
    organizations = tuple(_organization(row, line, path) for line, row in read_rows(path, COLUMNS))
    unique_ids(path, ((org.id, org.line) for org in organizations))
    ids = {org.id for org in organizations}
    by_name: dict[str, tuple[Organization, ...]] = {}
    for org in organizations:
        for column in ("parent", "member_of", "drawn_from"):
            target = getattr(org, column)
            if target and target not in ids:
                raise SourceError(path, org.line, f"no organization with id {target!r}", column)
        for name in org.labels:
            by_name[name] = (*by_name.get(name, ()), org)
    registry = Registry(path, organizations, by_name)
    _check_names(registry)
    return registry


def _check_names(registry: Registry) -> None:
    """A name may be borne by two bodies only at different times or under different governments."""
    for name, orgs in registry.by_name.items():
        for i, org in enumerate(orgs):
            for other in orgs[:i]:
                if overlap(org, other) and not registry.apart(org, other):
                    problem = f"name {name!r} already belongs to {other.id!r} at the same time"
                    raise SourceError(registry.path, org.line, problem, "alt_zh")


class Dated(Protocol):
    """Anything with the period of a name: a registry body, a standard name of the lexicon."""

    valid_from: str | None
    valid_until: str | None


def overlap(a: Dated, b: Dated) -> bool:
    """Whether two names were borne at the same time (open ends run forever)."""
    a_start = first_day(a.valid_from) if a.valid_from else dt.date.min
    b_start = first_day(b.valid_from) if b.valid_from else dt.date.min
    a_end = first_day(a.valid_until) if a.valid_until else dt.date.max
    b_end = first_day(b.valid_until) if b.valid_until else dt.date.max
    return a_start < b_end and b_start < a_end


def _organization(row: dict[str, str], line: int, path: Path) -> Organization:
    for column in ("id", "kind", "pref_zh"):
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)
    if not ID.match(str(value(row, "id"))):
        raise SourceError(path, line, "an id is lower-case letters, digits and hyphens", "id")
    if value(row, "kind") not in KINDS:
        raise SourceError(path, line, f"kind must be one of {', '.join(KINDS)}", "kind")
    return Organization(
        id=str(value(row, "id")),
        kind=KINDS[str(value(row, "kind"))],
        pref_zh=str(value(row, "pref_zh")),
        alt_zh=values(row, "alt_zh"),
        pref_en=value(row, "pref_en"),
        parent=value(row, "parent"),
        member_of=value(row, "member_of"),
        drawn_from=value(row, "drawn_from"),
        zh_source=value(row, "zh_source"),
        en_source=value(row, "en_source"),
        line=line,
        valid_from=_date(row, "valid_from", line, path),
        valid_until=_date(row, "valid_until", line, path),
    )


def _date(row: dict[str, str], column: str, line: int, path: Path) -> str | None:
    text = value(row, column)
    if text is None:
        return None
    if not DATE.match(text):
        raise SourceError(path, line, "a date is YYYY, YYYY-MM or YYYY-MM-DD", column)
    try:
        first_day(text)
    except ValueError as error:
        raise SourceError(path, line, f"not a date: {error}", column) from error
    return text
