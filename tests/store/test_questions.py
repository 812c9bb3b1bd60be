"""The five README questions: their answers agree with the records, and the README shows them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg import PROJECT_ROOT
from kg.questions import Question, load_questions, read_question
from kg.registry.organizations import Registry
from kg.sources.records import Mention, SourceDocument
from kg.store.query import run
from kg.store.results import OutputFormat, render

QUESTIONS = load_questions()
TOUR = QUESTIONS[:5]  # the README tours the first five questions of the catalogue
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def answer(store: Store, name: str) -> list[list[str]]:
    result = run(store, next(q.query for q in QUESTIONS if q.id == name))
    return [[s[v].value if s[v] else "" for v in result.variables] for s in result]  # type: ignore[union-attr]


def official(registry: Registry, mention: Mention) -> str:
    return registry.resolve(mention).pref_zh


@pytest.mark.parametrize("question", TOUR, ids=lambda q: q.id)
def test_readme_shows_each_question_and_its_current_answer(
    store: Store, question: Question
) -> None:
    shown = render(run(store, question.query), OutputFormat.table)
    block = (
        f"### {question.en}\n{question.zh}\n\n```sparql\n{question.query}```\n\n```text\n{shown}```"
    )
    assert block in README, f"README.md should show, as it stands:\n{block}"


@pytest.mark.parametrize("question", QUESTIONS[len(TOUR) :], ids=lambda q: q.id)
def test_readme_lists_the_other_questions(question: Question) -> None:
    assert f"- {question.en} {question.zh}\n" in README


def test_who_leads_most(store: Store, table: SourceDocument, registry: Registry) -> None:
    expected = Counter(official(registry, m) for t in table.tasks for m in t.leads)
    assert {row[0]: int(row[1]) for row in answer(store, "lead-most-tasks")} == expected


def test_who_works_with_the_police(store: Store, table: SourceDocument, registry: Registry) -> None:
    expected: Counter[str] = Counter()
    for task in table.tasks:
        names = {official(registry, m) for m in task.leads + task.cooperators}
        if "广州市公安局" in names:
            expected.update(names - {"广州市公安局"})
    assert {row[0]: int(row[1]) for row in answer(store, "works-with-police")} == expected


def test_the_money(store: Store) -> None:
    rows = {int(row[0]): row[1:] for row in answer(store, "money")}
    assert rows[29][2:4] == ["100000000", "P1Y"]
    assert rows[30][2] == "10000000000"
    assert rows[30][4:] == ["0.2", "2000000000"]
    assert rows[28][4] == "0.7"


def test_joint_leads(store: Store, table: SourceDocument) -> None:
    expected = {t.number for t in table.tasks if len(t.leads) > 1}
    assert {int(row[0]) for row in answer(store, "joint-leads")} == expected


def test_tasks_with_district_governments(store: Store, table: SourceDocument) -> None:
    collectives = {"各区政府", "有关区政府"}
    expected = {
        (t.number, m.written)
        for t in table.tasks
        for m in t.cooperators
        if m.written in collectives
    }
    assert {(int(row[0]), row[2]) for row in answer(store, "district-governments")} == expected
    assert not [row for row in answer(store, "district-governments") if row[1] != "cooperating"]


def test_a_question_file_must_say_its_titles_and_order(tmp_path: Path) -> None:
    untitled = tmp_path / "01-untitled.rq"
    untitled.write_text("ASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a question starts with"):
        read_question(untitled)
    unnumbered = tmp_path / "unnumbered.rq"
    unnumbered.write_text("# en: A\n# zh: 甲\nASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is named NN-name"):
        read_question(unnumbered)
