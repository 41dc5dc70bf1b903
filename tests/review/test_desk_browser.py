"""The review desk in a real headless browser (Chromium driven by Selenium): verdicts given with one
key are in the CSV after a reload, two tabs editing different rows lose nothing, and a run that
rewrites the tables while a change waits in the page never overwrites it. The page fits a
1,400 px screen. Saves a screenshot of the desk."""
from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.output.lock import hold_output_lock
from pipeline.review.desk import Desk
from tests.report_fixture import SEED_ID, build_run, invoke
from tests.reviewer_edits import read_raw

webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium: pip install selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.review.test_pages_browser import errors, headless_chrome, save_screenshot  # noqa: E402

WIDTH = 1400


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    driver = headless_chrome(WIDTH, 900)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_run(tmp_path_factory.mktemp("desk-browser"))


@pytest.fixture
def desk(built: Path, tmp_path: Path) -> Iterator[Desk]:
    folder = tmp_path / "run"
    shutil.copytree(built.parent, folder)
    server = Desk(folder / "out")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def article_url(desk: Desk) -> str:
    return desk.url.replace("index.html", f"{SEED_ID}.html")


def keys(browser, *typed: str) -> None:
    ActionChains(browser).send_keys(*typed).perform()


def saved(browser) -> None:
    """Wait until the page says its last change was saved."""
    WebDriverWait(browser, 30).until(
        lambda driver: driver.find_element(By.ID, "saved").text.startswith("Saved")
        and not driver.find_elements(By.CSS_SELECTOR, "tr.unsaved"))


def selected(browser):
    return browser.find_element(By.CSS_SELECTOR, "#claims tr.selected")


def row_of(out: Path, claim_id: str, table: str = "claims.csv") -> dict:
    return read_raw(out / table).set_index("claim_id").loc[claim_id].to_dict()


def test_a_verdict_and_a_note_given_with_keys_are_in_the_csv_after_a_reload(browser, desk: Desk) -> None:
    browser.get(article_url(desk))
    assert errors(browser.get_log("browser")) == []
    keys(browser, "j", "j")
    claim_id = selected(browser).get_attribute("data-claim")
    keys(browser, "f")
    saved(browser)
    keys(browser, "e", "Customs data give 29.3%.", Keys.ESCAPE)
    saved(browser)

    browser.refresh()
    row = browser.find_element(By.ID, f"claim-{claim_id}")
    assert row.find_element(By.CSS_SELECTOR, "select.verdict").get_attribute("value") == "false"
    for table in ("claims.csv", f"{SEED_ID}.claims.csv"):
        cells = row_of(desk.out_dir, claim_id, table)
        assert (cells["review_status"], cells["review_note"]) == ("false", "Customs data give 29.3%.")
        assert cells["reviewed_at"]
    exported = invoke("export", "--claimreview", "--claims", desk.out_dir / "claims.csv").stdout
    assert claim_id in exported and '"alternateName": "False"' in exported


def test_two_tabs_editing_different_rows_lose_nothing(browser, desk: Desk) -> None:
    browser.get(article_url(desk))
    first_tab = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(article_url(desk))
    second_tab = browser.current_window_handle
    try:
        browser.switch_to.window(first_tab)
        keys(browser, "j", "j", "j", "m")
        first = selected(browser).get_attribute("data-claim")
        saved(browser)
        browser.switch_to.window(second_tab)  # loaded before the first tab saved
        keys(browser, "j", "j", "j", "j", "u")
        second = selected(browser).get_attribute("data-claim")
        saved(browser)
        keys(browser, "k", "v")  # the first tab's row, changed since this tab loaded it
        WebDriverWait(browser, 30).until(lambda driver: "E032" in driver.find_element(By.ID, "saved").text)
    finally:
        browser.close()
        browser.switch_to.window(first_tab)
    assert first != second
    assert row_of(desk.out_dir, first)["review_status"] == "misleading"
    assert row_of(desk.out_dir, second)["review_status"] == "unverifiable"


def test_a_run_while_the_page_holds_a_change_never_overwrites_it(browser, desk: Desk) -> None:
    out = desk.out_dir
    browser.get(article_url(desk))
    keys(browser, "j", "e", "Checked against the customs release.")
    claim_id = selected(browser).get_attribute("data-claim")
    rows = len(read_raw(out / "claims.csv"))
    assert invoke("run", out.parent / "articles", "--out", out).exit_code == 0
    with hold_output_lock(out, "claims run"):  # a second run holds the folder when the page saves
        keys(browser, Keys.ESCAPE)
        WebDriverWait(browser, 30).until(lambda driver: "Waiting" in driver.find_element(By.ID, "saved").text)
    saved(browser)
    for table in ("claims.csv", f"{SEED_ID}.claims.csv"):
        assert row_of(out, claim_id, table)["review_note"] == "Checked against the customs release."
    assert len(read_raw(out / "claims.csv")) == rows
    seed = read_raw(out / f"{SEED_ID}.claims.csv")
    assert sorted(seed.query("review_status != ''")["review_status"]) == ["false", "verified"]  # the fixture's kept


def test_the_desk_fits_a_1400_pixel_screen_and_shows_each_claims_sentence(browser, desk: Desk) -> None:
    browser.get(article_url(desk))
    assert browser.execute_script("return document.documentElement.scrollWidth") <= WIDTH
    assert browser.execute_script("const s = document.querySelector('div.scroll'); return s.scrollWidth <= s.clientWidth")
    row = browser.find_elements(By.CSS_SELECTOR, "#claims tbody tr")[0]
    assert row.find_element(By.CSS_SELECTOR, ".sentence").is_displayed()


def test_screenshot_of_the_desk(browser, desk: Desk) -> None:
    browser.get(article_url(desk))
    money = browser.find_elements(By.CSS_SELECTOR, "#claims tr[data-kind='money']")[-1]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", money)
    money.find_element(By.CSS_SELECTOR, "td.claim").click()
    keys(browser, "v", "e", "Matches the customs release for 2023.", Keys.ESCAPE)
    saved(browser)
    keys(browser, "s")
    save_screenshot(browser, "review-desk.png")
