"""Screenshots of the web pages for the README, taken in headless Chromium from a running server.

    policykg serve --port 8123 &   then   python docs/screenshots.py http://127.0.0.1:8123/

(Debian's chromium and chromium-driver; fonts-noto-cjk for the Chinese labels.)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

HERE = Path(__file__).parent / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000"]  # fmt: skip


def main(base: str) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp()}"]:
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        browser.get(base + "explore")
        WebDriverWait(browser, 30).until(lambda b: b.execute_script("return document.body.dataset.drawn"))
        body = "https://w3id.org/policykg/org/guangzhou-industry-it"
        browser.execute_script(f"window.policykgExplore.cy.getElementById('{body}').select().emit('tap')")
        time.sleep(1)
        browser.save_screenshot(str(HERE / "explore-network.png"))
        browser.execute_script("document.getElementById('bodies-section').scrollIntoView()")
        browser.save_screenshot(str(HERE / "explore-bars.png"))
        browser.get(base)
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, "button[data-example]"))
        browser.find_element(By.CSS_SELECTOR, 'button[data-example="lead-most-tasks"]').click()
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".yasr table td"))
        browser.find_element(By.CSS_SELECTOR, ".yasr .select_chart").click()
        time.sleep(1)
        browser.save_screenshot(str(HERE / "editor-chart.png"))
        browser.get(base + "ontology#JointlyLedTask")
        time.sleep(1)
        browser.save_screenshot(str(HERE / "ontology.png"))
    finally:
        browser.quit()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8123/")
