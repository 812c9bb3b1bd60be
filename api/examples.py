"""Example researcher questions for the web page, in Chinese and English, each a runnable query."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request

from api.context import service


@dataclass(frozen=True)
class Example:
    id: str
    zh: str
    en: str
    query: str


EXAMPLES = (
    Example(
        "lead-most-tasks",
        "哪些部门牵头的任务最多？",
        "Which departments lead the most tasks?",
        """SELECT ?department (COUNT(?task) AS ?tasks) WHERE {
  ?task a pol:Task ; pol:leadDepartment ?org .
  ?org skos:prefLabel ?department .
  FILTER(lang(?department) = "zh")
}
GROUP BY ?department
ORDER BY DESC(?tasks) ?department""",
    ),
    Example(
        "tasks-by-theme",
        "每个主要任务（主题）下有几项任务？",
        "How many tasks sit under each theme (主要任务)?",
        """SELECT ?theme (COUNT(?task) AS ?tasks) (MIN(?number) AS ?first) WHERE {
  ?task a pol:Task ; pol:theme ?t ; pol:taskNumber ?number .
  ?t skos:prefLabel ?theme .
}
GROUP BY ?theme
ORDER BY ?first""",
    ),
    Example(
        "partners-of-industry-bureau",
        "市工业和信息化局与哪些部门合作最多？",
        "Which departments work most often with the Bureau of Industry and Information Technology?",
        """SELECT ?partner (COUNT(DISTINCT ?task) AS ?shared) WHERE {
  ?bureau skos:prefLabel "广州市工业和信息化局"@zh .
  ?task pol:leadDepartment|pol:cooperatingDepartment ?bureau ;
        pol:leadDepartment|pol:cooperatingDepartment ?org .
  FILTER(?org != ?bureau)
  ?org skos:prefLabel ?partner .
  FILTER(lang(?partner) = "zh")
}
GROUP BY ?partner
ORDER BY DESC(?shared) ?partner""",
    ),
    Example(
        "money",
        "文件安排了哪些资金和政策工具？金额多少元？",
        "Which funding and policy instruments does the document set, and for how many yuan?",
        """SELECT ?task ?kind ?instrument ?yuan WHERE {
  ?t pol:taskNumber ?task ; pol:hasInstrument ?i .
  ?i a ?type ; rdfs:label ?instrument .
  BIND(STRAFTER(STR(?type), "#") AS ?kind)
  OPTIONAL { ?i schema:amount/schema:value ?yuan }
}
ORDER BY ?task ?instrument""",
    ),
    Example(
        "cooperating-only",
        "哪些部门只作为配合部门出现、从不牵头？",
        "Which departments only ever cooperate and never lead?",
        """SELECT ?department (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?task pol:cooperatingDepartment ?org .
  ?org skos:prefLabel ?department .
  FILTER(lang(?department) = "zh")
  FILTER NOT EXISTS { ?other pol:leadDepartment ?org }
}
GROUP BY ?department
ORDER BY DESC(?tasks) ?department""",
    ),
    Example(
        "task-source-lines",
        "每项任务的原文和它在来源表格中的行号",
        "Each task's text and the lines of the source table it comes from",
        """SELECT ?number ?description ?firstLine ?lastLine WHERE {
  ?task a pol:Task ; pol:taskNumber ?number ;
        pol:firstLine ?firstLine ; pol:lastLine ?lastLine .
  OPTIONAL { ?task dcterms:description ?description }
}
ORDER BY ?number""",
    ),
    Example(
        "document",
        "文件的标题、文号、发布日期和发布机关",
        "The document's title, number, date and publisher",
        """SELECT ?title ?number ?issued ?publisher WHERE {
  ?doc a pol:PolicyDocument ; dcterms:title ?title ; dcterms:issued ?issued .
  OPTIONAL { ?doc dcterms:identifier ?number }
  OPTIONAL { ?doc dcterms:publisher/skos:prefLabel ?publisher FILTER(lang(?publisher) = "zh") }
}""",
    ),
)

router = APIRouter(tags=["Web page"])


def prologue(prefixes: dict[str, str]) -> str:
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(prefixes.items()))


@router.get("/api/examples")
def examples(request: Request) -> dict:
    """The vocabulary's prefixes and the example questions (Chinese and English) with their
    queries, each query complete with its PREFIX lines."""
    prefixes = service(request).settings.prefixes
    head = prologue(prefixes)
    return {
        "prefixes": prefixes,
        "examples": [
            {"id": e.id, "zh": e.zh, "en": e.en, "query": head + e.query} for e in EXAMPLES
        ],
    }
