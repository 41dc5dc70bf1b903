"""``claims verify``: the reference columns of a run's claims tables filled in place, reviewer work kept."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.checks.verify import count_statuses, load_lexicon, read_facts, verify_rows
from pipeline.errors import E_REFERENCE, PipelineError
from pipeline.output.lock import hold_output_lock
from pipeline.output.runfile import readable_records
from pipeline.output.write import read_claims, rewrite_claims

PARTY_LABELS = ("GPE", "LOC", "NORP", "ORG")


def read_parties(path: Path) -> dict[str, frozenset[str]] | None:
    """From a run's ``claims.jsonl``, each article's entity names that are places or
    organisations and never a person; None when the file is missing, and the article of a line
    that is not a record (or of a file that cannot be read) is simply unknown."""
    if not path.is_file():
        return None
    return dict(readable_records(path, parse=_article_parties))


def _article_parties(record: Any) -> tuple[str, frozenset[str]]:
    """An article record's id and party names; TypeError for an id that is not text, as no
    table row names it."""
    labels: dict[str, set[str]] = defaultdict(set)
    for entity in record["entities"]:
        labels[str(entity["canonical"]).lower()].add(entity["label"])
    if not isinstance(record["id"], str):
        raise TypeError(f"article id {record['id']!r} is not text")
    return record["id"], frozenset(name for name, found in labels.items()
                                   if found & set(PARTY_LABELS) and "PERSON" not in found)


def verify_folder(out_dir: Path, reference: Path, report: Callable[[str], None]) -> int:
    """Fill the reference columns of every claims table in ``out_dir`` (``claims.csv`` and each
    ``<id>.claims.csv``), rewriting each through the reviewer-preserving atomic write. A table
    that cannot be read is reported and left as it is; the others are still done. Returns the
    number of tables that failed."""
    lexicon = load_lexicon()
    facts = read_facts(reference, lexicon)
    tables = [t for t in [*sorted(out_dir.glob("*.claims.csv")), out_dir / "claims.csv"] if t.is_file()]
    if not tables:
        raise PipelineError(E_REFERENCE, str(out_dir), "no claims tables here (claims.csv, <id>.claims.csv); run `claims run` first")
    parties = read_parties(out_dir / "claims.jsonl")
    with hold_output_lock(out_dir, "claims verify"):
        return _verify_tables(tables, facts, lexicon, parties, report)


def _verify_tables(tables: list[Path], facts, lexicon, parties, report: Callable[[str], None]) -> int:
    failed = 0
    for table in tables:
        try:
            result = rewrite_claims(table, lambda rows: verify_rows(rows, facts, lexicon, parties))
        except PipelineError as error:
            report(str(error))
            failed += 1
            continue
        for problem in result.problems:
            report(problem)
        counts = count_statuses(read_claims(table).to_dict("records"))
        report(f"{table}: " + ", ".join(f"{n} {status}" for status, n in counts.items()))
    return failed
