"""A synthetic corpus of task-division tables for measuring validation at scale.

Documents are built like the real graph (tasks, themes, lead and cooperating assignments, funds and
funding lines) over the real organization registry, with a small share of seeded defects so that the
reports have something to say. Deterministic for a given size and seed.

    python bench/corpus.py 100000 -o /tmp/corpus.ttl
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store

from kg.graph.iris import PREFIXES
from kg.paths import TRIPLES
from kg.store.dataset import load_store

REAL = TRIPLES
POL = PREFIXES["pol"]
XSD = PREFIXES["xsd"]
BASE = "https://w3id.org/policykg/synthetic/"
DEFECTS = ("lead-cooperates", "unofficial-name", "duplicate-number", "fund-mismatch")


@dataclass(frozen=True)
class Department:
    iri: NamedNode
    names: tuple[str, ...]  # the official name first, then the forms the registry knows


def p(prefix: str, name: str) -> NamedNode:
    return NamedNode(PREFIXES[prefix] + name)


def departments(registry: Store) -> list[Department]:
    found = registry.query(
        "SELECT ?org (GROUP_CONCAT(?name; separator='|') AS ?names) WHERE {"
        " ?org a pol:MunicipalDepartment ; skos:prefLabel|skos:altLabel ?name ."
        " FILTER (lang(?name) = 'zh') } GROUP BY ?org ORDER BY ?org",
        prefixes=PREFIXES,
    )
    assert isinstance(found, QuerySolutions)
    return [Department(row["org"], tuple(row["names"].value.split("|"))) for row in found]


def build(size: int, seed: int = 2020, defect_rate: float = 0.02) -> Store:
    """About `size` triples: the real organizations plus synthetic documents."""
    real = load_store([REAL])
    store = Store()
    store.bulk_extend(
        quad
        for quad in real.quads_for_pattern(None, None, None)
        if quad.subject.value.startswith("https://w3id.org/policykg/org/")
    )
    pool = departments(real)
    rng = random.Random(seed)
    number = 0
    while len(store) < size:
        number += 1
        store.bulk_extend(document(number, pool, rng, defect_rate))
    return store


def document(number: int, pool: list[Department], rng: random.Random, rate: float) -> list[Quad]:
    doc = NamedNode(f"{BASE}doc/{number}")
    scheme = NamedNode(f"{doc.value}/themes")
    publisher = NamedNode("https://w3id.org/policykg/org/guangzhou-general-office")
    quads = triples(
        (doc, p("rdf", "type"), p("pol", "PolicyDocument")),
        (doc, p("dcterms", "title"), Literal(f"合成政策文件{number}", language="zh")),
        (doc, p("dcterms", "identifier"), Literal(f"合成〔2024〕{number}号")),
        (doc, p("dcterms", "issued"), Literal("2024-01-02", datatype=p("xsd", "date"))),
        (doc, p("dcterms", "publisher"), publisher),
        (doc, p("pol", "themeScheme"), scheme),
        (scheme, p("rdf", "type"), p("pol", "ThemeScheme")),
        (scheme, p("skos", "prefLabel"), Literal(f"合成政策文件{number}·主要任务", language="zh")),
    )
    themes = [NamedNode(f"{doc.value}/theme/{t}") for t in range(1, rng.randint(3, 8) + 1)]
    for index, theme in enumerate(themes, 1):
        quads += triples(
            (theme, p("rdf", "type"), p("pol", "Theme")),
            (theme, p("skos", "prefLabel"), Literal(f"主题{index}", language="zh")),
            (theme, p("skos", "inScheme"), scheme),
        )
    tasks = rng.randint(10, 40)
    for task_number in range(1, tasks + 1):
        defect = rng.choice(DEFECTS) if rng.random() < rate else None
        quads += task(
            doc, task_number, themes[(task_number - 1) * len(themes) // tasks], pool, rng, defect
        )
    return quads


def task(
    doc: NamedNode,
    number: int,
    theme: NamedNode,
    pool: list[Department],
    rng: random.Random,
    defect: str | None,
) -> list[Quad]:
    iri = NamedNode(f"{doc.value}/task/{number}")
    written_number = number - 1 if defect == "duplicate-number" and number > 1 else number
    quads = triples(
        (iri, p("rdf", "type"), p("pol", "Task")),
        (iri, p("pol", "taskNumber"), Literal(str(written_number), datatype=p("xsd", "integer"))),
        (iri, p("dcterms", "isPartOf"), doc),
        (iri, p("pol", "theme"), theme),
        (iri, p("dcterms", "description"), Literal(f"合成任务{number}的内容", language="zh")),
    )
    chosen = rng.sample(pool, rng.randint(2, 5))
    lead, cooperating = chosen[0], chosen[1:]
    if defect == "lead-cooperates":
        cooperating = [*cooperating, lead]
    for role, department in [("lead", lead)] + [("cooperating", d) for d in cooperating]:
        quads += assignment(iri, role, department, rng, defect == "unofficial-name")
    if rng.random() < 0.1:
        quads += fund(iri, rng, defect == "fund-mismatch")
    return quads


def assignment(
    task: NamedNode, role: str, department: Department, rng: random.Random, unofficial: bool
) -> list[Quad]:
    node = NamedNode(f"{task.value}/{role}/{department.iri.value.rsplit('/', 1)[1]}")
    link = "leadDepartment" if role == "lead" else "cooperatingDepartment"
    kind = "LeadResponsibility" if role == "lead" else "CooperatingResponsibility"
    name = "某部门" if unofficial and role == "lead" else rng.choice(department.names)
    return triples(
        (task, p("pol", link), department.iri),
        (task, p("pol", "assignment"), node),
        (node, p("rdf", "type"), p("pol", "Assignment")),
        (node, p("prov", "agent"), department.iri),
        (node, p("prov", "hadRole"), p("pol", kind)),
        (node, p("pol", "writtenAs"), Literal(name, language="zh")),
    )


def fund(task: NamedNode, rng: random.Random, mismatch: bool) -> list[Quad]:
    node = NamedNode(f"{task.value}/instrument/1")
    size = rng.randint(1, 100) * 100_000_000
    matching = size // 5 + (1_000_000 if mismatch else 0)
    return triples(
        (task, p("pol", "hasInstrument"), node),
        (node, p("rdf", "type"), p("pol", "IndustryFund")),
        (node, p("rdfs", "label"), Literal("合成产业基金", language="zh")),
        (node, p("pol", "matchingRatio"), Literal("0.2", datatype=p("xsd", "decimal"))),
        *money(node, "amount", p("schema", "amount"), size),
        *money(node, "matching-amount", p("pol", "matchingAmount"), matching),
    )


def money(owner: NamedNode, name: str, link: NamedNode, value: int) -> list[tuple]:
    node = NamedNode(f"{owner.value}/{name}")
    return [
        (owner, link, node),
        (node, p("rdf", "type"), p("schema", "MonetaryAmount")),
        (node, p("schema", "value"), Literal(str(value), datatype=p("xsd", "decimal"))),
        (node, p("schema", "currency"), Literal("CNY")),
    ]


def triples(*spo: tuple) -> list[Quad]:
    return [Quad(s, p_, o) for s, p_, o in spo]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="about how many triples")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    store = build(args.size, args.seed)
    store.dump(
        str(args.output), format=RdfFormat.TURTLE, from_graph=DefaultGraph(), prefixes=PREFIXES
    )
    print(f"{len(store)} triples -> {args.output}")


if __name__ == "__main__":
    main()
