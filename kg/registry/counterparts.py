"""Which provincial and national body stands above each municipal (and provincial) body: one
row per link, each cited, holding while both bodies bear their names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.csvfile import read_rows, unique_ids, value
from kg.errors import SourceError
from kg.registry.changes import URL
from kg.registry.organizations import KINDS, Registry, overlap

COLUMNS = ("body", "level", "counterpart", "basis", "source", "quote", "note")
MUNICIPAL = {
    KINDS[k] for k in ("municipal-government", "municipal-department", "vertically-managed-bureau")
}
PROVINCIAL = {
    KINDS[k]
    for k in ("provincial-government", "provincial-department", "vertically-managed-bureau")
}
NATIONAL = {KINDS[k] for k in ("central-government", "national-agency")}
# level -> (the ontology property, the kinds a body may be, the kinds its counterpart may be)
LEVELS = {
    "provincial": ("provincialCounterpart", MUNICIPAL, PROVINCIAL),
    "national": ("nationalCounterpart", MUNICIPAL | PROVINCIAL, NATIONAL),
}
BASES = {
    "stated": "the source ties the two bodies together (the quote says how)",
    "same-area": "the source gives the counterpart's official name; the pairing is by area of work",
}


@dataclass(frozen=True)
class Counterpart:
    body: str
    property: str  # pol:provincialCounterpart or pol:nationalCounterpart
    counterpart: str
    basis: str
    source: str
    quote: str | None
    note: str | None
    line: int


def load_counterparts(path: Path, registry: Registry) -> tuple[Counterpart, ...]:
    """Read and check the links; a problem names its line and column."""
    if not path.exists():
        return ()
    links = tuple(_link(row, line, path, registry) for line, row in read_rows(path, COLUMNS))
    keys = (((link.body, link.property, link.counterpart), link.line) for link in links)
    unique_ids(path, keys, "counterpart", "the same link is on line {first}")
    return links


def _link(row: dict[str, str], line: int, path: Path, registry: Registry) -> Counterpart:
    for column in ("body", "level", "counterpart", "basis", "source"):
        if not value(row, column):
            raise SourceError(path, line, f"{column} is required", column)
    level = str(value(row, "level"))
    if level not in LEVELS:
        raise SourceError(path, line, f"level must be one of {', '.join(LEVELS)}", "level")
    prop, body_kinds, counterpart_kinds = LEVELS[level]
    body = _organization(row, "body", body_kinds, line, path, registry)
    counterpart = _organization(row, "counterpart", counterpart_kinds, line, path, registry)
    if not overlap(registry.get(body), registry.get(counterpart)):
        raise SourceError(
            path, line, f"{body} and {counterpart} never bore their names at the same time",
            "counterpart",
        )  # fmt: skip
    basis = str(value(row, "basis"))
    if basis not in BASES:
        raise SourceError(path, line, f"basis must be one of {', '.join(BASES)}", "basis")
    if basis == "stated" and not value(row, "quote"):
        raise SourceError(path, line, "a stated link quotes its source", "quote")
    if not URL.match(str(value(row, "source"))):
        raise SourceError(path, line, "the source is the address of a public page", "source")
    return Counterpart(
        body, prop, counterpart, basis, str(value(row, "source")),
        value(row, "quote"), value(row, "note"), line,
    )  # fmt: skip


def _organization(
    row: dict[str, str], column: str, kinds: set[str], line: int, path: Path, registry: Registry
) -> str:
    (org_id,) = registry.checked((str(value(row, column)),), path, line, column)
    kind = registry.get(org_id).kind
    if kind not in kinds:
        raise SourceError(
            path, line, f"{org_id} is a {kind}; the {column} must be {' or '.join(sorted(kinds))}",
            column,
        )  # fmt: skip
    return org_id
