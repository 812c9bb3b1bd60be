"""The collaboration network of bodies: two bodies are tied where they share a task.

Built from the answers to the two catalogue questions the explore page asks
(assignments-for-pictures, governments-of-bodies), so the files written here and the page's
picture show the same network; written as GraphML or GEXF (Gephi, NetworkX, igraph) or as a CSV
edge list by `policykg network` and by /explore/network.{graphml,gexf,csv}.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import networkx as nx
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples, Store

from kg.questions import load_questions
from kg.store.query import run
from kg.store.sparql_store import SparqlStore

ASSIGNMENTS, GOVERNMENTS = "assignments-for-pictures", "governments-of-bodies"
Row = dict[str, str | None]


class NetworkFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


MEDIA_TYPES = {
    NetworkFormat.graphml: "application/graphml+xml",
    NetworkFormat.gexf: "application/gexf+xml",
    NetworkFormat.csv: "text/csv; charset=utf-8",
}
EDGE_COLUMNS = ("source", "target", "source_label", "target_label", "weight", "lead_lead",
                "lead_cooperating", "cooperating_cooperating", "documents", "years")  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """What the explore page's filters keep (None: everything): a document (IRI), a theme, a
    role (lead, cooperating), a government (its group key), a level and a year of issue."""

    document: str | None = None
    theme: str | None = None
    role: str | None = None
    government: str | None = None
    level: str | None = None
    year: str | None = None


@dataclass(frozen=True)
class Government:
    """The government a body works under: the group key is its place's GB/T 2260 code where the
    graph gives one (dcterms:spatial), else its IRI; the name is the place's, else its own."""

    iri: str
    name: str
    level: str | None
    code: str | None

    @property
    def key(self) -> str:
        return self.code or self.iri


@dataclass
class Body:
    iri: str
    name: str
    kind: str
    government: Government | None
    lead: set[str] = field(default_factory=set)
    cooperating: set[str] = field(default_factory=set)


@dataclass
class Tie:
    """Two bodies (source < target by IRI) and the tasks they share, each task's pairing of
    roles, and the documents and years those tasks come from."""

    source: str
    target: str
    tasks: set[str] = field(default_factory=set)
    roles: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Network:
    bodies: dict[str, Body]
    ties: list[Tie]


def answers(store: Store | SparqlStore, merge: str | None) -> tuple[list[Row], list[Row]]:
    """The two questions' answers over a store, each row by variable name."""
    queries = {q.id: q.query for q in load_questions()}
    return rows(run(store, queries[ASSIGNMENTS], merge)), rows(
        run(store, queries[GOVERNMENTS], merge)
    )


def rows(result: QuerySolutions | QueryBoolean | QueryTriples) -> list[Row]:
    assert isinstance(result, QuerySolutions), "a question that is not a SELECT"
    names = [v.value for v in result.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]


def governments(answer: list[Row]) -> dict[str, Government]:
    """Each body's government (its first row where the graph gives it more than one)."""
    found: dict[str, Government] = {}
    for row in answer:
        if row["body"] in found or row["government"] is None:
            continue
        name = row["place"] or row["governmentName"] or row["government"]
        found[row["body"]] = Government(row["government"], name, row["level"], row["code"])
    return found


def kept(row: Row, government: Government | None, filters: Filters) -> bool:
    return (
        filters.document in (None, row["doc"])
        and filters.theme in (None, row["theme"])
        and filters.role in (None, row["role"])
        and filters.year in (None, row["year"])
        and filters.government in (None, government and government.key)
        and filters.level in (None, government and government.level)
    )


def collaboration(
    assignments: list[Row], bodies_of: list[Row], filters: Filters = Filters()
) -> Network:
    """The bodies of the kept assignments with the tasks they lead and cooperate on, and a tie
    for every two bodies that share a task (in any roles)."""
    under = governments(bodies_of)
    bodies: dict[str, Body] = {}
    members: dict[str, dict[str, str]] = {}  # task -> body -> its role (lead wins)
    origin: dict[str, tuple[str, str | None]] = {}  # task -> document, year
    for row in assignments:
        iri, task = row["body"], row["task"]
        assert iri and task
        if not kept(row, under.get(iri), filters):
            continue
        body = bodies.setdefault(
            iri, Body(iri, row["name"] or iri, row["kind"] or "", under.get(iri))
        )
        (body.lead if row["role"] == "lead" else body.cooperating).add(task)
        roles = members.setdefault(task, {})
        roles[iri] = "lead" if row["role"] == "lead" or roles.get(iri) == "lead" else "cooperating"
        origin[task] = (row["document"] or row["doc"] or "", row["year"])
    ties: dict[tuple[str, str], Tie] = {}
    for task, roles in members.items():
        ordered = sorted(roles)
        for i, source in enumerate(ordered):
            for target in ordered[i + 1 :]:
                tie = ties.setdefault((source, target), Tie(source, target))
                tie.tasks.add(task)
                tie.roles["_".join(sorted((roles[source], roles[target]), reverse=True))] += 1
                document, year = origin[task]
                tie.documents.add(document)
                tie.years.update([year] if year else [])
    return Network(bodies, [ties[pair] for pair in sorted(ties)])


def graph(network: Network) -> nx.Graph:
    """The network as a NetworkX graph: node ids are the bodies' IRIs; an attribute the graph
    does not give (a place code, a year) is left out rather than written empty."""
    made = nx.Graph()
    for iri in sorted(network.bodies):
        body = network.bodies[iri]
        government = body.government
        attributes = {
            "label": body.name,
            "kind": body.kind,
            "lead": len(body.lead),
            "cooperating": len(body.cooperating),
            "tasks": len(body.lead | body.cooperating),
        }
        if government is not None:
            attributes |= {"government": government.name, "government_iri": government.iri}
            attributes |= {"level": government.level} if government.level else {}
            attributes |= {"place_code": government.code} if government.code else {}
        made.add_node(iri, **attributes)
    for tie in network.ties:
        made.add_edge(tie.source, tie.target, **edge_attributes(tie))
    return made


def edge_attributes(tie: Tie) -> dict[str, int | str]:
    attributes: dict[str, int | str] = {
        "weight": len(tie.tasks),
        "lead_lead": tie.roles["lead_lead"],
        "lead_cooperating": tie.roles["lead_cooperating"],
        "cooperating_cooperating": tie.roles["cooperating_cooperating"],
        "documents": "; ".join(sorted(tie.documents)),
    }
    return attributes | ({"years": "; ".join(sorted(tie.years))} if tie.years else {})


def edge_list(network: Network) -> str:
    """The ties as a CSV edge list (Gephi's edges table): one row per pair of bodies."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EDGE_COLUMNS)
    for tie in network.ties:
        attributes = edge_attributes(tie)
        names = (network.bodies[tie.source].name, network.bodies[tie.target].name)
        writer.writerow([tie.source, tie.target, *names,
                         *(attributes.get(c, "") for c in EDGE_COLUMNS[4:])])  # fmt: skip
    return buffer.getvalue()


def format_of(path: Path | None) -> NetworkFormat:
    """The format a file's suffix names; GraphML for any other file, and for stdout."""
    suffix = path.suffix.lower().lstrip(".") if path else ""
    return NetworkFormat(suffix) if suffix in set(NetworkFormat) else NetworkFormat.graphml


def write(network: Network, fmt: NetworkFormat) -> bytes:
    if fmt == NetworkFormat.csv:
        return edge_list(network).encode("utf-8")
    buffer = io.BytesIO()
    writer = nx.write_graphml if fmt == NetworkFormat.graphml else nx.write_gexf
    writer(graph(network), buffer)
    return buffer.getvalue()


def export(
    store: Store | SparqlStore,
    fmt: NetworkFormat,
    filters: Filters = Filters(),
    merge: str | None = None,
) -> bytes:
    """The collaboration network of a store's graph (its default graph with the named graphs
    under `merge`), filtered as the explore page filters it, in a format."""
    return write(collaboration(*answers(store, merge), filters), fmt)
