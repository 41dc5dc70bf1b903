"""Times the consistency checks and the reference matching on a long article: the corpus article's
claims repeated N times (sentences and offsets shifted), so that the checks see N times as many
figures, several of the same measure. Prints the figures; asserts nothing.

    python -m scripts.bench_checks [N]
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from pipeline.checks.consistency import check_consistency
from pipeline.extract import extract_articles
from pipeline.records import Article
from pipeline.resources import build_resources
from pipeline.checks.verify import load_lexicon, read_facts, verify_claims

REPO = Path(__file__).resolve().parent.parent


def main(copies: int) -> None:
    res = build_resources()
    text = (REPO / "corpus" / "articles" / "putin-xi-unholy-alliance.txt").read_text(encoding="utf-8")
    seed = next(extract_articles([Article(id="bench", text=text, published=date(2024, 4, 9))], res))
    sentences = max(c.sentence_index for c in seed.claims) + 1
    claims, dates = [], []
    for copy in range(copies):
        shift, more = copy * (len(text) + 1), copy * sentences
        claims += [replace(c, claim_id=f"{copy}-{c.claim_id}", start=c.start + shift, end=c.end + shift,
                           sentence_index=c.sentence_index + more) for c in seed.claims]
        dates += [replace(d, start=d.start + shift, end=d.end + shift, sentence_index=d.sentence_index + more)
                  for d in seed.dates]
    started = time.perf_counter()
    checked = check_consistency(claims, dates, res.checks, res.rules.lexicons["number_words"])
    checks_done = time.perf_counter()
    lexicon = load_lexicon()
    facts = read_facts(REPO / "corpus" / "reference" / "reference_facts.csv", lexicon)
    verify_started = time.perf_counter()
    outcomes = verify_claims(claims, facts, lexicon)
    verify_done = time.perf_counter()
    flagged = sum("consistency:" in c.flags for c in checked)
    supported = sum(o.status == "supported" for o in outcomes.values())
    print(f"{len(claims)} claims, {len(dates)} dates: consistency {checks_done - started:.2f} s "
          f"({flagged} claims flagged), verify {verify_done - verify_started:.2f} s ({supported} supported)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
