"""Convert a hand-made gold file that locates items by (text, occurrence) into offset-based gold.

Annotators find it easiest to say "the 3rd '2022'". ``claims eval`` reads such files as they are
(pipeline/evaluate/occurrences.py locates them, and so does this script); converting once, with a
hard failure on any item that cannot be located, fixes offsets for gold that is committed.

    python scripts/import_gold.py SEED.gold.jsonl ARTICLE.txt OUT.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.errors import PipelineError  # noqa: E402
from pipeline.evaluate.gold import gold_record  # noqa: E402


def convert_file(seed: Path, article: Path) -> list[dict]:
    """All items of ``seed`` located in ``article``, in the seed's order, each checked as ``claims
    eval`` checks gold; raises SystemExit naming file and line at the first item that fails."""
    text = article.read_text(encoding="utf-8")
    items = []
    for lineno, line in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                items.append(gold_record(line, f"{seed}:{lineno}", text))
            except PipelineError as err:
                raise SystemExit(str(err)) from err
    return items


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path, help="gold JSONL with text + occurrence per item")
    parser.add_argument("article", type=Path, help="the article text the items refer to")
    parser.add_argument("output", type=Path, help="where to write the offset-based gold JSONL")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    args = parser.parse_args(argv)
    for path in (args.seed, args.article):
        if not path.is_file():
            parser.error(f"{path}: no such file")
    if args.output.exists() and not args.force:
        parser.error(f"{args.output}: exists; gold files hold annotation work, pass --force to replace it")
    items = convert_file(args.seed, args.article)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {args.output}")


if __name__ == "__main__":
    main()
