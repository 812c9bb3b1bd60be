"""Documents citing documents: each printed citation resolved by its catalogue entry, what the
source leaves out given in the words of a copy, and every mistake located."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg import build as pipeline
from kg.errors import SourceError
from kg.graph.iris import ELI, POL
from kg.paths import CITATIONS, SOURCES
from kg.registry.citations import CITATION_COLUMNS

DOC = "https://w3id.org/policykg/doc/"
GBA = SOURCES / "guangdong-2019-greater-bay-area-three-year-plan.txt"
AUTO = SOURCES / "guangzhou-auto-2020-task-division.txt"


def build_graph(sources: list[Path], citations: Path = CITATIONS, warn=None) -> Graph:
    inputs = pipeline.Inputs(sources, citations=citations)
    return pipeline.graph_from(inputs, warn or (lambda message: None))


def entries(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "citations.csv"
    path.write_text("\n".join([",".join(CITATION_COLUMNS), *rows]) + "\n", encoding="utf-8")
    return path


def test_a_printed_citation_links_the_documents_with_its_lines(graph: Graph) -> None:
    plan = URIRef(DOC + "guangdong-2019-greater-bay-area-three-year-plan")
    outline = URIRef(DOC + "cn-2019-greater-bay-area-outline")
    opinions = URIRef(DOC + "guangdong-2019-greater-bay-area-implementing-opinions")
    assert (plan, ELI.implements, outline) in graph
    assert (plan, ELI.cites, opinions) in graph
    assert (opinions, ELI.implements, outline) in graph  # from the opinions' own title
    [citation] = [
        c for c in graph.objects(plan, POL.citation)
        if (c, POL.citedDocument, outline) in graph
    ]  # fmt: skip
    assert int(graph.value(citation, POL.firstLine)) == 7


def test_a_citation_the_source_leaves_out_comes_with_the_words_of_a_copy(
    graph: Graph,
) -> None:
    auto = URIRef(DOC + "sui-fu-ban-gui-2020-25")
    strategy = URIRef(DOC + "fa-gai-chan-ye-2020-202")
    assert (auto, ELI.based_on, strategy) in graph
    assert graph.value(strategy, URIRef("http://purl.org/dc/terms/identifier")).eq(
        "发改产业〔2020〕202号"
    )


def test_a_printed_citation_without_an_entry_is_left_out_with_a_warning(tmp_path: Path) -> None:
    warnings: list[str] = []
    built = build_graph([GBA], entries(tmp_path), warnings.append)
    assert not list(built.subject_objects(ELI.cites))
    assert any("粵港澳大灣區發展規劃綱要" in w and f"{GBA}:7" in w for w in warnings)


def test_an_entry_the_text_does_not_print_needs_the_words_of_a_copy(tmp_path: Path) -> None:
    path = entries(tmp_path, f"{AUTO.name},智能汽车创新发展战略,fa-gai-chan-ye-2020-202,,")
    with pytest.raises(SourceError) as caught:
        build_graph([AUTO], path)
    assert (caught.value.path, caught.value.line, caught.value.cell) == (str(path), 2, "title")


def test_the_words_of_a_copy_must_say_how_they_cite(tmp_path: Path) -> None:
    words = "参见《智能汽车创新发展战略》"
    path = entries(tmp_path, f"{AUTO.name},智能汽车创新发展战略,fa-gai-chan-ye-2020-202,{words},")
    with pytest.raises(SourceError) as caught:
        build_graph([AUTO], path)
    assert caught.value.cell == "elsewhere" and "with a verb" in caught.value.problem


def test_a_cited_id_must_be_known(tmp_path: Path) -> None:
    path = entries(tmp_path, f"{AUTO.name},智能汽车创新发展战略,no-such-document,,")
    with pytest.raises(SourceError, match="no document with id 'no-such-document'"):
        build_graph([AUTO], path)
