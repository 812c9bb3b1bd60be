"""The five README questions: their answers agree with the records, and the README shows them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg import PROJECT_ROOT
from kg.query import run
from kg.records import Mention, Table
from kg.registry import Registry
from kg.results import OutputFormat, render

QUESTIONS = sorted((PROJECT_ROOT / "docs" / "questions").glob("*.rq"))
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def answer(store: Store, name: str) -> list[list[str]]:
    path = next(q for q in QUESTIONS if q.name.startswith(name))
    result = run(store, path.read_text(encoding="utf-8"))
    return [[s[v].value if s[v] else "" for v in result.variables] for s in result]  # type: ignore[union-attr]


def official(registry: Registry, mention: Mention) -> str:
    return registry.resolve(mention, "table").pref_zh


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda p: p.stem)
def test_readme_shows_each_question_and_its_current_answer(store: Store, question: Path) -> None:
    text = question.read_text(encoding="utf-8")
    shown = render(run(store, text), OutputFormat.table)
    assert f"```sparql\n{text}```\n\n```text\n{shown}```" in README


def test_who_leads_most(store: Store, table: Table, registry: Registry) -> None:
    expected = Counter(official(registry, m) for t in table.tasks for m in t.leads)
    assert {row[0]: int(row[1]) for row in answer(store, "1-")} == expected


def test_who_works_with_the_police(store: Store, table: Table, registry: Registry) -> None:
    expected: Counter[str] = Counter()
    for task in table.tasks:
        names = {official(registry, m) for m in task.leads + task.cooperators}
        if "广州市公安局" in names:
            expected.update(names - {"广州市公安局"})
    assert {row[0]: int(row[1]) for row in answer(store, "2-")} == expected


def test_the_money(store: Store) -> None:
    rows = {int(row[0]): row[1:] for row in answer(store, "3-")}
    assert rows[29][2:4] == ["100000000", "P1Y"]
    assert rows[30][2] == "10000000000"
    assert rows[30][4:] == ["0.2", "2000000000"]
    assert rows[28][4] == "0.7"


def test_joint_leads(store: Store, table: Table) -> None:
    expected = {t.number for t in table.tasks if len(t.leads) > 1}
    assert {int(row[0]) for row in answer(store, "4-")} == expected


def test_tasks_with_district_governments(store: Store, table: Table) -> None:
    collectives = {"各区政府", "有关区政府"}
    expected = {
        (t.number, m.written)
        for t in table.tasks
        for m in t.cooperators
        if m.written in collectives
    }
    assert {(int(row[0]), row[2]) for row in answer(store, "5-")} == expected
    assert not [row for row in answer(store, "5-") if row[1] != "cooperating"]
