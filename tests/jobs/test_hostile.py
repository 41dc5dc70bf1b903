"""A batch over hostile inputs: each bad file beside a good article gives one coded line naming
it and fails nothing else; a file that can be read in spite of its oddity (another encoding, no
metadata, an odd name, one endless line) gives claims; and a reviewed table in the output folder
is never lost, also when its article fails on a later run."""
from __future__ import annotations

import csv
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.jobs.run import run_paths
from pipeline.nlp.breaks import LONGEST_RUN

GOOD = "Tarrow Mills said on Tuesday its sales rose 12% to $40 million in the third quarter.\n"
OTHER = "Kestrel Foods hired 300 staff in 2023, 4 percent more than a year before.\n"
DATED = {"published": "2024-05-07", "title": "Sales"}


def _write(folder: Path, name: str, data: bytes | str, meta: dict | str | bytes | None = DATED) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    if meta is not None:
        meta = json.dumps(meta) if isinstance(meta, dict) else meta
        path.with_name(path.name.removesuffix(".txt") + ".meta.json").write_bytes(
            meta if isinstance(meta, bytes) else meta.encode("utf-8"))
    return path


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = _write(folder, "locked.txt", OTHER)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads any file whatever its mode: the system's refusal stood in
        opened = Path.open

        def refusing(self: Path, *args, **kwargs):
            if self == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return opened(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing)
    return "locked.txt"


def _loop(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    os.symlink("loop.txt", folder / "loop.txt")
    return "loop.txt"


Maker = Callable[[Path, pytest.MonkeyPatch], str]
"""Writes one hostile input into a folder and returns the name its line must give."""

def _bad_meta(meta: dict | str | bytes) -> Maker:
    return lambda folder, _: _write(folder, "a.txt", OTHER, meta).name.removesuffix(".txt") + ".meta.json"


FAILING: dict[str, tuple[Maker, str]] = {
    "empty": (lambda folder, _: _write(folder, "empty.txt", "").name, "E002"),
    "binary bytes": (lambda folder, _: _write(folder, "blob.txt", bytes(range(256)) * 4).name, "E003"),
    "over the size limit": (lambda folder, _: _write(folder, "huge.txt", OTHER * 60).name, "E006"),
    "metadata not JSON": (_bad_meta("{published: 2024-05-07,"), "E005"),
    "metadata a list": (_bad_meta("[1, 2]"), "E005"),
    "metadata null": (_bad_meta("null"), "E005"),
    "metadata not UTF-8": (_bad_meta(b"\xff\xfe{"), "E005"),
    "published not a date": (_bad_meta({"published": "next Tuesday"}), "E005"),
    "published a number": (_bad_meta({"published": 20240507}), "E005"),
    "title not a string": (_bad_meta({"title": ["Sales"]}), "E005"),
    "symbolic link loop": (_loop, "E047"),
    "unreadable": (_unreadable, "E001"),
}


def _run(folder: Path, out: Path, resources, max_bytes: int = 2000) -> tuple[list[str], list[str], dict[str, list[dict]]]:
    lines: list[str] = []
    summary = run_paths([folder], out, resources, lines.append, max_bytes=max_bytes)
    with (out / "claims.csv").open(encoding="utf-8") as handle:
        rows: dict[str, list[dict]] = {}
        for row in csv.DictReader(handle):
            rows.setdefault(row["article_id"], []).append(row)
    return summary.failures, lines, rows


@pytest.mark.parametrize("kind", FAILING, ids=str)
def test_a_bad_input_is_one_coded_line_and_the_batch_goes_on(kind, tmp_path, resources, monkeypatch):
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "good.txt", GOOD)
    make, code = FAILING[kind]
    name = make(folder, monkeypatch)

    failures, lines, rows = _run(folder, tmp_path / "out", resources)

    named = [line for line in lines if str(folder / name) in line]
    assert failures == named and len(named) == 1 and named[0].startswith(f"[{code}] {folder / name}: "), lines
    assert "\n" not in named[0]
    assert list(rows) == ["good"] and {row["kind"] for row in rows["good"]} >= {"percent", "money"}


def test_a_loop_of_links_is_told_apart_from_a_dangling_link(tmp_path, resources):
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "good.txt", GOOD)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    failures, _, _ = _run(folder, tmp_path / "out", resources)
    assert all("a loop of links" in line and "--follow-symlinks" not in line for line in failures) and len(failures) == 2


READABLE: dict[str, Callable[[Path], Path]] = {
    "UTF-16 with its byte order mark": lambda folder: _write(folder, "wide.txt", OTHER.encode("utf-16")),
    "cp1252 quotes and dash": lambda folder: _write(
        folder, "quoted.txt", "Kestrel Foods\u2019 chief said \u201cwe hired 300 staff\u201d in 2023 \u2013 a record.\n"
        .encode("cp1252")),
    "no metadata": lambda folder: _write(folder, "bare.txt", OTHER, None),
    "spaces and accents in the name": lambda folder: _write(folder, "Küche und Café 2023.txt", OTHER),
    "one endless line": lambda folder: _write(
        folder, "endless.txt", "the depot sent 12 crates for $40 each and 7 more at 3% off and " * 60, None),
}


@pytest.mark.parametrize("kind", READABLE, ids=str)
def test_an_odd_input_that_can_be_read_gives_claims(kind, tmp_path, resources):
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "good.txt", GOOD)
    path = READABLE[kind](folder)

    failures, lines, rows = _run(folder, tmp_path / "out", resources, max_bytes=20_000)

    assert failures == [] and not [line for line in lines if line.startswith("[E") and "E046" not in line], lines
    (other,) = set(rows) - {"good"}
    assert other.isascii() and (tmp_path / "out" / f"{other}.claims.csv").is_file()
    assert any(row["kind"] in ("count", "money") for row in rows[other]), (path.name, rows[other])


def test_an_endless_line_is_parsed_in_sentences_of_bounded_length(resources):
    doc = resources.nlp("the depot sent 12 crates for $40 each and 7 more at 3% off and " * 60)
    assert len(doc) > 4 * LONGEST_RUN and max(len(sentence) for sentence in doc.sents) <= LONGEST_RUN


def test_a_long_sentence_of_news_is_not_cut(resources):
    clauses = ", ".join(f"{town} with {count} new homes" for town, count in
                        zip(("Arden", "Belmoor", "Corran", "Dunley", "Esk", "Farrow", "Glen", "Hale"), range(10, 90, 10)))
    text = f"The council said on Monday that building went on in {clauses}, more than in any year since 1998.\n"
    doc = resources.nlp(text * 2)
    assert [sentence.text.strip() for sentence in doc.sents] == [text.strip()] * 2


def test_a_reviewed_table_outlives_a_run_its_article_fails_in(tmp_path, resources):
    from tests.reviewer_edits import review
    folder, out = tmp_path / "news", tmp_path / "out"
    folder.mkdir()
    _write(folder, "good.txt", GOOD)
    _write(folder, "other.txt", OTHER)
    run_paths([folder], out, resources, lambda line: None)
    with (out / "good.claims.csv").open(encoding="utf-8") as handle:
        claim_id = next(csv.DictReader(handle))["claim_id"]
    review(out / "good.claims.csv", {claim_id: {"review_status": "verified", "review_note": "as filed"}})
    review(out / "claims.csv", {claim_id: {"review_status": "verified"}})
    (folder / "good.meta.json").write_text("[broken", encoding="utf-8")

    failures, _, rows = _run(folder, out, resources)

    assert len(failures) == 1 and failures[0].startswith(f"[E005] {folder / 'good.meta.json'}")
    with (out / "good.claims.csv").open(encoding="utf-8") as handle:
        assert {(row["claim_id"], row["review_status"], row["review_note"]) for row in csv.DictReader(handle)
                if row["review_status"]} == {(claim_id, "verified", "as filed")}
    assert {row["review_status"] for row in rows["good"] if row["claim_id"] == claim_id} == {"verified"}
    assert set(rows) == {"good", "other"}
