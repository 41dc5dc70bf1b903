"""Times each stage of one long article's extraction, for cuts of it of several lengths run side by
side (one process each, started together, so that every cut sees the same machine load), to show
which stage grows faster than the article. Processor seconds of the parse, of each stage that
``extract_doc`` calls, and of the garbage collector's full collections; the ratio per doubling of
the length. Prints the figures; asserts nothing.

    python -m pipeline bench --article-sizes 4 --save-corpus /tmp/long.jsonl
    python -m scripts.bench_stages /tmp/long.jsonl 2000000 4000000
"""
from __future__ import annotations

import gc
import inspect
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pipeline.extract as extract
from pipeline.jobs.bench import per_doubling
from pipeline.records import Article
from pipeline.resources import build_resources

STAGES = tuple(name for name in extract.extract_doc.__code__.co_names
               if inspect.isfunction(stage := getattr(extract, name, None)) and stage.__module__.startswith("pipeline."))
"""The project's functions ``extract_doc`` calls by their names in ``pipeline.extract``, read from its
code so that a stage added, renamed or removed there is timed without this list being edited."""


def time_cut(path: str, characters: int) -> dict[str, float]:
    """Processor seconds per stage for the first ``characters`` of the first article in ``path``."""
    record = json.loads(Path(path).read_text(encoding="utf-8").splitlines()[0])
    res = build_resources()
    first = record["text"].split("\n\n")[0] + "\n"  # warm-up: libraries that load on first use are not timed
    list(extract.extract_articles([Article(id="warm-up", text=first, published=date(2024, 4, 9))], res))
    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        def run(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started
        return run

    for name in STAGES:
        setattr(extract, name, timed(name, getattr(extract, name)))
    res.entities.canonical_entities = timed("canonical_entities", res.entities.canonical_entities)
    res.speakers.attribute = timed("speakers.attribute", res.speakers.attribute)
    extract.extract_doc = timed("extract_doc", extract.extract_doc)
    collecting = [0.0]

    def full_collections(phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            collecting[0] = time.process_time()
        else:
            spent["gc (full collections)"] += time.process_time() - collecting[0]

    gc.callbacks.append(full_collections)
    article = Article(id="cut", text=record["text"][:characters], published=date(2024, 4, 9))
    started = time.process_time()
    list(extract.extract_articles([article], res))
    spent["total"] = time.process_time() - started
    spent["parse"] = spent["total"] - spent["extract_doc"]
    return dict(spent)


def main(path: str, cuts: list[int]) -> None:
    with ProcessPoolExecutor(len(cuts)) as pool:
        results = list(pool.map(time_cut, [path] * len(cuts), cuts))
    names = sorted(results[-1], key=lambda name: -results[-1][name])
    print(f"{'stage':24s}" + "".join(f"{cut:>12,d}" for cut in cuts) + "   per doubling")
    for name in names:
        seconds = [result.get(name, 0.0) for result in results]
        growth = [_per_doubling(a, b, small, large) for a, b, small, large in zip(seconds, seconds[1:], cuts, cuts[1:])]
        print(f"{name:24s}" + "".join(f"{s:12.2f}" for s in seconds) + "   " + "  ".join(growth))


def _per_doubling(before: float, after: float, small: int, large: int) -> str:
    if before < 0.01 or after < 0.01:
        return "   -"
    return f"{per_doubling(before, after, small, large):.2f}"


if __name__ == "__main__":
    main(sys.argv[1], [int(cut) for cut in sys.argv[2:]])
