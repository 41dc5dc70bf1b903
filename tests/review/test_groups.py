"""Figures reviewed as one (pipeline/review/groups.py): a headline figure and the body figure it
restates are shown together, and on the review desk the body row's verdict goes to the headline
row, in both tables, unless a reviewer gave the headline row cells of its own."""
from __future__ import annotations

import http.client
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.review.desk import Desk
from pipeline.review.groups import follows, grouped_order
from tests.report_fixture import invoke
from tests.reviewer_edits import read_raw, review

GROUPED_ID = "harbour-fees"
GROUPED_TEXT = (
    "Harbour authority earns $17bn from shipping fees\n\n"
    "The Harbour Authority of Westport collected shipping fees of $17.1 billion in 2023, its annual report "
    "showed on Monday.\n\n"
    "Fees from container ships rose 8 percent, while 41,200 vessels called at the port. The authority "
    "expects fees of $19.4 billion in 2024.\n"
)


def build_grouped_run(folder: Path) -> Path:
    """A run of one article whose headline restates a body figure; returns the out folder."""
    articles = folder / "articles"
    articles.mkdir(parents=True)
    (articles / f"{GROUPED_ID}.txt").write_text(GROUPED_TEXT, encoding="utf-8")
    (articles / f"{GROUPED_ID}.meta.json").write_text(json.dumps(
        {"title": GROUPED_TEXT.splitlines()[0], "published": "2024-03-04", "source": "Westport Gazette"}),
        encoding="utf-8")
    out = folder / "out"
    assert invoke("run", articles, "--out", out).exit_code == 0
    return out


def ids_by_text(out: Path) -> dict[str, str]:
    return dict(read_raw(out / f"{GROUPED_ID}.claims.csv")[["text", "claim_id"]].values)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    return build_grouped_run(tmp_path_factory.mktemp("groups"))


@pytest.fixture
def desk(run: Path, tmp_path: Path) -> Iterator[Desk]:
    shutil.copytree(run, tmp_path / "out")
    server = Desk(tmp_path / "out")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def give(desk: Desk, claim_id: str, cells: dict, base: dict) -> dict:
    port = desk.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps({"article_id": GROUPED_ID, "claim_id": claim_id, "cells": cells, "base": base})
    connection.request("POST", f"/{desk.token}/api/verdict", body=body.encode(),
                       headers={"Host": f"127.0.0.1:{port}", "Origin": desk.origin, "Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200
    return json.loads(response.read())


def cells(out: Path, claim_id: str, table: str) -> dict:
    return read_raw(out / table).set_index("claim_id").loc[claim_id].to_dict()


EMPTY = {"review_status": "", "review_note": "", "evidence_url": "", "reviewer": ""}


def test_the_body_rows_verdict_and_note_reach_the_headline_row_in_both_tables(desk: Desk) -> None:
    ids = ids_by_text(desk.out_dir)
    body, headline = ids["$17.1 billion"], ids["$17bn"]
    answer = give(desk, body, {"review_status": "verified", "reviewer": "Ana"}, EMPTY)
    assert answer["group"][headline]["review_status"] == "verified"
    give(desk, body, {"review_note": "Annual report, p. 4."}, {**EMPTY, "review_status": "verified", "reviewer": "Ana"})
    for table in ("claims.csv", f"{GROUPED_ID}.claims.csv"):
        row = cells(desk.out_dir, headline, table)
        assert (row["review_status"], row["reviewer"], row["review_note"]) == ("verified", "Ana", "Annual report, p. 4.")
        assert row["reviewed_at"] == cells(desk.out_dir, body, table)["reviewed_at"] != ""
    give(desk, body, {"review_status": "false"}, {**EMPTY, "review_status": "verified", "reviewer": "Ana",
                                                  "review_note": "Annual report, p. 4."})
    assert cells(desk.out_dir, headline, "claims.csv")["review_status"] == "false"  # a copy follows
    report = invoke("report", desk.out_dir).stdout
    assert "2 reviewed" in report and "2 false" in report


def test_a_verdict_given_to_the_headline_row_by_hand_is_never_overwritten(desk: Desk) -> None:
    ids = ids_by_text(desk.out_dir)
    body, headline = ids["$17.1 billion"], ids["$17bn"]
    review(desk.out_dir / f"{GROUPED_ID}.claims.csv", {headline: {"review_status": "misleading"}})
    answer = give(desk, body, {"review_status": "verified"}, EMPTY)
    assert answer["group"] == {}
    assert cells(desk.out_dir, headline, f"{GROUPED_ID}.claims.csv")["review_status"] == "misleading"
    assert cells(desk.out_dir, body, f"{GROUPED_ID}.claims.csv")["review_status"] == "verified"


def test_a_verdict_on_the_headline_row_stays_there(desk: Desk) -> None:
    ids = ids_by_text(desk.out_dir)
    answer = give(desk, ids["$17bn"], {"review_status": "verified"}, EMPTY)
    assert answer["group"] == {}
    assert cells(desk.out_dir, ids["$17.1 billion"], "claims.csv")["review_status"] == ""


def test_the_page_shows_the_headline_row_under_the_body_row(run: Path) -> None:
    assert invoke("report", run, "--html").exit_code == 0
    page = (run / "report" / f"{GROUPED_ID}.html").read_text(encoding="utf-8")
    ids = ids_by_text(run)
    order = re.findall(r'<tr id="claim-(c[0-9a-f]+)"', page)
    assert order.index(ids["$17bn"]) == order.index(ids["$17.1 billion"]) + 1
    headline_row = re.search(rf'<tr id="claim-{ids["$17bn"]}"[^>]*>', page).group(0)
    assert f'data-group="{ids["$17.1 billion"]}"' in headline_row and "restating" in headline_row


def test_grouped_order_and_who_follows() -> None:
    rows = [{"claim_id": "h", "restates": "b"}, {"claim_id": "x"}, {"claim_id": "b"}, {"claim_id": "o", "restates": "gone"}]
    assert [row["claim_id"] for row in grouped_order(rows)] == ["x", "b", "h", "o"]
    main = {"review_status": "verified", "reviewer": "Ana"}
    assert follows({"review_status": "verified", "reviewer": "Ana"}, main)
    assert follows({"review_status": "unreviewed"}, {"review_status": ""})
    assert not follows({"review_note": "my own"}, {})
