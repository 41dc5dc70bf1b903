"""Figures reviewed as one, and the index's chart, in a real headless browser (Chromium driven by
Selenium): the headline row sits under the body figure it restates, also after sorting; a verdict
given to the body row with one key shows on the headline row at once and is in both tables; the
index draws a bar per article whose parts are the verdict counts, whatever the article's title."""
from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.review.desk import Desk
from tests.report_fixture import HOSTILE_ID, SEED_ID, build_run, invoke
from tests.review.test_groups import GROUPED_ID, build_grouped_run, ids_by_text
from tests.reviewer_edits import read_raw

webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium: pip install selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.review.test_pages_browser import errors, headless_chrome, open_page, save_screenshot  # noqa: E402


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chrome(1400, 900)
    yield driver
    driver.quit()


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    server = Desk(build_grouped_run(tmp_path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def table_order(browser) -> list[str]:
    return [row.get_attribute("data-claim") for row in browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")]


def test_a_verdict_on_the_body_row_shows_on_the_headline_row_and_reaches_both_tables(browser, desk: Desk) -> None:
    ids = ids_by_text(desk.out_dir)
    body, headline = ids["$17.1 billion"], ids["$17bn"]
    browser.get(desk.url.replace("index.html", f"{GROUPED_ID}.html"))
    assert errors(browser.get_log("browser")) == []
    order = table_order(browser)
    assert order.index(headline) == order.index(body) + 1
    headline_row = browser.find_element(By.ID, f"claim-{headline}")
    assert headline_row.is_displayed() and "restates $17.1 billion" in headline_row.text
    assert "also as $17bn" in browser.find_element(By.ID, f"claim-{body}").text

    browser.find_element(By.CSS_SELECTOR, f"#claim-{body} td.claim").click()
    ActionChains(browser).send_keys("v").perform()
    WebDriverWait(browser, 30).until(lambda driver: "restating it" in driver.find_element(By.ID, "saved").text)
    verdict = headline_row.find_element(By.CSS_SELECTOR, "select.verdict")
    assert verdict.get_attribute("value") == "verified" and headline_row.get_attribute("data-review") == "verified"
    for table in ("claims.csv", f"{GROUPED_ID}.claims.csv"):
        statuses = read_raw(desk.out_dir / table).set_index("claim_id")["review_status"]
        assert (statuses[body], statuses[headline]) == ("verified", "verified")

    header = next(th for th in browser.find_elements(By.CSS_SELECTOR, "#claims thead th") if th.text == "check-worthiness")
    for _ in range(2):  # either way round, the headline row stays under its body row
        header.click()
        order = table_order(browser)
        assert order.index(headline) == order.index(body) + 1
    save_screenshot(browser, "review-group.png")


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    out = build_run(tmp_path_factory.mktemp("chart"))
    assert invoke("report", out, "--html").exit_code == 0
    return out


def test_the_index_chart_draws_each_articles_verdicts(browser, index: Path) -> None:
    assert errors(open_page(browser, index / "report" / "index.html")) == []
    assert browser.execute_script("return typeof window.__pwned") == "undefined"  # the hostile title ran nothing
    for article_id, counts in ((SEED_ID, {"verified": 1, "false": 1, "other": 0}),
                               (HOSTILE_ID, {"verified": 0, "false": 0, "other": 1})):
        claims = len(read_raw(index / f"{article_id}.claims.csv"))
        counts["unreviewed"] = claims - sum(counts.values())
        link = browser.find_element(By.CSS_SELECTOR, f'a[href="{article_id}.html"]')
        bar = link.find_element(By.XPATH, "ancestor::tr").find_element(By.CSS_SELECTOR, "svg.progress")
        assert bar.is_displayed()
        full = float(bar.get_attribute("width"))
        drawn = {part: browser.execute_script(
            "const r = arguments[0].querySelector('rect.' + arguments[1]); return r ? r.width.baseVal.value : 0;",
            bar, part) for part in counts}
        assert drawn == pytest.approx({part: full * count / claims for part, count in counts.items()}, abs=0.01)
        label = bar.get_attribute("aria-label")
        assert f"{counts['verified']} verified, {counts['false']} false, {counts['other']} other verdict" in label
    save_screenshot(browser, "review-index.png")
