"""The web page in a real headless Chromium (Debian's chromium and chromium-driver)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from live import Server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.build import TRIPLES
from kg.questions import load_questions
from kg.store.query import query_files
from kg.store.results import OutputFormat, render

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER),
    reason="needs Debian's chromium and chromium-driver (.ci/run installs them)",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="policykg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def first_row(example_id: str) -> list[str]:
    query = next(e.query for e in load_questions() if e.id == example_id)
    result = json.loads(render(query_files([TRIPLES], query), OutputFormat.json))
    head = result["head"]["vars"]
    row = result["results"]["bindings"][0]
    return [row[name]["value"] for name in head if name in row]


def test_click_an_example_and_see_the_result_table(
    browser: webdriver.Chrome, readonly: Server, screenshots: Path
) -> None:
    browser.get(readonly.url)
    wait = WebDriverWait(browser, 30)
    button = wait.until(
        expected_conditions.element_to_be_clickable(
            (By.CSS_SELECTOR, 'button[data-example="lead-most-tasks"]')
        )
    )
    assert "哪些部门牵头的任务最多" in button.text and "Which departments lead" in button.text
    editor = browser.find_element(By.CSS_SELECTOR, ".CodeMirror").text
    assert "PREFIX pol: <https://w3id.org/policykg/ontology#>" in editor
    button.click()
    cells = wait.until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr td") or None
    )
    table = browser.find_element(By.CSS_SELECTOR, ".yasr table").text
    assert all(value in table for value in first_row("lead-most-tasks")), table
    assert len(cells) > 2
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], errors
    browser.save_screenshot(str(screenshots / "page.png"))


def test_page_loads_nothing_from_elsewhere(browser: webdriver.Chrome, readonly: Server) -> None:
    browser.get(readonly.url)
    WebDriverWait(browser, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "button[data-example]")
    )
    origins = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
    )
    assert set(origins) == {readonly.url.rstrip("/")}


def test_an_ontology_term_on_a_resource_page_opens_its_documentation(
    browser: webdriver.Chrome, readonly: Server
) -> None:
    browser.get(readonly.url + "doc/sui-fu-ban-gui-2020-25/task/1")
    link = browser.find_element(By.CSS_SELECTOR, 'a[href$="/ontology#Task"]')
    link.click()
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/ontology#Task"))
    entry = browser.find_element(By.ID, "Task")
    assert entry.is_displayed() and "pol:Task" in entry.text


def explore_ready(browser: webdriver.Chrome, readonly: Server) -> None:
    browser.get(readonly.url + "explore")
    WebDriverWait(browser, 20).until(
        lambda b: b.execute_script("return document.body.dataset.drawn")
    )


def sparql_count(readonly: Server, query: str) -> int:
    answer = httpx.post(readonly.sparql, data={"query": query}).json()
    return int(answer["results"]["bindings"][0]["n"]["value"])


BODIES = """PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT (COUNT(DISTINCT ?body) AS ?n) WHERE {
  ?t pol:assignment/prov:agent ?body ; dcterms:isPartOf ?d . FILTER }"""


def test_the_network_has_a_node_for_every_body_a_query_counts(
    browser: webdriver.Chrome, readonly: Server, screenshots: Path
) -> None:
    explore_ready(browser, readonly)
    nodes = int(browser.find_element(By.ID, "network").get_attribute("data-nodes"))
    assert nodes == sparql_count(readonly, BODIES.replace("FILTER", ""))
    rows = browser.find_elements(By.CSS_SELECTOR, "#network-table tbody tr")
    assert len(rows) == nodes
    assert browser.find_elements(By.CSS_SELECTOR, "#bodies-chart svg")
    assert browser.find_elements(By.CSS_SELECTOR, "#money-chart svg")
    browser.save_screenshot(str(screenshots / "explore.png"))
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def test_a_click_on_a_body_lists_its_tasks(browser: webdriver.Chrome, readonly: Server) -> None:
    explore_ready(browser, readonly)
    body = "https://w3id.org/policykg/org/guangzhou-industry-it"
    browser.execute_script(f"window.policykgExplore.cy.getElementById('{body}').emit('tap')")
    items = browser.find_elements(By.CSS_SELECTOR, "#selection li")
    query = f"""PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ ?t pol:assignment/prov:agent <{body}> }}"""
    assert len(items) == sparql_count(readonly, query)
    link = items[0].find_element(By.TAG_NAME, "a").get_attribute("href")
    assert "/doc/" in link and "/task/" in link


def test_a_filter_changes_the_picture_and_the_table(
    browser: webdriver.Chrome, readonly: Server
) -> None:
    explore_ready(browser, readonly)
    before = browser.find_element(By.ID, "network").get_attribute("data-nodes")
    document = "https://w3id.org/policykg/doc/sui-fu-ban-gui-2020-25"
    Select(browser.find_element(By.ID, "document")).select_by_value(document)
    after = int(browser.find_element(By.ID, "network").get_attribute("data-nodes"))
    assert str(after) != before
    assert after == sparql_count(readonly, BODIES.replace("FILTER", f"FILTER(?d = <{document}>)"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "#network-table tbody tr")) == after
    Select(browser.find_element(By.ID, "role")).select_by_value("lead")
    leads = int(browser.find_element(By.ID, "network").get_attribute("data-nodes"))
    assert leads < after


def test_the_save_buttons_produce_files(
    browser: webdriver.Chrome, readonly: Server, tmp_path: Path
) -> None:
    explore_ready(browser, readonly)
    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    for picture in ("network", "bodies", "money"):
        for kind in ("svg", "png", "csv"):
            browser.find_element(
                By.CSS_SELECTOR, f'[data-picture="{picture}"] button[data-save="{kind}"]'
            ).click()
    expected = {f"{p}.{k}" for p in ("network", "bodies", "money") for k in ("svg", "png", "csv")}
    WebDriverWait(browser, 20).until(lambda b: expected <= {p.name for p in tmp_path.iterdir()})
    assert (tmp_path / "network.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "bodies.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "network.svg").read_bytes()
    lines = (tmp_path / "network.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "body,kind,lead,cooperating"
    assert len(lines) - 1 == int(browser.find_element(By.ID, "network").get_attribute("data-nodes"))


def test_select_results_can_be_drawn_as_a_chart(
    browser: webdriver.Chrome, readonly: Server
) -> None:
    browser.get(readonly.url)
    wait = WebDriverWait(browser, 30)
    wait.until(
        expected_conditions.element_to_be_clickable(
            (By.CSS_SELECTOR, 'button[data-example="lead-most-tasks"]')
        )
    ).click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr td") or None)
    browser.find_element(By.CSS_SELECTOR, ".yasr .select_chart").click()
    bars = wait.until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".policykg-chart svg rect") or None
    )
    rows = sparql_rows(readonly, "lead-most-tasks")
    assert len([b for b in bars if b.get_attribute("height")]) >= rows
    Select(
        browser.find_element(By.CSS_SELECTOR, '.policykg-chart select[data-option="kind"]')
    ).select_by_value("line")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".policykg-chart svg path") or None)


def test_a_query_in_the_address_opens_in_the_editor(
    browser: webdriver.Chrome, readonly: Server
) -> None:
    browser.get(readonly.url + "?query=" + quote("SELECT ?x WHERE { ?x a pol:FundedTask }"))
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".CodeMirror"))
    assert "pol:FundedTask" in browser.find_element(By.CSS_SELECTOR, ".CodeMirror").text


def sparql_rows(readonly: Server, question: str) -> int:
    query = next(q.query for q in load_questions() if q.id == question)
    return len(httpx.post(readonly.sparql, data={"query": query}).json()["results"]["bindings"])


def test_a_click_on_an_edge_lists_the_tasks_the_two_share(
    browser: webdriver.Chrome, readonly: Server
) -> None:
    explore_ready(browser, readonly)
    one = "https://w3id.org/policykg/org/guangzhou-development-reform"
    other = "https://w3id.org/policykg/org/guangzhou-industry-it"
    browser.execute_script(f"window.policykgExplore.cy.getElementById('{one} {other}').emit('tap')")
    items = browser.find_elements(By.CSS_SELECTOR, "#selection li")
    query = f"""PREFIX pol: <https://w3id.org/policykg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{
      ?t pol:assignment/prov:agent <{one}> . ?t pol:assignment/prov:agent <{other}> }}"""
    assert len(items) == sparql_count(readonly, query) > 0
