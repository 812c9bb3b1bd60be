"""The lexical reading of queries the endpoint acts on: which queries are one triple pattern
(run in the server, their work bounded by their answer) and a query's own LIMIT."""

from __future__ import annotations

import pytest

from kg.store.sparql_text import one_pattern, outer_limit

ONE_PATTERN = [
    "SELECT ?d WHERE { <urn:s> <urn:p> ?d }",
    "PREFIX x: <urn:x:> SELECT * { x:s ?p ?o . } LIMIT 10",
    "ASK { ?s a <urn:C> }",
    'SELECT ?s { ?s <urn:p> "名称"@zh }',
    'SELECT ?s { ?s <urn:p> "1"^^<urn:int> }',
]
NOT_ONE_PATTERN = {
    "DISTINCT keeps every row seen": "SELECT DISTINCT ?s { ?s ?p ?o }",
    "a FILTER may reject all it scans": "SELECT ?s { ?s ?p ?o FILTER(false) }",
    "OFFSET scans what it skips": "SELECT ?s { ?s ?p ?o } OFFSET 100000",
    "ORDER BY sorts the whole": "SELECT ?s { ?s ?p ?o } ORDER BY ?s",
    "an aggregate reads the whole": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "a path walks": "SELECT ?s { ?s <urn:p>/<urn:q> ?o }",
    "two patterns join": "SELECT ?s { ?s <urn:p> ?o ; <urn:q> ?x }",
    "a subquery": "SELECT ?s { { SELECT ?s { ?s ?p ?o } ORDER BY ?s } }",
    "its own dataset": "SELECT ?s FROM <urn:g> { ?s ?p ?o }",
    "a GRAPH": "SELECT ?s { GRAPH ?g { ?s ?p ?o } }",
    "a graph result": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "a variable twice scans what does not match": "SELECT ?x { ?x ?p ?x }",
    "a number literal (not read here)": "SELECT ?s { ?s ?p 12 }",
    "an empty group": "ASK {}",
}


@pytest.mark.parametrize("query", ONE_PATTERN)
def test_one_triple_pattern_is_recognized(query: str) -> None:
    assert one_pattern(query)


@pytest.mark.parametrize("query", NOT_ONE_PATTERN.values(), ids=NOT_ONE_PATTERN.keys())
def test_anything_more_is_left_to_the_workers(query: str) -> None:
    assert not one_pattern(query)


def test_the_limit_of_the_query_as_a_whole() -> None:
    assert outer_limit("SELECT * { ?s ?p ?o } LIMIT 10") == 10
    assert outer_limit("select * {} limit 7 offset 2") == 7
    assert outer_limit("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 3 } }") is None
    assert outer_limit('SELECT * { ?s ?p "LIMIT 4" }') is None
