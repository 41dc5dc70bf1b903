"""Times the extraction of one long article written on a single line, an invented paragraph with
figures repeated to each size, to show whether the work per figure grows with the article. Each size
runs in its own process (one at a time, so that a size's processor seconds are its own); prints
processor seconds per size and the growth per doubling, and with ``--profile N`` the N functions
whose cumulative time grew most beyond the article's growth from the first size to the last (the
ones that grow faster than the article). Asserts nothing.

    python -m scripts.bench_one_line 0.25 0.5 1 2
    python -m scripts.bench_one_line 0.25 0.5 --profile 15
    python -m scripts.bench_one_line 1 --save /tmp/one-line.txt
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from pipeline.jobs.bench import per_doubling

PARAGRAPH = (
    "Harwick Mills said on Tuesday that its revenue rose 12 percent to $4.5 billion in the third quarter, "
    "while Delmont Freight reported a loss of $230 million. Officials first put the number of stranded "
    "trucks at 40 before raising it on Wednesday to 212. The Brindle index fell 53.5 points, closing at "
    "1,387.7, and volume on the exchange totaled 312 million shares. Shares of Orchard Valley, which "
    "employs 3,400 people, rose 4 percent to $18.25. Analyst Petra Vossberg of Quillan Partners said "
    "the company expects to hire 1,200 workers by 2027. Treasury officials said the deficit narrowed to "
    "$1.2 trillion from $1.4 trillion a year earlier. The Treasury plans to sell $25 billion of notes. "
    "Exports to Norvania climbed 7.5 percent to 18,000 tonnes in March, up from 16,700 tonnes in "
    "February, the Ministry of Trade said. "
)
"""Invented text (no article's): companies, a market report, a revised count, a speaker."""


def one_line(megabytes: float) -> str:
    """The paragraph repeated on one line to ``megabytes`` million characters."""
    size = int(megabytes * 1_000_000)
    return (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size].rsplit(" ", 1)[0]


def run_size(megabytes: float, profile: bool) -> tuple[float, int, int, dict | None]:
    """Processor seconds, characters and claims of the extraction of one article of this size (the
    model and the rules loaded and warmed up on one paragraph first, untimed)."""
    from pipeline.extract import extract_articles
    from pipeline.records import Article
    from pipeline.resources import build_resources

    res = build_resources()
    list(extract_articles([Article(id="warm-up", text=PARAGRAPH, published=date(2024, 4, 9))], res))
    text = one_line(megabytes)
    article = Article(id="one-line", text=text, published=date(2024, 4, 9))
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    claims = sum(len(result.claims) for result in extract_articles([article], res))
    if profiler:
        profiler.disable()
    spent = time.process_time() - started
    stats = None
    if profiler:
        table = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, primitive, own, cumulative, callers)
        stats = {f"{Path(key[0]).name}:{key[1]}:{key[2]}": (value[1], value[3]) for key, value in table.items()}
    return spent, len(text), claims, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="+", type=float, help="sizes in millions of characters")
    parser.add_argument("--profile", type=int, default=0, help="list this many functions that grew most")
    parser.add_argument("--save", help="write the text of the (first) size here and stop")
    args = parser.parse_args()
    if args.save:
        Path(args.save).write_text(one_line(args.sizes[0]), encoding="utf-8")
        return
    results = []
    print(f"{'characters':>11s} {'claims':>7s} {'CPU-s':>8s}  per doubling", flush=True)
    for size in args.sizes:
        with ProcessPoolExecutor(1) as pool:  # a fresh process per size: no cache carries over
            results.append(pool.submit(run_size, size, args.profile > 0).result())
        (spent, characters, claims, _), i = results[-1], len(results) - 1
        growth = _per_doubling(results[i - 1][0], spent, results[i - 1][1], characters) if i else ""
        print(f"{characters:11,d} {claims:7,d} {spent:8.1f}  {growth}", flush=True)
    if args.profile:
        first, last = results[0][3], results[-1][3]
        scale = results[-1][1] / results[0][1]
        grown = sorted(last, key=lambda name: -(last[name][1] - scale * first.get(name, (0, 0.0))[1]))[:args.profile]
        print(f"\n{'function':60s} {'calls':>22s} {'cumulative s':>22s}")
        for name in grown:
            (c0, t0), (c1, t1) = first.get(name, (0, 0.0)), last[name]
            print(f"{name[:60]:60s} {c0:>10,d} {c1:>11,d} {t0:>10.1f} {t1:>11.1f}")


def _per_doubling(before: float, after: float, small: int, large: int) -> str:
    if before < 0.01 or after < 0.01:
        return "-"
    return f"{per_doubling(before, after, small, large):.2f}"


if __name__ == "__main__":
    main()
