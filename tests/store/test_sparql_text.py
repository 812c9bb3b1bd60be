"""The lexical reading of queries the endpoint acts on: which queries are one triple pattern
(run in the server, their work bounded by their answer) and a query's own LIMIT."""

from __future__ import annotations

import pytest

from kg.store.sparql_text import (
    SparqlTextError,
    nesting,
    one_pattern,
    outer_limit,
    tokenize,
    unescape,
)

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


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in tokenize(text)]


def test_tokens_follow_the_grammars_terminals() -> None:
    """VARNAME has no . or -, PN_LOCAL no final dot, a keyword no dot: as the engine reads them."""
    assert kinds("?z.SERVICE $z-1") == [
        ("var", "?z"), ("other", "."), ("word", "SERVICE"), ("var", "$z"), ("other", "-"),
        ("number", "1"),
    ]  # fmt: skip
    assert kinds("ex:a.b. :c\\-d true.SERVICE _:b1.") == [
        ("pname", "ex:a.b"), ("other", "."), ("pname", ":c\\-d"), ("word", "true"),
        ("other", "."), ("word", "SERVICE"), ("pname", "_:b1"), ("other", "."),
    ]  # fmt: skip


@pytest.mark.parametrize("opening", ["'", '"', "'''", '"""'])
def test_an_unclosed_string_is_one_token_so_nothing_is_read_twice(opening: str) -> None:
    """The quadratic lexer read the rest of the text again from every quote."""
    text = opening + "\\'" * 1000
    assert [t.kind for t in tokenize(text)] == ["string"]


def test_a_run_of_names_is_scanned_once_and_split_into_words() -> None:
    tokens = tokenize("a." * 1000)
    assert [t.text for t in tokens[:4]] == ["a", ".", "a", "."] and len(tokens) == 2000


@pytest.mark.parametrize("escape", ["\\U00110000", "\\uD800", "\\UFFFFFFFF"])
def test_an_escape_of_no_character_is_refused(escape: str) -> None:
    with pytest.raises(SparqlTextError, match="names no character"):
        unescape(f'SELECT ("{escape}" AS ?x) {{}}')


def test_nesting_counts_brackets_outside_strings_iris_and_comments() -> None:
    assert nesting("SELECT * { { FILTER((1)) } }") == 4
    assert nesting('SELECT * { BIND("((((" AS ?x) } # {{{{') == 2
    assert nesting("ASK { ?s ?p ( ( 1 ) ) }") == 3
