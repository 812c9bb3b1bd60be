"""Query results written in the formats the command line offers."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

from kg.graph.iris import compact


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


RESULTS_WRITERS = {
    OutputFormat.json: QueryResultsFormat.JSON,
    OutputFormat.csv: QueryResultsFormat.CSV,
    OutputFormat.tsv: QueryResultsFormat.TSV,
    OutputFormat.xml: QueryResultsFormat.XML,
}
GRAPH_WRITERS = {
    OutputFormat.turtle: RdfFormat.TURTLE,
    OutputFormat.ntriples: RdfFormat.N_TRIPLES,
    OutputFormat.jsonld: RdfFormat.JSON_LD,
    OutputFormat.rdfxml: RdfFormat.RDF_XML,
}


def render(result: QuerySolutions | QueryBoolean | QueryTriples, fmt: OutputFormat) -> str:
    """Write any query result in the requested format (table is for people)."""
    if isinstance(result, QueryTriples):
        if fmt == OutputFormat.table:
            rows = [[short(t.subject), short(t.predicate), short(t.object)] for t in result]
            return table(["subject", "predicate", "object"], rows)
        graph_format = GRAPH_WRITERS.get(fmt)
        if graph_format is None:
            raise ValueError(f"a graph result cannot be written as {fmt}")
        return result.serialize(format=graph_format).decode("utf-8")
    if fmt == OutputFormat.table:
        if isinstance(result, QueryBoolean):
            return "true\n" if bool(result) else "false\n"
        variables = [v.value for v in result.variables]
        rows = [[short(solution[name]) for name in variables] for solution in result]
        return table(variables, rows)
    results_format = RESULTS_WRITERS.get(fmt)
    if results_format is None:
        raise ValueError(f"a SELECT or ASK result cannot be written as {fmt}")
    return result.serialize(format=results_format).decode("utf-8")


def short(term: object) -> str:
    """A term as a person reads it: prefixed names, literal values without quotes."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return compact(term.value) or f"<{term.value}>"
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return term.value
    return str(term)


def width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max([width(h), *(width(row[i]) for row in rows)]) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True))

    rule = "-+-".join("-" * w for w in widths)
    body = [line(headers), rule, *(line(row) for row in rows)]
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
    return "\n".join([*(b.rstrip() for b in body), count]) + "\n"
