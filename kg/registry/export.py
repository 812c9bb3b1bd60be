"""The bodies a build identified by rule, written as registry rows (organizations.csv and
places.csv, with the names the documents wrote as alt_zh) for a person to review, cite and
promote into the curated registry."""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass

from rdflib import RDF, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.csvfile import LIST_SEPARATOR
from kg.graph.iris import BASE, IDENTIFIED_BY_RULE, ORG, POL, PROV
from kg.registry.organizations import COLUMNS, KINDS
from kg.registry.places import COLUMNS as PLACE_COLUMNS

KIND_NAMES = {cls: name for name, cls in KINDS.items()}
ORGANIZATIONS = BASE + "org/"


@dataclass(frozen=True)
class Proposed:
    """A body identified by rule, as the two registry rows that would curate it."""

    organization: dict[str, str]
    place: dict[str, str]


def proposed(graph: Graph) -> list[Proposed]:
    """Every body identified by rule, ordered by place and name, each with an id made from its
    place's key and its area of work (441900-finance); where two bodies would share it (水利局
    and 水务局 of one city), or for a collective, with a digest of its name too."""
    bodies = sorted(
        {body for rule in IDENTIFIED_BY_RULE for body in graph.subjects(POL.identifiedBy, rule)},
        key=str,
    )
    plain = {body: _plain_id(graph, body) for body in bodies}
    uses = Counter(plain.values())
    ids = {
        body: _digested(graph, body, key) if uses[key] > 1 or _collective(graph, body) else key
        for body, key in plain.items()
    }
    return [_rows(graph, body, ids) for body in bodies]


def _plain_id(graph: Graph, body: URIRef) -> str:
    place = str(graph.value(body, DCTERMS.spatial)).rsplit("/", 1)[-1].lower()
    return f"{place}-{graph.value(body, POL.areaOfWork) or 'collective'}"


def _collective(graph: Graph, body: URIRef) -> bool:
    return graph.value(body, POL.areaOfWork) is None


def _digested(graph: Graph, body: URIRef, key: str) -> str:
    name = str(graph.value(body, SKOS.prefLabel))
    return f"{key}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def _rows(graph: Graph, body: URIRef, ids: dict[URIRef, str]) -> Proposed:
    kind = next(
        KIND_NAMES[str(cls).removeprefix(str(POL))]
        for cls in graph.objects(body, RDF.type)
        if str(cls).removeprefix(str(POL)) in KIND_NAMES
    )
    parent = graph.value(body, ORG.subOrganizationOf)
    if parent in ids:
        parent_id = ids[parent]  # type: ignore[index]
    else:
        parent_id = str(parent).removeprefix(ORGANIZATIONS) if parent else ""
    name = str(graph.value(body, SKOS.prefLabel))
    written = sorted(
        {str(graph.value(node, POL.writtenAs)) for node in graph.subjects(PROV.agent, body)}
        - {name}
    )
    source = graph.value(body, POL.nameSource)
    rule = graph.value(body, POL.identificationRule)
    organization = dict.fromkeys(COLUMNS, "")
    organization.update(
        id=ids[body],
        kind=kind,
        pref_zh=name,
        alt_zh=LIST_SEPARATOR.join(written),
        parent=parent_id,
        valid_from=str(graph.value(body, POL.validFrom) or ""),
        valid_until=str(graph.value(body, POL.validUntil) or ""),
        note=(
            f"Identified by rule ({rule}); the standard name's source is {source}. Review: cite "
            "a page that names this body in zh_source before promoting it."
            if source
            else f"Identified by rule ({rule}). Review before promoting it."
        ),
    )
    code = str(graph.value(graph.value(body, DCTERMS.spatial), SKOS.notation))
    place = {"organization": ids[body], "division": code, "note": "identified by rule"}
    return Proposed(organization, place)


def export_bytes(rows: list[Proposed]) -> tuple[bytes, bytes]:
    """organizations.csv rows, and places.csv rows."""
    return (
        _csv(COLUMNS, [row.organization for row in rows]),
        _csv(PLACE_COLUMNS, [row.place for row in rows]),
    )


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
