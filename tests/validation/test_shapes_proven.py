"""Every shape is proven twice: a fixture graph violating it alone, the real graph conforming."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_graphs import VIOLATIONS, fixture_store

from kg.paths import TRIPLES
from kg.store.dataset import load_store
from kg.validation.runner import SHAPES, Engine, validate
from kg.validation.shacl.compare import normalized
from kg.validation.shacl.shapes import load_shapes, shape_files
from kg.validation.shacl.vocabulary import VIOLATION

REAL = TRIPLES


def reporting_shapes() -> set[str]:
    """Local names of the shapes that can report: those with constraints or SPARQL checks."""
    _, model = load_shapes(shape_files(SHAPES))
    return {s.node.value.split("#")[1] for s in model if s.constraints or s.checks}


def test_every_reporting_shape_has_its_violation_fixture() -> None:
    assert {path.stem for path in VIOLATIONS} == reporting_shapes()


def test_every_message_is_in_chinese_and_english() -> None:
    _, model = load_shapes(shape_files(SHAPES))
    for shape in model:
        for messages in [shape.messages, *(check.messages for check in shape.checks)]:
            if shape.constraints or messages:
                assert {m.language for m in messages} == {"zh", "en"}, shape.node


@pytest.mark.parametrize("engine", list(Engine))
def test_base_fixture_has_no_result(engine: Engine) -> None:
    assert validate(fixture_store(), engine=engine).results == ()


@pytest.mark.parametrize("update", VIOLATIONS, ids=[path.stem for path in VIOLATIONS])
def test_fixture_violates_its_shape_only(update: Path) -> None:
    report = validate(fixture_store(update))
    assert report.results, f"{update.stem} reports nothing"
    assert {r.shape.value.split("#")[1] for r in report.results} == {update.stem}


@pytest.mark.parametrize("update", VIOLATIONS, ids=[path.stem for path in VIOLATIONS])
def test_fast_engine_reports_what_pyshacl_reports(update: Path) -> None:
    store = fixture_store(update)
    fast = validate(store, engine=Engine.fast)
    reference = validate(store, engine=Engine.pyshacl)
    assert normalized(fast.results) == normalized(reference.results)
    assert fast.conforms == reference.conforms


def test_real_graph_has_no_violation() -> None:
    report = validate(load_store([REAL]))
    assert report.conforms
    assert not [r for r in report.results if r.severity == VIOLATION]


def test_real_graph_reports_match_pyshacl() -> None:
    store = load_store([REAL])
    assert normalized(validate(store).results) == normalized(
        validate(store, engine=Engine.pyshacl).results
    )
