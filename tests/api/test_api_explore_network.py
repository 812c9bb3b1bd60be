"""The explore page's network in a real headless Chromium: a thousand bodies of several governments
(a synthetic graph served by `policykg serve --data`) draw boxed by government with no two labels
overlapping, the larger bodies labelled first and more labels as one zooms in; and the GraphML
and GEXF buttons give the network drawn, as files NetworkX reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from statistics import median

import httpx
import networkx as nx
import pytest
import test_api_page as page
from live import Server, start
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from synthetic import governments, write_graph

pytestmark = page.pytestmark  # Debian's chromium and chromium-driver
browser = page.browser  # the page tests' Chromium, one for this module
BODIES = 1000
# Every label shown, as Cytoscape places it (model coordinates), and the part of the graph in view
LABELS = """const cy = window.policykgExplore.cy;
const box = (n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true,
                                   includeOverlays: false, useCache: false });
return { view: cy.extent(), zoom: cy.zoom(), labels: cy.nodes()
  .filter((n) => n.visible() && n.style("label") && n.numericStyle("text-opacity") > 0)
  .map((n) => ({ id: n.id(), body: n.hasClass("body"), tasks: n.data("tasks"), box: box(n) })) };"""
COUNT = """PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(DISTINCT ?body) AS ?n) WHERE { ?task pol:assignment/prov:agent ?body }"""


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`policykg serve --data` on a synthetic graph of a thousand assigned bodies."""
    folder = tmp_path_factory.mktemp("thousand")
    write_graph(folder / "synthetic.ttl", bodies=BODIES)
    arguments = ["--data", str(folder / "synthetic.ttl"), "--time-limit", "120", "--workers", "2"]
    server = start(arguments, folder / "server.log")
    yield server
    server.stop()


def network(browser: webdriver.Chrome) -> dict[str, str]:
    return browser.execute_script("return { ...document.getElementById('network').dataset }")


def overlaps(a: dict, b: dict) -> bool:
    return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]


def shown(browser: webdriver.Chrome) -> tuple[list[dict], float]:
    """The labels in view (their boxes meet the viewport), and the zoom."""
    found = browser.execute_script(LABELS)
    return [label for label in found["labels"] if overlaps(label["box"], found["view"])], found[
        "zoom"
    ]


def clashes(labels: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for a, b in combinations(labels, 2) if overlaps(a["box"], b["box"])]


def zoom_and_wait(browser: webdriver.Chrome, script: str) -> None:
    """Zoom (by a script or a click) and wait until the page has placed the labels again."""
    placed = int(network(browser)["labelsPlaced"])
    browser.execute_script(script)
    WebDriverWait(browser, 30).until(lambda b: int(network(b)["labelsPlaced"]) > placed)


def test_a_thousand_bodies_draw_boxed_by_government_with_no_overlapping_labels(
    browser: webdriver.Chrome, thousand: Server, record_property
) -> None:
    browser.get(thousand.url + "explore")
    WebDriverWait(browser, 120).until(
        lambda b: b.execute_script("return document.body.dataset.drawn")
    )
    drawn = network(browser)
    counted = httpx.post(thousand.sparql, data={"query": COUNT}).json()
    assert int(drawn["nodes"]) == BODIES == int(counted["results"]["bindings"][0]["n"]["value"])
    # a box per government of the graph and one for the Party committee's departments; the
    # district governments and the collectives are one body each, drawn in no box
    assert int(drawn["governments"]) == len(governments()) + 1
    labels, zoom = shown(browser)
    assert labels and clashes(labels) == []
    bodies = [label for label in labels if label["body"]]
    tasks = browser.execute_script(
        "return window.policykgExplore.cy.nodes('.body').map((n) => n.data('tasks'))"
    )
    assert max(tasks) in {label["tasks"] for label in bodies}  # the busiest body is labelled
    assert median(label["tasks"] for label in bodies) > median(tasks)
    record_property("labels at the whole picture", len(labels))
    record_property("draw ms", drawn["drawMs"])

    zoom_and_wait(browser, "document.getElementById('zoom-in').click()")
    zoom_and_wait(
        browser,
        """const cy = window.policykgExplore.cy;
        const middle = { x: cy.width() / 2, y: cy.height() / 2 };
        cy.zoom({ level: cy.zoom() * 3, renderedPosition: middle });""",
    )
    closer, deeper = shown(browser)
    assert deeper > zoom and clashes(closer) == []
    assert int(network(browser)["labelled"]) > int(drawn["labelled"])  # more labels come in
    browser.execute_script("window.policykgExplore.cy.panBy({ x: 250, y: -120 })")
    panned, _ = shown(browser)
    assert panned and clashes(panned) == []
    record_property("labels after zooming in 4.5 times", network(browser)["labelled"])
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def saved(browser: webdriver.Chrome, folder: Path, kinds: tuple[str, ...]) -> dict[str, Path]:
    """Click the network's save buttons of these kinds and wait for the files."""
    folder.mkdir()
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    for kind in kinds:
        browser.find_element(
            By.CSS_SELECTOR, f'[data-picture="network"] button[data-save="{kind}"]'
        ).click()
    files = {kind: folder / f"network.{kind}" for kind in kinds}
    WebDriverWait(browser, 30).until(lambda b: all(path.exists() for path in files.values()))
    return files


def test_the_graphml_and_gexf_buttons_give_the_network_drawn(
    browser: webdriver.Chrome, readonly: Server, tmp_path: Path
) -> None:
    page.explore_ready(browser, readonly)
    files = saved(browser, tmp_path / "whole", ("graphml", "gexf", "csv"))
    drawn = network(browser)
    table = list(csv.DictReader(io.StringIO(files["csv"].read_text(encoding="utf-8"))))
    for graph in (nx.read_graphml(files["graphml"]), nx.read_gexf(files["gexf"])):
        assert graph.number_of_nodes() == int(drawn["nodes"]) == len(table)
        assert graph.number_of_edges() == int(drawn["edges"])
        assert sorted(d["label"] for _, d in graph.nodes(data=True)) == sorted(
            row["body"] for row in table
        )
    document = "https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25"
    Select(browser.find_element(By.ID, "document")).select_by_value(document)
    Select(browser.find_element(By.ID, "role")).select_by_value("lead")
    chosen = saved(browser, tmp_path / "chosen", ("graphml", "gexf"))
    drawn = network(browser)
    for graph in (nx.read_graphml(chosen["graphml"]), nx.read_gexf(chosen["gexf"])):
        assert graph.number_of_nodes() == int(drawn["nodes"])
        assert graph.number_of_edges() == int(drawn["edges"])
        assert all(d["cooperating"] == 0 for _, d in graph.nodes(data=True))
        assert {d["documents"] for *_, d in graph.edges(data=True)} <= {"穗府办规〔2020〕25号"}
