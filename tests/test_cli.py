"""The ``claims`` command end to end: real articles, the real spaCy model, the real rules.

Most tests call the Typer app in-process through CliRunner; two run a subprocess, for what only a
separate process shows: ``python -m pipeline`` works, and ``claims extract`` keeps stdout clean.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import CLAIM_COLUMNS, CLAIM_KINDS, FIGURE_KINDS, KINDS, REVIEW_COLUMNS
from pipeline.rules import RULES_DIR, check_rules
from tests.evaluate.test_timeml import TML

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

ARTICLE = (
    "Exports hit a record\n"
    "\n"
    "In 2023, exports grew by 12 percent to $5.2 billion. "
    "The ministry said on March 4, 2024 that imports fell by 3.5 percent. "
    "Two years ago, the company employed 4,000 workers.\n"
)

# The money figure has a sentence of its own, so that removing it changes no other claim's id.
REVIEWED_ARTICLE = (
    "Exports hit a record\n"
    "\n"
    "In 2023, exports grew by 12 percent. "
    "Their value reached $5.2 billion, the ministry said. "
    "Two years ago, the company employed 4,000 workers.\n"
)

FIGURE_KEYS = {"start", "end", "text", "kind", "value", "value_low", "value_high", "unit", "value_si", "unit_si", "link", "linked_to",
               "qualifier", "role", "direction", "time", "rules"}
DATE_KEYS = {"start", "end", "text", "value", "relative"}


# --- helpers ------------------------------------------------------------------------------------


def invoke(*args: object, input: str | None = None):
    """Run the app in-process; stdout and stderr are captured separately."""
    return CliRunner().invoke(app, [str(arg) for arg in args], input=input, catch_exceptions=False)


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def rows(frame: pd.DataFrame, **where: str) -> list[dict[str, str]]:
    selected = frame
    for column, value in where.items():
        selected = selected[selected[column] == value]
    return selected.to_dict("records")


def one_row(frame: pd.DataFrame, **where: str) -> dict[str, str]:
    found = rows(frame, **where)
    assert len(found) == 1, f"expected one row with {where}, got {len(found)}:\n{frame.to_string()}"
    return found[0]


def write_article(folder: Path, name: str, text: str = ARTICLE, meta: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        path.with_name(path.stem + ".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def claims_command() -> list[str]:
    """The installed ``claims`` script of this interpreter's environment."""
    script = shutil.which("claims", path=str(Path(sys.executable).parent))
    assert script, f"no claims script next to {sys.executable}"
    return [script]


def lines_naming(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if name in line]


# --- claims run ---------------------------------------------------------------------------------


def test_run_writes_per_article_and_combined_tables(tmp_path: Path) -> None:
    article = write_article(tmp_path / "in", "exports.txt")
    out = tmp_path / "out"

    result = invoke("run", article, "--out", out, "--published", "2024-04-09")

    assert result.exit_code == 0, result.stderr
    assert (out / "exports.claims.csv").is_file()
    assert (out / "claims.csv").is_file()
    assert (out / "claims.jsonl").is_file()
    assert "0 failure(s)" in result.stderr
    assert result.stdout == ""

    frame = read_csv(out / "exports.claims.csv")
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    assert len(frame) >= 4
    assert set(frame["article_id"]) == {"exports"}

    money = one_row(frame, kind="money", text="$5.2 billion")
    assert money["value"] == "5200000000"
    assert money["unit"] == "USD"
    assert money["time_value"] == "2023"
    assert money["sentence"] == "In 2023, exports grew by 12 percent to $5.2 billion."

    percent = one_row(frame, kind="percent", text="12 percent")
    assert (percent["value"], percent["unit"], percent["role"], percent["direction"]) == ("12", "percent", "change", "up")
    # said on March 4, 2024: that dates the statement; the period is the paragraph's 2023
    imports = one_row(frame, kind="percent", text="3.5 percent")
    assert (imports["time_value"], imports["time_source"]) == ("2023", "context")
    workers = one_row(frame, kind="count", text="4,000 workers")
    assert workers["value"] == "4000"
    assert workers["time_value"] == "2022"  # "Two years ago" from --published 2024-04-09

    # Offsets index the article text, the rules column names real rule ids, reviewer cells are empty.
    rule_ids = {rule.id for rule in check_rules(RULES_DIR)[0].rules}
    for row in frame.to_dict("records"):
        assert ARTICLE[int(row["start"]):int(row["end"])] == row["text"]
        named = [rule for rule in row["rules"].split("; ") if rule]
        assert named, row
        assert set(named) <= rule_ids, row["rules"]
        assert all(row[column] == "" for column in ("review_status", "reviewer", "review_note"))
    assert any(rule.startswith("money-") for rule in money["rules"].split("; "))

    combined = read_csv(out / "claims.csv")
    assert list(combined.columns) == list(CLAIM_COLUMNS)
    assert combined.to_dict("records") == frame.to_dict("records")

    records = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == ["exports"]
    assert {claim["claim_id"] for claim in records[0]["claims"]} == set(frame["claim_id"])


def test_run_uses_meta_json_and_published_overrides_it(tmp_path: Path) -> None:
    article = write_article(tmp_path / "in", "story.txt",
                            meta={"id": "exports-2023", "published": "2024-04-09", "title": "Exports"})

    from_meta = invoke("run", article, "--out", tmp_path / "meta")
    assert from_meta.exit_code == 0, from_meta.stderr
    assert not (tmp_path / "meta" / "story.claims.csv").exists()
    frame = read_csv(tmp_path / "meta" / "exports-2023.claims.csv")
    assert set(frame["article_id"]) == {"exports-2023"}
    assert one_row(frame, kind="count")["time_value"] == "2022"  # two years before 2024-04-09
    assert set(read_csv(tmp_path / "meta" / "claims.csv")["article_id"]) == {"exports-2023"}

    overridden = invoke("run", article, "--out", tmp_path / "flag", "--published", "2020-06-01")
    assert overridden.exit_code == 0, overridden.stderr
    frame = read_csv(tmp_path / "flag" / "exports-2023.claims.csv")
    assert one_row(frame, kind="count")["time_value"] == "2018"
    assert one_row(frame, kind="money")["time_value"] == "2023"  # absolute dates do not move


def test_run_without_publication_date_leaves_relative_time_unresolved(tmp_path: Path) -> None:
    article = write_article(tmp_path / "in", "undated.txt")

    result = invoke("run", article, "--out", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    workers = one_row(read_csv(tmp_path / "out" / "undated.claims.csv"), kind="count")
    assert workers["time_text"] == "Two years ago"
    assert workers["time_value"] == ""  # never resolved against today's date


def test_run_rejects_a_malformed_published_option(tmp_path: Path) -> None:
    article = write_article(tmp_path / "in", "exports.txt")

    result = invoke("run", article, "--out", tmp_path / "out", "--published", "09/04/2024")

    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert not (tmp_path / "out").exists()


def test_run_reports_each_bad_file_and_still_writes_the_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_article(folder, "good.txt")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00 $5 billion \x00\xff")
    (folder / "latin1.md").write_bytes("Caf\u00e9 sales rose 5 percent in 2023.".encode("latin-1"))
    write_article(folder, "badmeta.txt", meta={"published": "09/04/2024"})
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"

    result = invoke("run", folder, missing, "--out", out, "--published", "2024-04-09")

    assert result.exit_code == 1
    problems = {"empty.txt": "E002", "binary.txt": "E003", "latin1.md": "E004",
                "badmeta.meta.json": "E005", "missing.txt": "E001"}
    for name, code in problems.items():
        named = lines_naming(result.stderr, name)
        assert len(named) == 1, f"{name}: {named!r} in\n{result.stderr}"
        assert code in named[0]
    assert f"{len(problems)} failure(s)" in result.stderr
    assert "1 article(s)" in result.stderr

    assert (out / "good.claims.csv").is_file()
    combined = read_csv(out / "claims.csv")
    assert set(combined["article_id"]) == {"good"}
    assert one_row(combined, kind="money")["value"] == "5200000000"
    assert sorted(p.name for p in out.iterdir()) == ["claims.csv", "claims.jsonl", "failures.csv", "good.claims.csv"]
    failures = read_csv(out / "failures.csv")
    assert list(failures.columns) == ["path", "code", "message"]
    assert sorted(zip(failures["path"].map(lambda p: Path(p).name), failures["code"])) == sorted(problems.items())


def test_reviewer_work_survives_reruns_and_vanished_claims_are_kept_stale(tmp_path: Path) -> None:
    article = write_article(tmp_path / "in", "trade.txt", REVIEWED_ARTICLE)
    out = tmp_path / "out"
    run = ("run", article, "--out", out, "--published", "2024-04-09")
    tables = [out / "trade.claims.csv", out / "claims.csv"]

    first = invoke(*run)
    assert first.exit_code == 0, first.stderr

    money_ids = {}
    for table in tables:
        frame = read_csv(table)
        money = frame["kind"] == "money"
        assert money.sum() == 1
        money_ids[table] = frame.loc[money, "claim_id"].item()
        frame.loc[money, "review_status"] = "verified"
        frame.loc[money, "review_note"] = "matches the ministry release"
        frame["desk"] = ""
        frame.loc[frame["kind"] == "count", "desk"] = "economics"
        frame.to_csv(table, index=False)

    second = invoke(*run)
    assert second.exit_code == 0, second.stderr
    for table in tables:
        frame = read_csv(table)
        assert list(frame.columns) == [*CLAIM_COLUMNS, "desk"]
        assert len(frame) == 3
        money = one_row(frame, claim_id=money_ids[table])
        assert (money["review_status"], money["review_note"]) == ("verified", "matches the ministry release")
        assert money["flags"] == ""
        assert one_row(frame, kind="count")["desk"] == "economics"

    article.write_text(REVIEWED_ARTICLE.replace("$5.2 billion", "a record"), encoding="utf-8")
    third = invoke(*run)
    assert third.exit_code == 0, third.stderr
    for table in tables:
        frame = read_csv(table)
        assert list(frame.columns) == [*CLAIM_COLUMNS, "desk"]
        stale = one_row(frame, claim_id=money_ids[table])
        assert "stale" in stale["flags"].split(";")
        assert (stale["review_status"], stale["review_note"]) == ("verified", "matches the ministry release")
        assert (stale["kind"], stale["text"], stale["value"]) == ("money", "$5.2 billion", "5200000000")
        assert one_row(frame, kind="count")["desk"] == "economics"  # its id did not change
        assert len(frame) == 3


def test_rerun_on_part_of_a_corpus_keeps_other_articles_in_combined_table(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    alpha = write_article(folder, "alpha.txt")
    write_article(folder, "beta.txt", "Beta Corp said revenue rose 8 percent to $40 million in 2022.\n")
    out = tmp_path / "out"

    full = invoke("run", folder, "--out", out, "--published", "2024-04-09")
    assert full.exit_code == 0, full.stderr
    before = read_csv(out / "claims.csv")
    assert set(before["article_id"]) == {"alpha", "beta"}
    beta_before = rows(before, article_id="beta")
    assert beta_before

    alpha.write_text(ARTICLE.replace("4,000 workers", "4,500 workers"), encoding="utf-8")
    part = invoke("run", alpha, "--out", out, "--published", "2024-04-09")
    assert part.exit_code == 0, part.stderr

    after = read_csv(out / "claims.csv")
    assert rows(after, article_id="beta") == beta_before
    assert one_row(after, article_id="alpha", kind="count")["value"] == "4500"
    assert len(after) == len(before)
    assert (out / "beta.claims.csv").is_file()
    records = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(record["id"] for record in records) == ["alpha", "beta"]


def test_run_refuses_a_meta_id_that_would_write_outside_out(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_article(folder, "x.txt", meta={"id": "../escaped"})
    out = tmp_path / "probe" / "out"

    result = invoke("run", folder, "--out", out)

    assert result.exit_code == 1
    assert lines_naming(result.stderr, "x.meta.json") and "[E005]" in result.stderr
    assert not list(tmp_path.rglob("escaped*"))


def test_run_reports_a_second_article_with_the_same_id(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_article(folder, "dup.txt")
    write_article(folder, "dup.md", "Beta Corp said revenue rose 8 percent to $40 million in 2022.\n")
    out = tmp_path / "out"

    result = invoke("run", folder, "--out", out, "--published", "2024-04-09")

    assert result.exit_code == 1
    assert "[E008]" in result.stderr and lines_naming(result.stderr, "dup.txt")
    table = read_csv(out / "dup.claims.csv")
    assert set(table["value"]) == {"8", "40000000"}, "the first one found (dup.md) is kept, not overwritten"


# --- claims extract -----------------------------------------------------------------------------

DOC_DATED = {"id": "dated", "published": "2024-04-09",
             "text": "In 2023, exports grew by 12 percent to \u20ac5.2 billion, the caf\u00e9 owners' lobby said.\n"
                     "Two years ago, the company employed 4,000 workers."}
DOC_UNDATED = {"id": "undated",
               "text": "Two years ago, sales rose 5 percent to $3 million. On March 4, 2024 prices fell."}


def check_extraction(record: dict, text: str) -> None:
    assert set(record) == {"id", "article", "figures", "dates", "entities", "quotes", "claims"}
    assert record["article"]["text"] == text
    assert record["figures"] and record["dates"]
    for figure in record["figures"]:
        assert set(figure) == FIGURE_KEYS, figure
        assert figure["kind"] in FIGURE_KINDS
        assert text[figure["start"]:figure["end"]] == figure["text"], figure
    for mention in record["dates"]:
        assert DATE_KEYS <= set(mention), mention
        assert text[mention["start"]:mention["end"]] == mention["text"], mention
    for claim in record["claims"]:
        assert claim["kind"] in CLAIM_KINDS
        assert text[claim["start"]:claim["end"]] == claim["text"], claim


def test_extract_jsonl_one_result_per_line_in_order(tmp_path: Path) -> None:
    stdin = json.dumps(DOC_DATED) + "\n" + '{"id": "broken", "text": \n' + json.dumps(DOC_UNDATED) + "\n"

    result = invoke("extract", "--format", "jsonl", input=stdin)

    assert result.exit_code == 1  # one input failed
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    dated, bad, undated = (json.loads(line) for line in lines)

    assert set(bad) == {"id", "line", "error"}
    assert bad["id"] is None and bad["line"] == 2
    assert "E007" in bad["error"] and "<stdin>:2" in bad["error"]
    assert lines_naming(result.stderr, "<stdin>:2")

    assert dated["id"] == "dated"
    check_extraction(dated, DOC_DATED["text"])
    euro = next(f for f in dated["figures"] if f["kind"] == "money")
    assert (euro["text"], euro["value"], euro["unit"]) == ("\u20ac5.2 billion", 5200000000, "EUR")
    ago = next(d for d in dated["dates"] if d["text"] == "Two years ago")
    assert (ago["value"], ago["relative"]) == ("2022", True)

    assert undated["id"] == "undated"
    check_extraction(undated, DOC_UNDATED["text"])
    ago = next(d for d in undated["dates"] if d["text"].lower() == "two years ago")
    assert ago["relative"] is True
    assert ago["value"] == ""  # no publication date: never resolved against today
    absolute = next(d for d in undated["dates"] if d["text"] == "March 4, 2024")
    assert (absolute["value"], absolute["relative"]) == ("2024-03-04", False)
    for figure in undated["figures"]:
        if figure["time"] and figure["time"]["text"].lower() == "two years ago":
            assert figure["time"]["value"] == ""


def test_extract_offsets_index_the_given_text_even_with_crlf_or_bom() -> None:
    docs = [
        {"id": "crlf", "text": "Trade report.\r\nIn 2023, exports grew by 12 percent to $5.2 billion."},
        {"id": "bom", "text": "\ufeffIn 2023, exports grew by 12 percent to $5.2 billion."},
    ]

    result = invoke("extract", input="".join(json.dumps(doc) + "\n" for doc in docs))

    assert result.exit_code == 0, result.stderr
    for doc, line in zip(docs, result.stdout.splitlines(), strict=True):
        check_extraction(json.loads(line), doc["text"])


def test_extract_subprocess_keeps_stdout_to_json_lines() -> None:
    stdin = json.dumps(DOC_DATED) + "\nnot json at all\n" + json.dumps(DOC_UNDATED) + "\n"

    done = subprocess.run([*claims_command(), "extract", "--format", "jsonl"], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=REPO)

    assert done.returncode == 1, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]  # every stdout line is JSON
    assert [record["id"] for record in records] == ["dated", None, "undated"]
    assert records[1]["line"] == 2
    assert "[E007] <stdin>:2" in done.stderr
    assert "{" not in done.stderr  # no results leak into the log stream


def test_python_dash_m_pipeline_help() -> None:
    done = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True,
                          text=True, timeout=120, cwd=REPO, env={**os.environ, "COLUMNS": "120"})

    assert done.returncode == 0, done.stderr
    for command in ("run", "extract", "eval", "rules"):
        assert command in done.stdout


# --- claims eval --------------------------------------------------------------------------------


def test_eval_on_repo_corpus_prints_per_kind_and_writes_metrics(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)  # the corpus argument defaults to ./corpus

    result = invoke("eval", "--out", tmp_path)

    assert result.exit_code == 0, result.stderr
    printed = {line.split()[0] for line in result.stdout.splitlines() if line.strip()}
    for kind in KINDS:
        assert kind in printed, result.stdout
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    detection = metrics["detection"]
    for kind in KINDS:
        numbers = detection[kind]
        assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(numbers)
        assert numbers["tp"] + numbers["fn"] > 0, f"the gold corpus has {kind} items"
        for name in ("precision", "recall", "f1"):
            assert 0.0 <= numbers[name] <= 1.0
    assert "metrics.json" in result.stderr
    assert "figures side by side on the same gold" in result.stdout
    side_by_side = metrics["side_by_side"]
    assert set(side_by_side["table"]["figures"]) == {"pipeline", "quantulum3"}
    assert side_by_side["table"]["figures"]["quantulum3"]["qualifier_accuracy"] is None  # it cannot give them
    assert set(side_by_side["baselines"]["quantulum3"]["detection"]) >= set(KINDS)


def test_eval_timeml_scores_dates_against_tml_files_into_metrics(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "gold").mkdir(parents=True)
    (tmp_path / "tml").mkdir()
    (tmp_path / "tml" / "harbour-note.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "tml" / "broken.tml").write_text(TML.replace("&amp;", "&nbsp;"), encoding="utf-8")

    result = invoke("eval", tmp_path / "corpus", "--timeml", tmp_path / "tml", "--out", tmp_path / "out")

    assert result.exit_code == 0, result.stderr
    assert "[E020]" in result.stderr and "broken.tml" in result.stderr
    assert "timeml: 1 documents" in result.stdout
    timeml = json.loads((tmp_path / "out" / "metrics.json").read_text(encoding="utf-8"))["timeml"]
    assert set(timeml["systems"]) == {"pipeline", "dateparser"}
    assert timeml["systems"]["pipeline"]["kinds"]["all"]["gold"] == 3


# --- claims rules check -------------------------------------------------------------------------


def test_rules_check_passes_on_repo_rules() -> None:
    result = invoke("rules", "check", RULES_DIR)

    assert result.exit_code == 0, result.stdout
    assert "0 problem(s)" in result.stdout


def test_rules_check_reports_every_problem(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR, rules)
    money = rules / "money.yml"
    text = money.read_text(encoding="utf-8")
    assert "  - id: money-symbol-number\n" in text
    money.write_text(text.replace("  - id: money-symbol-number\n",
                                  "  - id: money-symbol-number\n    colour: red\n", 1), encoding="utf-8")
    quantity = rules / "quantity.yml"
    text = quantity.read_text(encoding="utf-8")
    first_id = next(line for line in text.splitlines() if line.startswith("  - id: "))
    quantity.write_text(text.replace(first_id, "  - id: count-number-noun", 1), encoding="utf-8")
    assert "count-number-noun" in (rules / "count.yml").read_text(encoding="utf-8")

    result = invoke("rules", "check", rules)

    assert result.exit_code == 1
    unknown = lines_naming(result.stdout, "colour")
    assert len(unknown) == 1 and "money.yml" in unknown[0] and "money-symbol-number" in unknown[0]
    duplicate = [line for line in lines_naming(result.stdout, "count-number-noun") if "already used" in line]
    assert len(duplicate) == 1 and "quantity.yml" in duplicate[0] and "count.yml" in duplicate[0]
    assert "2 problem(s)" in result.stdout


def test_run_over_mixed_formats_with_globs_field_names_and_a_failures_list(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    page = (REPO / "tests" / "fixtures" / "html" / "wire-gas-prices.html").read_bytes()
    (folder / "web").mkdir(parents=True)
    (folder / "web" / "gas.html").write_bytes(page)
    (folder / "web" / "gas-copy.htm").write_bytes(page)
    (folder / "feed.jsonl").write_text(
        json.dumps({"guid": "wire-1", "story": ARTICLE, "when": "2024-04-09"}) + "\n"
        + json.dumps({"guid": "wire-2", "story": 42}) + "\n", encoding="utf-8")
    write_article(folder / "drafts", "draft.txt")
    out = tmp_path / "out"

    result = invoke("run", folder, "--out", out, "--exclude", "drafts/*",
                    "--text-field", "story", "--date-field", "when", "--id-field", "guid")

    assert result.exit_code == 1
    assert "2 article(s)" in result.stderr and "2 failure(s)" in result.stderr
    combined = read_csv(out / "claims.csv")
    columns = list(combined.columns)
    assert columns[columns.index("published"):columns.index("published") + 2] == ["published", "published_origin"]
    assert columns[-len(REVIEW_COLUMNS) - 1] == "flags"
    assert set(combined["article_id"]) == {"web-gas-copy", "wire-1"}  # sorted: web/gas-copy.htm comes first
    assert set(zip(combined["article_id"], combined["published"], combined["published_origin"])) == {
        ("web-gas-copy", "2023-08-17", "html:og"), ("wire-1", "2024-04-09", "jsonl")}
    failures = read_csv(out / "failures.csv").to_dict("records")
    assert [(Path(f["path"]).name, f["code"]) for f in failures] == [("feed.jsonl:2", "E007"), ("gas.html", "E040")]
    assert "same text as" in failures[1]["message"] and "gas-copy.htm" in failures[1]["message"]
    records = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = {record["id"]: record["article"] for record in records}
    assert articles["web-gas-copy"]["author"] == "Pieter de Vries"
    assert (articles["wire-1"]["published"], articles["wire-1"]["published_origin"]) == ("2024-04-09", "jsonl")
