"""The catalogue's questions: their answers agree with the corpus records, and the README shows
the tour's five."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pyoxigraph import Store
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS

from kg import PROJECT_ROOT
from kg import build as pipeline
from kg.graph.iris import ELI, POL
from kg.questions import Question, load_questions, read_question
from kg.registry.changes import load_changes
from kg.registry.counterparts import load_counterparts
from kg.registry.documents import DocumentFacts, issued_on
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


def roles(task: Task) -> list[tuple[str, Mention]]:
    """Each mention of a task with its role, as the questions name roles."""
    return [("lead", m) for m in task.leads] + [("cooperating", m) for m in task.cooperators]


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
        for role, mention in roles(task)
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


def test_the_ministry_above_each_lead_on_the_documents_day(
    store: Store, corpus: list[SourceDocument], registry: Registry, resolve: Resolve, facts: Facts
) -> None:
    national = defaultdict(set)
    for link in load_counterparts(pipeline.COUNTERPARTS, registry):
        if link.property == "nationalCounterpart":
            national[link.body].add(registry.get(link.counterpart))
    expected = set()
    for document in corpus:
        day = issued_on(document, facts(document))
        for task in document.tasks:
            for mention in task.leads:
                lead = resolve(document, mention)
                for ministry in national[lead.id]:
                    if day is None or ministry.existed_on(day):
                        expected.add(
                            (label(document, facts), task.number, lead.pref_zh, ministry.pref_zh)
                        )
    found = {
        (row[0], int(row[1]), row[2], row[3]) for row in answer(store, "ministry-above-the-lead")
    }
    assert found == expected
    assert ("穗府办规〔2020〕25号", 18, "广州市工业和信息化局", "工业和信息化部") in found


def test_the_city_bodies_under_a_ministry(
    store: Store, corpus: list[SourceDocument], registry: Registry, resolve: Resolve
) -> None:
    under = {
        link.body
        for link in load_counterparts(pipeline.COUNTERPARTS, registry)
        if link.counterpart == "miit" and registry.get(link.body).parent == "guangzhou-government"
    }
    led = Counter(
        resolve(document, mention).id
        for document in corpus
        for task in document.tasks
        for mention in set(task.leads)
        if resolve(document, mention).id in under
    )
    expected = {(registry.get(body).pref_zh, led[body]) for body in under}
    assert {
        (row[0], int(row[3])) for row in answer(store, "city-bodies-under-a-ministry")
    } == expected


def test_the_documents_a_document_rests_on(store: Store, graph: Graph) -> None:
    def name(node: URIRef) -> str:
        number = graph.value(node, DCTERMS.identifier)
        title = next(t for t in graph.objects(node, DCTERMS.title) if t.language == "zh")
        return str(number if number is not None else title)

    def issued(node: URIRef) -> str:
        return str(graph.value(node, DCTERMS.issued) or "")

    steps = {ELI.based_on: "based on", ELI.implements: "implements"}
    expected = set()
    for document in graph.subjects(RDF.type, POL.PolicyDocument):
        reached, todo = {document}, [document]
        while todo:
            for cited in graph.objects(todo.pop(), ELI.cites):
                if cited not in reached:
                    reached.add(cited)
                    todo.append(cited)
        for step in reached:
            for relation, how in steps.items():
                for cited in graph.objects(step, relation):
                    expected.add((name(document), name(step), how, name(cited), issued(cited)))
    found = {tuple(row[:5]) for row in answer(store, "documents-a-document-rests-on")}
    assert found == expected
    assert (
        "穗府办规〔2020〕25号",
        "穗府办规〔2020〕25号",
        "based on",
        "发改产业〔2020〕202号",
        "2020-02-10",
    ) in found


def test_the_pictures_get_every_assignment_and_every_amount(
    store: Store, corpus: list[SourceDocument], resolve: Resolve, facts: Facts
) -> None:
    expected = Counter(
        (label(document, facts), task.number, resolve(document, mention).pref_zh, role)
        for document in corpus
        for task in document.tasks
        for role, mention in roles(task)
    )
    rows = answer(store, "assignments-for-pictures")
    assert Counter((r[1], int(r[4]), r[7], r[9]) for r in rows) == expected
    amounts = Counter()
    for document in corpus:
        for task in document.tasks:
            for instrument in task.instruments:
                if instrument.amount is not None:
                    amounts[(label(document, facts), instrument.kind)] += instrument.amount
    money = {(r[0], r[2]): Decimal(r[3]) for r in answer(store, "money-by-theme")}
    assert money == dict(amounts)


def test_a_question_file_must_say_its_titles_and_order(tmp_path: Path) -> None:
    untitled = tmp_path / "01-untitled.rq"
    untitled.write_text("ASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="a question starts with"):
        read_question(untitled)
    unnumbered = tmp_path / "unnumbered.rq"
    unnumbered.write_text("# en: A\n# zh: 甲\nASK {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="is named NN-name"):
        read_question(unnumbered)
