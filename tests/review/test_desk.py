"""The review desk over HTTP: only this machine's browser, with the token, from the desk's own pages,
can save; a save lands in both tables, merges with changes made in the file meanwhile, refuses a
cell someone else changed (E032), and waits while a run holds the folder."""
from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import E_REVIEW_CONFLICT, PipelineError
from pipeline.output.lock import hold_output_lock
from pipeline.review.desk import Desk
from pipeline.review.verdicts import Edit, save_edit
from tests.report_fixture import SEED_ID, build_run, invoke
from tests.reviewer_edits import read_raw, review


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    return build_run(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def out(run: Path, tmp_path: Path) -> Path:
    import shutil
    copy = tmp_path / "out"
    shutil.copytree(run, copy)
    return copy


@pytest.fixture
def desk(out: Path) -> Iterator[Desk]:
    server = Desk(out)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def request(desk: Desk, method: str, path: str, body: object = None, **headers: str) -> tuple[int, str]:
    port = desk.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    sent = {"Host": f"127.0.0.1:{port}", **headers}
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        sent.setdefault("Content-Type", "application/json")
        sent.setdefault("Origin", desk.origin)
    connection.request(method, path, body=data, headers=sent)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8")


def unreviewed(out: Path) -> list[str]:
    return read_raw(out / f"{SEED_ID}.claims.csv").query("review_status == ''")["claim_id"].tolist()


def edit(claim_id: str, **cells: str) -> dict:
    return {"article_id": SEED_ID, "claim_id": claim_id, "cells": cells, "base": {name: "" for name in cells}}


def test_pages_need_the_token_and_this_host(desk: Desk) -> None:
    token = desk.token
    assert request(desk, "GET", f"/{token}/index.html")[0] == 200
    status, page = request(desk, "GET", f"/{token}/{SEED_ID}.html")
    assert status == 200 and 'class="verdict"' in page and "connect-src 'self'" in page
    assert request(desk, "GET", "/index.html")[0] == 404
    wrong = token[:-1] + ("y" if token.endswith("x") else "x")  # one character off, whatever the token ends in
    assert request(desk, "GET", f"/{wrong}/index.html")[0] == 404
    assert request(desk, "GET", f"/{token}/index.html", Host="attacker.example")[0] == 421
    assert desk.server_address[0] == "127.0.0.1"


def test_a_save_from_another_origin_or_not_json_is_refused(desk: Desk, out: Path) -> None:
    claim_id = unreviewed(out)[0]
    path = f"/{desk.token}/api/verdict"
    before = (out / "claims.csv").read_bytes()
    assert request(desk, "POST", path, edit(claim_id, review_status="false"), Origin="http://attacker.example")[0] == 403
    assert request(desk, "POST", path, edit(claim_id, review_status="false"), **{"Content-Type": "text/plain"})[0] == 415
    assert request(desk, "POST", path, {**edit(claim_id), "cells": {"value": "1"}})[0] == 400
    assert (out / "claims.csv").read_bytes() == before


def test_a_verdict_is_saved_in_both_tables_and_shown_by_report_and_export(desk: Desk, out: Path) -> None:
    claim_id = unreviewed(out)[0]
    status, body = request(desk, "POST", f"/{desk.token}/api/verdict",
                           edit(claim_id, review_status="verified", reviewer="Ana", review_note="Customs data agree.",
                                evidence_url="http://english.customs.gov.cn/"))
    assert status == 200, body
    assert json.loads(body)["cells"]["reviewed_at"] == date.today().isoformat()
    for table in (out / f"{SEED_ID}.claims.csv", out / "claims.csv"):
        row = read_raw(table).set_index("claim_id").loc[claim_id]
        assert (row["review_status"], row["reviewer"], row["review_note"]) == ("verified", "Ana", "Customs data agree.")
    assert "2 verified" in invoke("report", out).stdout
    exported = invoke("export", "--claimreview", "--claims", out / "claims.csv").stdout
    assert claim_id in exported and "Customs data agree." in exported


def test_a_cell_changed_in_the_file_meanwhile_is_refused_and_other_cells_merge(out: Path) -> None:
    first, second = unreviewed(out)[:2]
    review(out / f"{SEED_ID}.claims.csv", {first: {"review_status": "false", "review_note": "by hand"}})
    with pytest.raises(PipelineError) as refused:
        save_edit(out, Edit.of_json(edit(first, review_status="verified")))
    assert refused.value.code == E_REVIEW_CONFLICT and "'false' in the file" in str(refused.value)
    assert read_raw(out / "claims.csv").set_index("claim_id").loc[first, "review_status"] == ""  # nothing written

    saved = save_edit(out, Edit(SEED_ID, first, {"reviewer": "Ana"}, {"reviewer": ""}))
    assert saved["review_status"] == "false" and saved["reviewer"] == "Ana"  # the hand edit kept, the page's merged
    save_edit(out, Edit.of_json(edit(second, review_status="misleading")))
    rows = read_raw(out / f"{SEED_ID}.claims.csv").set_index("claim_id")
    assert (rows.loc[first, "review_note"], rows.loc[second, "review_status"]) == ("by hand", "misleading")


def reading_with(monkeypatch: pytest.MonkeyPatch, after_read=lambda path: None) -> list[Path]:
    """The tables save_edit reads, in order; ``after_read`` runs right after each read, as a
    reviewer saving the file by hand at that moment would."""
    from pipeline.review import verdicts

    read: list[Path] = []

    def counted(path: Path):
        frame = verdicts_read(path)
        read.append(path)
        after_read(path)
        return frame

    verdicts_read = verdicts.read_claims
    monkeypatch.setattr(verdicts, "read_claims", counted)
    return read


def test_a_save_reads_each_table_once(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read = reading_with(monkeypatch)
    save_edit(out, Edit.of_json(edit(unreviewed(out)[0], review_status="verified")))
    assert read == [out / f"{SEED_ID}.claims.csv", out / "claims.csv"]


def saving_by_hand_once(table: Path, changes: dict[str, dict[str, str]]):
    """A reviewer saving ``changes`` into ``table`` by hand the first time the desk reads it, that
    is between the desk's read and its write."""
    saved: list[Path] = []

    def hand_save(path: Path) -> None:
        if path == table and not saved:
            saved.append(path)
            review(table, changes)

    return hand_save


def test_a_hand_save_between_the_read_and_the_write_is_merged_not_overwritten(out: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = unreviewed(out)[:2]
    table = out / f"{SEED_ID}.claims.csv"
    read = reading_with(monkeypatch, saving_by_hand_once(table, {second: {"review_note": "by hand"}}))
    save_edit(out, Edit.of_json(edit(first, review_status="verified")))
    rows = read_raw(table).set_index("claim_id")
    assert (rows.loc[first, "review_status"], rows.loc[second, "review_note"]) == ("verified", "by hand")
    assert read == [table, out / "claims.csv", table]  # read again only because it changed


def test_a_conflicting_hand_save_between_the_read_and_the_write_is_refused(out: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first = unreviewed(out)[0]
    table = out / f"{SEED_ID}.claims.csv"
    reading_with(monkeypatch, saving_by_hand_once(table, {first: {"review_status": "false"}}))
    with pytest.raises(PipelineError) as refused:
        save_edit(out, Edit.of_json(edit(first, review_status="verified")))
    assert refused.value.code == E_REVIEW_CONFLICT
    assert read_raw(table).set_index("claim_id").loc[first, "review_status"] == "false"


def test_a_save_waits_while_a_run_holds_the_folder(desk: Desk, out: Path) -> None:
    claim_id = unreviewed(out)[0]
    with hold_output_lock(out, "claims run"):
        status, body = request(desk, "POST", f"/{desk.token}/api/verdict", edit(claim_id, review_status="false"))
    assert status == 423 and "E033" in body and "claims run" in body
    assert request(desk, "POST", f"/{desk.token}/api/verdict", edit(claim_id, review_status="false"))[0] == 200


def test_a_status_that_is_not_allowed_is_refused(out: Path) -> None:
    with pytest.raises(PipelineError, match="E031"):
        save_edit(out, Edit.of_json(edit(unreviewed(out)[0], review_status="Verified")))
