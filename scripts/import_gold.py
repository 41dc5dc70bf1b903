"""Convert a hand-made gold file that locates items by (text, occurrence) into offset-based gold.

Annotators find it easiest to say "the 3rd '2022'"; the evaluator needs character offsets.
Doing the conversion once, with a hard failure on any item that cannot be located, means the
committed gold never silently points at the wrong place.

    python scripts/import_gold.py SEED.gold.jsonl ARTICLE.txt OUT.jsonl
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

OPTIONAL_KEYS = (
    "value_low", "value_high", "unit", "time", "role", "qualifier", "direction", "relative", "modifier", "subject_hint", "subject", "entities", "speaker", "required",
)
"""Keys copied through when present, in the order they are written."""

REQUIRED_KEYS = ("text", "occurrence", "kind", "value")


def locate(text: str, surface: str, occurrence: int) -> int | None:
    """Start of the ``occurrence``-th (1-based) occurrence of ``surface``, counting every match.

    Matches inside longer phrases count too, so "2022" inside "February 4, 2022" is one of them.
    """
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            return None
    return start


def count(text: str, surface: str) -> int:
    """How many times ``surface`` occurs in ``text``, counting overlapping matches."""
    total, start = 0, text.find(surface)
    while start >= 0:
        total, start = total + 1, text.find(surface, start + 1)
    return total


def convert(record: dict, text: str, where: str) -> dict:
    """One seed record as an offset-based gold item; raises SystemExit naming ``where`` on failure."""
    missing = [key for key in REQUIRED_KEYS if key not in record]
    unknown = sorted(set(record) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if missing or unknown:
        raise SystemExit(f"{where}: missing keys {missing}, unknown keys {unknown}")
    surface, occurrence = record["text"], record["occurrence"]
    if not isinstance(surface, str) or not surface or not isinstance(occurrence, int) or occurrence < 1:
        raise SystemExit(f"{where}: text must be a non-empty string and occurrence a positive integer")
    start = locate(text, surface, occurrence)
    if start is None:
        found = count(text, surface)
        raise SystemExit(f"{where}: occurrence {occurrence} of {surface!r} not found (the article has {found})")
    item = {"start": start, "end": start + len(surface), "text": surface,
            "kind": record["kind"], "value": record["value"]}
    item.update((key, record[key]) for key in OPTIONAL_KEYS if key in record)
    return item


def convert_file(seed: Path, article: Path) -> list[dict]:
    """All items of ``seed`` located in ``article``, in the seed's order."""
    text = article.read_text(encoding="utf-8")
    items = []
    for lineno, line in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{seed}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{where}: not valid JSON: {exc.msg}") from exc
        if not isinstance(record, dict):
            raise SystemExit(f"{where}: expected a JSON object")
        items.append(convert(record, text, where))
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
