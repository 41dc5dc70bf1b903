"""The review pages in a real headless browser (Chromium driven by Selenium): they load without
console errors, a highlight leads to its row and a row to its highlight, filters and sorting
work, and markup in an article runs nothing. Saves a screenshot of the seed article's page."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.report_fixture import HOSTILE_ID, REPO, SEED_ID, build_run, invoke

webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium: pip install selenium")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
SCREENSHOTS = Path(os.environ.get("CLAIMS_SCREENSHOTS", REPO / "out" / "test-screenshots"))


def find_browser() -> tuple[str, str]:
    browser = next((path for path in map(shutil.which, BROWSERS) if path), None)
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("browser tests need Chromium and its driver: apt-get install chromium chromium-driver")
    return browser, driver


def headless_chrome(width: int, height: int) -> webdriver.Chrome:
    """A headless Chromium of that window size that keeps the page's console messages."""
    binary, driver_path = find_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chrome(1500, 950)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = build_run(tmp_path_factory.mktemp("browser"))
    assert invoke("report", out, "--html").exit_code == 0
    return out / "report"


def open_page(browser, path: Path) -> list[dict]:
    """Load a page; the console messages it logged while loading."""
    browser.get_log("browser")
    browser.get(path.as_uri())
    return browser.get_log("browser")


def errors(messages: list[dict]) -> list[dict]:
    return [message for message in messages if message["level"] == "SEVERE"]


def visible_rows(browser) -> list:
    return [row for row in browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr") if row.is_displayed()]


def in_view(browser, element, container_selector: str) -> bool:
    """Whether ``element`` is inside the visible part of its scrolling container."""
    return browser.execute_script(
        "const box = arguments[0].getBoundingClientRect();"
        "const view = document.querySelector(arguments[1]).getBoundingClientRect();"
        "return box.top >= view.top && box.bottom <= view.bottom;", element, container_selector)


def save_screenshot(browser, name: str) -> None:
    """Saves what the browser shows, once two frames are drawn, as SCREENSHOTS/name. A test run writes
    to the ignored out/test-screenshots, so running the tests changes no tracked file; the images the
    docs show are refreshed on purpose with `make screenshots` (CLAIMS_SCREENSHOTS=out/screenshots)."""
    browser.execute_async_script("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(SCREENSHOTS / name))
    assert (SCREENSHOTS / name).stat().st_size > 10_000


def test_the_index_and_every_page_load_without_console_errors(browser, report: Path) -> None:
    for page in ("index.html", f"{SEED_ID}.html", f"{HOSTILE_ID}.html"):
        assert errors(open_page(browser, report / page)) == [], page
    assert browser.execute_script("return typeof window.__pwned") == "undefined"


def test_a_highlight_leads_to_its_row_and_a_row_to_its_highlight(browser, report: Path) -> None:
    open_page(browser, report / f"{SEED_ID}.html")
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl-money[data-claim]")
    mark = marks[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    row = browser.find_element(By.ID, "claim-" + mark.get_attribute("data-claim"))
    assert "selected" in row.get_attribute("class")
    assert in_view(browser, row, "div.scroll")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#claims tr.selected")) == 1

    first_row = browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", first_row)
    first_row.click()
    target = browser.find_element(By.CSS_SELECTOR, f'mark.hl[data-claim="{first_row.get_attribute("data-claim")}"]')
    assert "active" in target.get_attribute("class")
    assert in_view(browser, target, "section.text")


def test_filters_narrow_the_table_and_a_hidden_row_comes_back_when_its_highlight_is_clicked(browser, report: Path) -> None:
    open_page(browser, report / f"{SEED_ID}.html")
    total = len(visible_rows(browser))
    Select(browser.find_element(By.NAME, "kind")).select_by_value("percent")
    percent = visible_rows(browser)
    assert 0 < len(percent) < total
    assert {row.get_attribute("data-kind") for row in percent} == {"percent"}
    assert browser.find_element(By.ID, "shown").text == f"{len(percent)} of {total} claims"

    Select(browser.find_element(By.NAME, "review")).select_by_value("verified")
    assert [row.get_attribute("data-review") for row in visible_rows(browser)] == []
    Select(browser.find_element(By.NAME, "kind")).select_by_value("")
    assert [row.get_attribute("data-review") for row in visible_rows(browser)] == ["verified"]

    Select(browser.find_element(By.NAME, "review")).select_by_value("")
    Select(browser.find_element(By.NAME, "reference")).select_by_value("supported")
    assert {row.get_attribute("data-reference") for row in visible_rows(browser)} == {"supported"}

    date = browser.find_element(By.CSS_SELECTOR, "mark.hl-date[data-claim]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", date)
    date.click()
    row = browser.find_element(By.ID, "claim-" + date.get_attribute("data-claim"))
    assert row.is_displayed() and "selected" in row.get_attribute("class")
    assert len(visible_rows(browser)) == total


def test_an_entity_filters_the_table_to_the_claims_that_name_it(browser, report: Path) -> None:
    open_page(browser, report / f"{SEED_ID}.html")
    entity = browser.find_element(By.CSS_SELECTOR, 'mark.hl-entity[data-search="Russia"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", entity)
    entity.click()
    assert browser.find_element(By.NAME, "q").get_attribute("value") == "Russia"
    rows = visible_rows(browser)
    assert rows and all("russia" in row.text.lower() for row in rows)


def test_headers_sort_the_table(browser, report: Path) -> None:
    open_page(browser, report / f"{SEED_ID}.html")
    header = next(th for th in browser.find_elements(By.CSS_SELECTOR, "#claims thead th") if th.text == "check-worthiness")
    column = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#claims thead th")].index("check-worthiness")

    def scores() -> list[float]:
        return [float(row.find_elements(By.TAG_NAME, "td")[column].get_attribute("textContent") or 0)
                for row in browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")]

    header.click()
    assert scores() == sorted(scores())
    header.click()
    assert scores() == sorted(scores(), reverse=True)


def test_markup_in_an_article_runs_nothing_whatever_the_reviewer_does(browser, report: Path) -> None:
    messages = open_page(browser, report / f"{HOSTILE_ID}.html")
    for mark in browser.find_elements(By.CSS_SELECTOR, "mark.hl"):
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        mark.click()
    for row in visible_rows(browser):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))", row)
        row.click()
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert errors(messages + browser.get_log("browser")) == []
    assert "<script>window.__pwned = 1</script>" in browser.find_element(By.CSS_SELECTOR, "section.text").text


def test_screenshot_of_the_seed_page(browser, report: Path) -> None:
    open_page(browser, report / f"{SEED_ID}.html")
    mark = browser.find_elements(By.CSS_SELECTOR, "mark.hl-money[data-claim]")[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    save_screenshot(browser, "seed-report.png")
