"""The report of a folder's or a dataset's build: one row per document, read or skipped or
failed and why, with what was read of it; and the counts a build prints."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import astuple, dataclass, fields

from rdflib import RDF, SKOS, Graph
from rdflib.namespace import DCTERMS

from kg.errors import SourceError
from kg.graph.iris import IDENTIFIED_BY_RULE, POL, PROV
from kg.registry.organizations import UnresolvedNames
from kg.sources.inputs import Outcome, name_of

READ, SKIPPED, FAILED = "read", "skipped", "error"


@dataclass(frozen=True)
class Row:
    source: str  # the file, or the dataset and record number (policies.csv#17)
    record_id: str
    title: str
    status: str  # read, skipped (assigns nothing), error
    reason: str
    where: str  # file:line (and page or row) of the problem, where known
    form: str
    tasks: int
    assignments: int
    unresolved: int  # names nothing identified, kept as written
    curated: int = 0  # bodies of the curated registry it names
    by_rule: int = 0  # bodies it names that a rule identified
    jurisdiction: str = ""  # the GB/T 2260 codes of its governments' places, and how found


def read_row(outcome: Outcome, graph: Graph, title: str) -> Row:
    document = outcome.document
    assert document is not None
    assignments = sum(len(task.leads) + len(task.cooperators) for task in document.tasks)
    named = identified(graph)
    return Row(
        name_of(outcome.item),
        _record_id(outcome),
        title,
        READ,
        "",
        "",
        document.form,
        len(document.tasks),
        assignments,
        named[UNRESOLVED],
        named[CURATED],
        named[BY_RULE],
        jurisdiction_of(graph),
    )


CURATED, BY_RULE, UNRESOLVED = "curated", "by rule", "unresolved"


def identified(graph: Graph) -> Counter[str]:
    """How many bodies a document's assignments name, by how each was identified."""
    found: Counter[str] = Counter()
    for agent in set(graph.objects(None, PROV.agent)):
        if (agent, RDF.type, POL.UnresolvedAssignee) in graph:
            found[UNRESOLVED] += 1
        elif graph.value(agent, POL.identifiedBy) in IDENTIFIED_BY_RULE:
            found[BY_RULE] += 1
        else:
            found[CURATED] += 1
    return found


def jurisdiction_of(graph: Graph) -> str:
    """A document's places' codes and the evidence for them (441900 (title: 东莞市人民政府…))."""
    document = next(graph.subjects(RDF.type, POL.PolicyDocument), None)
    codes = sorted(
        str(graph.value(place, SKOS.notation)) for place in graph.objects(document, DCTERMS.spatial)
    )
    evidence = graph.value(document, POL.jurisdictionEvidence)
    return f"{' '.join(codes)} ({evidence})" if codes else str(evidence or "")


def unresolved_names(graph: Graph, path: str) -> list[str]:
    """Each assignment's name nothing identified, as file:line, name and why."""
    found = []
    for node, agent in graph.subject_objects(PROV.agent):
        if (agent, RDF.type, POL.UnresolvedAssignee) in graph:
            line = int(graph.value(node, POL.firstLine))
            written = graph.value(node, POL.writtenAs)
            why = graph.value(agent, POL.unresolvedBecause)
            found.append((line, f"{path}:{line} {written}: unresolved ({why})"))
    return [text for _, text in sorted(found)]


def failed_row(outcome: Outcome, error: SourceError) -> Row:
    """A document skipped (it assigns nothing) or stopped by an error, and where."""
    title = getattr(outcome.item, "title", None) or ""
    status = SKIPPED if outcome.skipped and error is outcome.error else FAILED
    reason = error.problem
    if isinstance(error, UnresolvedNames):
        names = "; ".join(f"{m.written} (line {m.span.first})" for m, _ in error.failures)
        reason = f"names the registry does not resolve: {names}"
    return Row(
        name_of(outcome.item), _record_id(outcome), title, status, reason, error.where, "", 0, 0, 0
    )


def naming_summary(rows: list[Row]) -> str:
    """How the names of the documents read were identified."""
    curated = sum(row.curated for row in rows)
    by_rule = sum(row.by_rule for row in rows)
    unresolved = sum(row.unresolved for row in rows)
    return (
        f"bodies named: {curated} curated (registry), {by_rule} identified by rule, "
        f"{unresolved} names unresolved (kept as written)"
    )


def _record_id(outcome: Outcome) -> str:
    return getattr(outcome.item, "id", None) or ""


def report_bytes(rows: list[Row]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([field.name for field in fields(Row)])
    writer.writerows(astuple(row) for row in rows)
    return out.getvalue().encode("utf-8")


def summary(rows: list[Row]) -> str:
    """N read (T tasks, A assignments), M skipped, K failed."""
    counts = Counter(row.status for row in rows)
    tasks = sum(row.tasks for row in rows)
    assignments = sum(row.assignments for row in rows)
    return (
        f"{counts[READ]} documents read ({tasks} tasks, {assignments} assignments), "
        f"{counts[SKIPPED]} skipped (nothing assigned), {counts[FAILED]} failed"
    )
