"""The web page in a real headless Chromium (Debian's chromium and chromium-driver)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from live import Server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

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
