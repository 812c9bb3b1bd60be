"""kg.frames: a question or SPARQL text as a DataFrame, locally and from a live endpoint, with
numbers typed and labels as strings; the two agree."""

from __future__ import annotations

import pandas as pd
import pytest

from kg.frames import frame
from kg.paths import TRIPLES
from kg.store.query import QueryError


def test_a_question_as_a_typed_frame() -> None:
    leads = frame("lead-most-tasks")
    assert list(leads.columns) == ["department", "tasks"]
    assert str(leads["tasks"].dtype) == "Int64" and str(leads["department"].dtype) == "string"
    assert leads.iloc[0]["department"] == "广州市工业和信息化局"


def test_amounts_are_numbers_and_missing_values_stay_missing() -> None:
    money = frame("money")
    assert str(money["yuan"].dtype) == "Float64"
    assert 1e10 in set(money["yuan"].dropna())
    assert money["ratio"].isna().any()


def test_sparql_text_and_dates() -> None:
    dated = frame(
        "SELECT ?d ?issued WHERE { ?d a pol:PolicyDocument ; dcterms:issued ?issued } ORDER BY ?d",
        [TRIPLES],
    )
    assert pd.api.types.is_datetime64_any_dtype(dated["issued"])


def test_inferences_are_in_unless_left_out() -> None:
    query = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a pol:JointlyLedTask }"
    assert frame(query).iloc[0]["n"] > 0
    assert frame(query, infer=False).iloc[0]["n"] == 0


def test_only_select_makes_a_frame() -> None:
    with pytest.raises(QueryError, match="SELECT"):
        frame("ASK { ?s ?p ?o }")
