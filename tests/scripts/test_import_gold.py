"""Turning a text-and-occurrence gold file into the offset format, without losing annotation work."""
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "import_gold.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_occurrences_become_offsets(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("In 2022 and again in 2022, trade hit $5 billion.", encoding="utf-8")
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"text": "2022", "occurrence": 2, "kind": "date", "value": "2022"}) + "\n"
                    + json.dumps({"text": "$5 billion", "occurrence": 1, "kind": "money", "value": 5e9}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "gold.jsonl"
    done = run(seed, article, out)
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    text = article.read_text(encoding="utf-8")
    assert [text[i["start"]:i["end"]] for i in items] == ["2022", "$5 billion"]
    assert items[0]["start"] == text.index("2022", text.index("2022") + 1)


def one_item_case(tmp_path, occurrence):
    """An article with one money figure and a seed gold naming it by its occurrence."""
    article = tmp_path / "a.txt"
    article.write_text("Trade hit $5 billion.", encoding="utf-8")
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"text": "$5 billion", "occurrence": occurrence, "kind": "money", "value": 5e9})
                    + "\n", encoding="utf-8")
    return seed, article


def test_an_existing_gold_file_is_never_replaced_without_force(tmp_path):
    seed, article = one_item_case(tmp_path, 1)
    out = tmp_path / "gold.jsonl"
    out.write_text("hand-made annotations\n", encoding="utf-8")
    done = run(seed, article, out)
    assert done.returncode != 0 and "--force" in done.stderr
    assert out.read_text(encoding="utf-8") == "hand-made annotations\n"
    assert run(seed, article, out, "--force").returncode == 0


def test_a_missing_occurrence_is_a_clear_error(tmp_path):
    seed, article = one_item_case(tmp_path, 2)
    done = run(seed, article, tmp_path / "gold.jsonl")
    assert done.returncode != 0 and "occurrence 2" in done.stderr
