"""The catalogue's questions: their answers agree with the corpus records, and the README shows
the tour's five."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg import PROJECT_ROOT
from kg import build as pipeline
from kg.questions import Question, load_questions, read_question
from kg.registry.changes import load_changes
from kg.registry.documents import DocumentFacts
from kg.registry.organizations import Organization, Registry
from kg.sources.records import Mention, SourceDocument, Task
from kg.store.query import run
from kg.store.results import OutputFormat, render

QUESTIONS = load_questions()
TOUR = QUESTIONS[:5]  # the README tours the first five questions of the catalogue
SHOWN_ROWS = 12  # the README shows an answer's first rows and says how many there are
README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
AUTOMOBILE = "穗府办规〔2020〕25号"
Resolve = Callable[[SourceDocument, Mention], Organization]
Facts = Callable[[SourceDocument], DocumentFacts]


def answer(store: Store, name: str) -> list[list[str]]:
    result = run(store, next(q.query for q in QUESTIONS if q.id == name))
    return [[s[v].value if s[v] else "" for v in result.variables] for s in result]  # type: ignore[union-attr]


def shown(store: Store, question: Question) -> str:
    """The README's block for a question: its files' titles, the query and the answer's head."""
    lines = render(run(store, question.query), OutputFormat.table).splitlines()
    header, rows, count = lines[:2], lines[2:-1], lines[-1]
    head = rows if len(rows) <= SHOWN_ROWS else [*rows[:SHOWN_ROWS], "…"]
    table = "\n".join([*header, *head, count])
    titles = f"### {question.en}\n{question.zh}\n\n"
    return f"{titles}```sparql\n{question.query}```\n\n```text\n{table}\n```"


def label(document: SourceDocument, facts: Facts) -> str:
    """How the questions name a document: its number, else its title."""
    known = facts(document)
    return known.identifier or document.identifier or known.title_zh


def bodies(document: SourceDocument, task: Task, resolve: Resolve) -> set[str]:
    return {resolve(document, m).pref_zh for m in task.leads + task.cooperators}


@pytest.mark.parametrize("question", TOUR, ids=lambda q: q.id)
def test_readme_shows_each_question_and_its_current_answer(
    store: Store, question: Question
) -> None:
    block = shown(store, question)
    assert block in README, f"README.md should show, as it stands:\n{block}"


@pytest.mark.parametrize("question", QUESTIONS[len(TOUR) :], ids=lambda q: q.id)
def test_readme_lists_the_other_questions(question: Question) -> None:
    assert f"- {question.en} {question.zh}\n" in README


def test_who_leads_most(store: Store, corpus: list[SourceDocument], resolve: Resolve) -> None:
    expected: Counter[str] = Counter()
    for document in corpus:
        for task in document.tasks:
            expected.update({resolve(document, m).pref_zh for m in task.leads})
    assert {row[0]: int(row[1]) for row in answer(store, "lead-most-tasks")} == expected


def test_who_works_with_the_police(
    store: Store, corpus: list[SourceDocument], resolve: Resolve
) -> None:
    expected: Counter[str] = Counter()
    for document in corpus:
        for task in document.tasks:
            names = bodies(document, task, resolve)
            if "广州市公安局" in names:
                expected.update(names - {"广州市公安局"})
    assert {row[0]: int(row[1]) for row in answer(store, "works-with-police")} == expected


def test_the_money(store: Store) -> None:
    rows = {int(row[1]): row[2:] for row in answer(store, "money") if row[0] == AUTOMOBILE}
    assert rows[29][2:4] == ["100000000", "P1Y"]
    assert rows[30][2] == "10000000000"
    assert rows[30][4:] == ["0.2", "2000000000"]
    assert rows[28][4] == "0.7"


def test_joint_leads(
    store: Store, corpus: list[SourceDocument], resolve: Resolve, facts: Facts
) -> None:
    expected = {
        (label(document, facts), task.number)
        for document in corpus
        for task in document.tasks
        if len({resolve(document, m).id for m in task.leads}) > 1
    }
    assert {(row[0], int(row[1])) for row in answer(store, "joint-leads")} == expected


def districts(registry: Registry, org: Organization) -> bool:
    """Whether a body is a district government or a collective of district governments."""
    if org.kind == "DistrictGovernment":
        return True
    members = [other for other in registry.organizations if other.member_of == org.id]
    drawn = [registry.get(org.drawn_from)] if org.drawn_from else []
    return any(districts(registry, member) for member in members + drawn)


def test_tasks_with_district_governments(
    store: Store,
    corpus: list[SourceDocument],
    registry: Registry,
    resolve: Resolve,
    facts: Facts,
) -> None:
    expected = {
        (label(document, facts), task.number, role, mention.written)
        for document in corpus
        for task in document.tasks
        for role, mentions in (("lead", task.leads), ("cooperating", task.cooperators))
        for mention in mentions
        if districts(registry, resolve(document, mention))
    }
    found = {(row[0], int(row[1]), row[2], row[3]) for row in answer(store, "district-governments")}
    assert found == expected


def predecessors(registry: Registry, name: str) -> set[str]:
    """A body and every body that became it, through the change events of the registry."""
    changes = load_changes(pipeline.CHANGES, registry)
    found = {next(org.id for org in registry.organizations if org.pref_zh == name)}
    while (
        grown := {
            original
            for change in changes
            if found & set(change.resulting)
            for original in change.original
        }
        - found
    ):
        found |= grown
    return found


def test_tasks_of_a_body_and_the_bodies_that_became_it(
    store: Store,
    corpus: list[SourceDocument],
    registry: Registry,
    resolve: Resolve,
    facts: Facts,
) -> None:
    bodies = predecessors(registry, "广州市工业和信息化委员会")
    expected = {
        (label(document, facts), task.number, resolve(document, mention).pref_zh)
        for document in corpus
        for task in document.tasks
        for mention in task.leads
        if resolve(document, mention).id in bodies
    }
    found = {(row[0], int(row[2]), row[3]) for row in answer(store, "successor-tasks")}
    assert found == expected
    assert {lead for _, _, lead in found} - {"广州市工业和信息化委员会"}, "no predecessor followed"


def test_a_question_file_must_say_its_titles_and_order(tmp_path: Path) -> None:
    untitled = tmp_path / "01-untitled.rq"
    untitled.write_text("ASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a question starts with"):
        read_question(untitled)
    unnumbered = tmp_path / "unnumbered.rq"
    unnumbered.write_text("# en: A\n# zh: 甲\nASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is named NN-name"):
        read_question(unnumbered)
