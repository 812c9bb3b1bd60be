"""Answers as pandas DataFrames: a catalogue question or any SPARQL text, over the local graph or
a SPARQL endpoint (kg.store.remote, which refuses an answer the store cut short); numbers typed,
dates as dates, everything else strings.

    from kg.frames import frame
    leads = frame("lead-most-tasks")                      # the local graph
    remote = frame("lead-most-tasks", "http://127.0.0.1:8000/sparql")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from pyoxigraph import Literal, QuerySolutions

from kg.questions import load_questions
from kg.store.dataset import default_files, load_store
from kg.store.query import MERGED, QueryError, run
from kg.store.remote import Endpoint

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {
    XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")
}
NUMBERS = INTEGERS | {XSD + t for t in ("decimal", "double", "float")}
DATES = {XSD + "date", XSD + "dateTime"}
Cell = tuple[str, str | None] | None  # the lexical value and its datatype


def frame(
    question: str, source: str | Path | Sequence[Path] | None = None, infer: bool = True
) -> pd.DataFrame:
    """The answer to a SELECT query (a catalogue question's id, or SPARQL text) as a DataFrame.

    source: None for the built graph (with its inferences), RDF files, or an endpoint URL."""
    text = query_text(question)
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        columns, rows = remote(source, text)
    else:
        paths = [Path(source)] if isinstance(source, str | Path) else source
        columns, rows = local(list(paths) if paths else default_files(), text, infer)
    return typed(columns, rows)


def query_text(question: str) -> str:
    for known in load_questions():
        if known.id == question:
            return known.query
    return question


def local(paths: list[Path], text: str, infer: bool) -> tuple[list[str], list[list[Cell]]]:
    return table(run(load_store(paths), text, MERGED if infer else None))


def remote(endpoint: str, text: str) -> tuple[list[str], list[list[Cell]]]:
    return table(Endpoint(endpoint).query(text))


def table(result: object) -> tuple[list[str], list[list[Cell]]]:
    """A SELECT answer's variables and rows of cells."""
    if not isinstance(result, QuerySolutions):
        raise QueryError("a DataFrame holds the answer of a SELECT query")
    columns = [variable.value for variable in result.variables]
    rows = [[cell(solution[name]) for name in columns] for solution in result]
    return columns, rows


def cell(term: object) -> Cell:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.value, term.datatype.value
    return str(getattr(term, "value", term)), None


def typed(columns: list[str], rows: list[list[Cell]]) -> pd.DataFrame:
    """One column per variable: integers, numbers and dates where every value is one."""
    data = {}
    for index, name in enumerate(columns):
        cells = [row[index] for row in rows]
        kinds = {c[1] for c in cells if c is not None}
        values = [None if c is None else c[0] for c in cells]
        if kinds and kinds <= INTEGERS:
            data[name] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        elif kinds and kinds <= NUMBERS:
            data[name] = pd.array(
                [None if v is None else float(v) for v in values], dtype="Float64"
            )
        elif kinds and kinds <= DATES:
            data[name] = pd.to_datetime(pd.Series(values, dtype="string"))
        else:
            data[name] = pd.array(values, dtype="string")
    return pd.DataFrame(data, columns=columns)
