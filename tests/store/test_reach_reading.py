"""What a request reaches, read from its parse: each SERVICE and LOAD target as the engine would
call it, and whether the request names its own dataset."""

from __future__ import annotations

import pytest

from kg.store.reach import NOTHING, Target, Unreadable, may_reach, read


def targets(text: str, update: bool = False) -> list[Target]:
    return list(read(text, {"pol": "https://w3id.org/policykg/ontology#"}, update).targets)


def test_a_keyword_glued_to_a_variable_is_a_keyword() -> None:
    query = "SELECT * { ?x ?y ?z.SERVICE <http://a.example/sparql> { } }"
    assert targets(query) == [Target("SERVICE", "http://a.example/sparql")]


def test_targets_named_by_prefixes_and_escapes_are_expanded() -> None:
    query = "PREFIX r: <http://a.example/> SELECT * { SERVICE SILENT r:spar\\-ql { } }"
    assert targets(query) == [Target("SERVICE", "http://a.example/spar-ql")]
    assert targets("SELECT * { \\u0053ERVICE <http://b.example/> { } }")[0].iri == (
        "http://b.example/"
    )


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("SELECT * { SERVICE ?e { } }", "a variable"),
        ("SELECT * { SERVICE q:x { } }", "prefix q: is not declared"),
        ("BASE <http://a.example/> SELECT * { SERVICE <sparql> { } }", "relative"),
    ],
)
def test_targets_that_cannot_be_checked_say_why(query: str, problem: str) -> None:
    (found,) = targets(query)
    assert found.iri is None and problem in (found.problem or "")


def test_mentions_in_strings_iris_and_comments_reach_nothing() -> None:
    query = 'SELECT * { BIND("SERVICE <http://a/> {}" AS ?x) ?s <urn:service> ?o } # SERVICE <x>'
    assert targets(query) == []


def test_load_and_dataset_clauses_of_updates() -> None:
    update = "PREFIX a: <http://a.example/> LOAD a:data ; WITH <urn:g> DELETE { ?s ?p ?o } WHERE {}"
    reach = read(update, {}, update=True)
    assert reach.targets == (Target("LOAD", "http://a.example/data"),) and reach.own_dataset
    assert not read("INSERT DATA { <urn:a> <urn:b> <urn:c> }", {}, update=True).own_dataset


def test_from_is_read_from_the_parse() -> None:
    assert read("SELECT * FROM <urn:g> { ?s ?p ?o }", {}).own_dataset
    assert not read('SELECT * { ?s ?p "from" }', {}).own_dataset


def test_text_without_the_words_is_not_parsed_at_all() -> None:
    assert not may_reach("SELECT * { ?s ?p ?o }")
    assert read("this is no SPARQL", {}) is NOTHING  # nothing to find, so nothing parsed
    assert may_reach("SELECT * { \\u0053ervice }") and may_reach("sErViCe")


def test_text_the_grammar_refuses_is_unreadable() -> None:
    with pytest.raises(Unreadable):
        read("SELECT * { SERVICE <http://a/> ", {})
