"""``claims report``: the layering of highlights, the values as shown, the pages a run gives (rows
as the reviewer left them, an index with review progress), escaping of hostile text, and bad
output folders."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.errors import E_REPORT
from pipeline.review.pages import Highlight, _asset, free_parts, index_link, layered, page_link
from pipeline.review.rows import display_value
from tests.report_fixture import HOSTILE_ID, SEED_ID, build_run, invoke
from tests.reviewer_edits import read_raw


def test_free_parts_cut_around_taken_intervals() -> None:
    assert free_parts(0, 10, []) == [(0, 10)]
    assert free_parts(0, 10, [(2, 4), (6, 7)]) == [(0, 2), (4, 6), (7, 10)]
    assert free_parts(3, 5, [(0, 4), (4, 9)]) == []
    assert free_parts(5, 12, [(0, 6), (11, 20)]) == [(6, 11)]


def test_a_quote_is_cut_around_the_figures_and_entities_inside_it() -> None:
    quote = Highlight(0, 40, "quote", "QUOTE", claim="q")
    money = Highlight(10, 18, "money", "MONEY", claim="m")
    entity = Highlight(25, 30, "entity", "GPE", search="China")
    pieces = layered([quote, entity, money])
    assert [(p.start, p.end, p.kind, p.badge) for p in pieces] == [
        (0, 10, "quote", "QUOTE"), (10, 18, "money", "MONEY"), (18, 25, "quote", ""),
        (25, 30, "entity", "GPE"), (30, 40, "quote", "")]


def test_overlapping_spans_of_one_layer_keep_the_earlier_whole() -> None:
    pieces = layered([Highlight(5, 15, "money", "MONEY", claim="b"), Highlight(0, 10, "percent", "PERCENT", claim="a")])
    assert [(p.start, p.end, p.claim) for p in pieces] == [(0, 10, "a"), (10, 15, "b")]


@pytest.mark.parametrize("row, shown", [
    ({"kind": "money", "value": "190000000000", "unit": "USD", "qualifier": "approx"}, "about $190 billion"),
    ({"kind": "money", "value": "17100000000", "unit": "USD"}, "$17.1 billion"),
    ({"kind": "money", "value": "2074", "unit": "GBP/year"}, "£2,074 per year"),
    ({"kind": "money", "value": "5000000", "unit": "CHF"}, "CHF 5 million"),
    ({"kind": "percent", "value": "", "value_low": "5", "value_high": "6.5", "unit": "percent"}, "5%–6.5%"),
    ({"kind": "quantity", "value": "2615", "unit": "mile", "value_si": "4208.8", "unit_si": "m"}, "2,615 miles"),
    ({"kind": "quantity", "value": "18", "unit": "month", "value_si": "47336400", "unit_si": "second"}, "18 months"),
    ({"kind": "quantity", "value": "1", "unit": "barrel per day"}, "1 barrel per day"),
    ({"kind": "percent", "value": "2003", "unit": "basis_point"}, "2,003 basis points"),
    ({"kind": "count", "value": "1200", "unit": "person", "qualifier": "more_than"}, "more than 1,200 people"),
    ({"kind": "count", "value": "3", "unit": "times"}, "3 times"),
    ({"kind": "date", "value": "", "time_value": "2014/2015"}, "2014/2015"),
    ({"kind": "quote", "value": ""}, ""),
])
def test_display_value(row: dict, shown: str) -> None:
    assert display_value(row) == shown


def test_links_between_index_and_pages_hold_for_ids_in_subfolders() -> None:
    assert (page_link("a/b c"), index_link("a/b c")) == ("a/b%20c.html", "../index.html")
    assert index_link("plain") == "index.html"


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> Path:
    out = build_run(tmp_path_factory.mktemp("report"))
    result = invoke("report", out, "--html")
    assert result.exit_code == 0, result.stderr
    assert "2 article page(s)" in result.stderr
    return out


class Markup(HTMLParser):
    """Every tag, attribute and script of a page, and its text as a browser would show it."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def test_each_article_page_holds_every_row_and_a_highlight_for_it(reported: Path) -> None:
    rows = read_raw(reported / f"{SEED_ID}.claims.csv")
    markup = Markup((reported / "report" / f"{SEED_ID}.html").read_text(encoding="utf-8"))
    table_rows = {attrs["data-claim"]: attrs for tag, attrs in markup.tags if tag == "tr" and "data-claim" in attrs}
    marked = {attrs["data-claim"] for tag, attrs in markup.tags if tag == "mark" and attrs.get("data-claim")}
    assert set(table_rows) == set(rows["claim_id"]) == marked
    statuses = dict(zip(rows["claim_id"], rows["review_status"]))
    assert {claim: attrs["data-review"] for claim, attrs in table_rows.items()} == {
        claim: status or "unreviewed" for claim, status in statuses.items()}
    assert {attrs["data-reference"] for attrs in table_rows.values()} >= {"supported", "contradicted"}
    entities = [attrs for tag, attrs in markup.tags if tag == "mark" and attrs.get("class") == "hl hl-entity"]
    assert {"China", "Russia"} <= {attrs["data-search"] for attrs in entities}


def test_the_index_counts_claims_and_review_progress(reported: Path) -> None:
    page = (reported / "report" / "index.html").read_text(encoding="utf-8")
    markup = Markup(page)
    links = [attrs["href"] for tag, attrs in markup.tags if tag == "a"]
    bars = [(attrs["data-verified"], attrs["data-false"], attrs["data-other"], int(attrs["data-unreviewed"]))
            for tag, attrs in markup.tags if tag == "svg"]
    claims = {name: len(read_raw(reported / f"{name}.claims.csv")) for name in (SEED_ID, HOSTILE_ID)}
    assert dict(zip(links, bars)) == {f"{SEED_ID}.html": ("1", "1", "0", claims[SEED_ID] - 2),
                                      f"{HOSTILE_ID}.html": ("0", "0", "1", claims[HOSTILE_ID] - 1)}
    assert "1 verified, 1 false" in page


def test_the_text_summary_counts_the_same(reported: Path) -> None:
    result = invoke("report", reported)
    assert result.exit_code == 0
    seed_line = next(line for line in result.stdout.splitlines() if line.startswith(SEED_ID))
    assert ", 2 reviewed," in seed_line and "1 verified" in seed_line and "supported" in seed_line


def test_markup_in_articles_titles_and_reviewer_notes_is_text_not_code(reported: Path) -> None:
    page = (reported / "report" / f"{HOSTILE_ID}.html").read_text(encoding="utf-8")
    markup = Markup(page)
    assert [tag for tag, _ in markup.tags if tag in ("script", "img", "b", "i", "iframe")] == ["script"]
    assert markup.scripts == [_asset("report.js")]
    for tag, attrs in markup.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert not any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()), (tag, attrs)
    shown = "".join(markup.text)
    assert "<script>window.__pwned = 1</script>" in shown
    assert 'on <img src=x onerror="' in shown and '<b onmouseover=' in shown
    assert '<script>window.__pwned = 4</script>Roads & "bridges"' in shown
    policy = next(attrs["content"] for tag, attrs in markup.tags if attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_the_report_leaves_the_reviewed_tables_as_they_were(reported: Path) -> None:
    tables = sorted(reported.glob("*.csv"))
    before = {path: path.read_bytes() for path in tables}
    assert invoke("report", reported, "--html").exit_code == 0
    assert {path: path.read_bytes() for path in tables} == before


def test_a_folder_without_a_run_is_one_coded_line(tmp_path: Path) -> None:
    result = invoke("report", tmp_path / "nowhere", "--html")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"[{E_REPORT}] {tmp_path / 'nowhere' / 'claims.jsonl'}: no claims.jsonl here: run `claims run` into this folder first"]


def test_a_broken_record_or_table_is_reported_and_the_rest_still_written(reported: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(reported, out)
    lines = (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    (out / "claims.jsonl").write_text("\n".join([lines[0], '{"id": "half', lines[1]]) + "\n", encoding="utf-8")
    (out / f"{HOSTILE_ID}.claims.csv").write_bytes(b"\x00\xff\xfe binary")
    result = invoke("report", out, "--html")
    assert result.exit_code == 1
    problems = result.stderr.splitlines()
    assert any(line.startswith(f"[{E_REPORT}] {out / 'claims.jsonl'}:2: not an article record") for line in problems)
    assert any(line.startswith(f"[E030] {out / (HOSTILE_ID + '.claims.csv')}: not a readable claims CSV") and
               line.endswith("its rows are shown as the run found them") for line in problems)
    hostile = (out / "report" / f"{HOSTILE_ID}.html").read_text(encoding="utf-8")
    assert "rows from claims.jsonl" in hostile
    assert (out / f"{HOSTILE_ID}.claims.csv").read_bytes() == b"\x00\xff\xfe binary"
    assert hostile.count('<tr id="claim-') == len(read_raw(reported / f"{HOSTILE_ID}.claims.csv"))


def test_an_id_that_leaves_the_report_folder_gets_no_page(reported: Path, tmp_path: Path) -> None:
    out = tmp_path / "run" / "out"
    shutil.copytree(reported, out)
    record = json.loads((out / "claims.jsonl").read_text(encoding="utf-8").splitlines()[0])
    record["id"] = "../../escaped"
    with (out / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    result = invoke("report", out, "--html")
    assert result.exit_code == 1
    assert "article id '../../escaped' would put its page outside" in result.stderr
    assert not (tmp_path / "run" / "escaped.html").exists()
    assert "2 article page(s)" in result.stderr


def test_the_index_lists_the_inputs_that_failed(reported: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(reported, out)
    (out / "failures.csv").write_text('path,code,message\narticles/<b>scan</b>.txt,E003,"binary file, skipped"\n',
                                      encoding="utf-8")
    assert invoke("report", out, "--html").exit_code == 0
    page = (out / "report" / "index.html").read_text(encoding="utf-8")
    assert "1 failed input(s)" in page
    assert "<code>articles/&lt;b&gt;scan&lt;/b&gt;.txt</code>: [E003] binary file, skipped" in page
