"""`policykg publish`: dumps per named graph in three formats and one N-Quads file of them all,
with a VoID/DCAT description whose numbers are the data's; the same data gives the same bytes."""

from __future__ import annotations

import gzip
from pathlib import Path

from pyoxigraph import Dataset, RdfFormat, parse
from rdflib import Graph, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.paths import INFERRED, TRIPLES

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
FORMATS = {".ttl": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES, ".jsonld": RdfFormat.JSON_LD}
AUTO = "https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25"


def publish(directory: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["publish", "-o", str(directory), *args])
    return result.exit_code, result.output


def test_each_named_graph_in_each_format_adds_up_to_the_data(tmp_path: Path) -> None:
    code, output = publish(tmp_path)
    assert code == 0, output
    dumps = tmp_path / "dumps"
    everything = Dataset(
        parse(gzip.decompress((dumps / "policykg.nq.gz").read_bytes()), format=RdfFormat.N_QUADS)
    )
    expected = Graph().parse(TRIPLES)
    assert len(everything) == len(expected) + len(
        Dataset(parse(path=str(INFERRED), format=RdfFormat.TRIG))
    )
    for suffix, fmt in FORMATS.items():
        union = set()
        for path in sorted(dumps.glob(f"*{suffix}.gz")):
            union |= {str(t) for t in parse(gzip.decompress(path.read_bytes()), format=fmt)}
        assert len(union) == len(everything), suffix
    auto = parse(
        gzip.decompress((dumps / "doc-sui-fu-ban-gui-2020-25.ttl.gz").read_bytes()),
        format=RdfFormat.TURTLE,
    )
    subjects = {t.subject.value for t in auto}
    assert (
        f"{AUTO}/task/1" in subjects
        and "https://w3id.org/policykg/org/guangzhou-finance" not in subjects
    )


def test_the_description_counts_what_the_dumps_hold(tmp_path: Path) -> None:
    publish(tmp_path)
    void = Graph().parse(tmp_path / "void.ttl")
    dataset = URIRef("https://w3id.org/policykg/dataset")
    total = int(void.value(dataset, VOID.triples))
    assert total == len(
        Dataset(
            parse(
                gzip.decompress((tmp_path / "dumps" / "policykg.nq.gz").read_bytes()),
                format=RdfFormat.N_QUADS,
            )
        )
    )
    assert void.value(dataset, URIRef("http://purl.org/dc/terms/license")) is not None
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef("https://w3id.org/policykg/sparql")
    subsets = list(void.objects(dataset, VOID.subset))
    assert sum(int(void.value(s, VOID.triples)) for s in subsets) == total
    for distribution in void.objects(None, DCAT.distribution):
        url = str(void.value(distribution, DCAT.downloadURL))
        file = tmp_path / "dumps" / url.rsplit("/", 1)[1]
        assert int(void.value(distribution, DCAT.byteSize)) == file.stat().st_size


def test_the_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    publish(tmp_path / "one")
    publish(tmp_path / "two")
    for path in sorted((tmp_path / "one").rglob("*.*")):
        assert (
            path.read_bytes()
            == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
        )


def test_bad_data_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    code, output = publish(tmp_path / "out", "--data", str(bad))
    assert code == 2 and str(bad) in output
    assert not (tmp_path / "out").exists()
