"""``claims bench``: how fast the pipeline is next to the spaCy model it is built on.

A benchmark corpus of any size is generated from real articles by sampling their paragraphs and
varying the numbers in them (so that caches see realistic, not identical, text). Each side runs in
its own subprocess, so that every peak memory figure is that side's alone, and the sides take
turns round after round, so that on a shared machine they see the same load.
"""
from __future__ import annotations

import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from pipeline.ingest.jsonl import article_from_json
from pipeline.ingest.read import iter_articles, text_hash
from pipeline.records import Article

SIDES = ("spacy", "pipeline", "quantulum3", "dateparser")
"""What can be measured: the bare spaCy model (``nlp.pipe``), the whole extraction, and two
off-the-shelf parsers run over every text on their own, for comparison."""

_NUMBER = re.compile(r"\d+")

DATED_WARM_UP = Article(id="warm-up", text="Sales rose 5% on February 4, 2022.\n", title="", source="bench",
                        published=date(2022, 2, 10), path="warm-up")
"""Extracted before the pipeline is timed: its date makes dateparser build its tables (about 0.15 s,
once per process), which the first article of a corpus may not do."""


@dataclass(frozen=True)
class Measurement:
    """One timed run of one side over the whole corpus, in its own process. The rates are 0.0 for a
    run too short to time."""

    side: str
    documents: int
    tokens: int
    seconds: float
    cpu_seconds: float
    """Processor time of the side's process: on a machine others are using, wall time measures
    their load too, processor time far less."""
    peak_rss_mb: float

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    @property
    def documents_per_cpu_second(self) -> float:
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0


def generate_corpus(sources: Iterable[Path], count: int, paragraphs: int, seed: int = 0) -> Iterator[Article]:
    """``count`` different articles of ``paragraphs`` paragraphs each, drawn from the articles
    under ``sources``, with about half of every paragraph's numbers replaced by others of as many
    digits."""
    pool = _paragraphs(sources)
    seen: set[str] = set()  # a run reports a repeated text as a duplicate: every text differs
    for number in range(count):
        rng = random.Random(f"{seed}:{number}")
        for _ in range(1000):
            chosen = [rng.choice(pool) for _ in range(paragraphs)]
            text = "\n\n".join(_vary_numbers(text, rng) for text, _ in chosen) + "\n"
            if text_hash(text) not in seen:
                break
        else:
            raise ValueError(f"too little source text for {count} different articles of {paragraphs} paragraph(s)")
        seen.add(text_hash(text))
        yield Article(id=f"bench-{number:06d}", text=text, title="", source="bench",
                      published=chosen[0][1], path=f"bench-{number:06d}")


def _paragraphs(sources: Iterable[Path]) -> list[tuple[str, date | None]]:
    """Every paragraph of the articles under ``sources``, with its article's publication date."""
    pool: list[tuple[str, date | None]] = []
    for item in iter_articles(list(sources)):
        if isinstance(item, Article):
            pool += [(p.strip(), item.published) for p in item.text.split("\n\n") if p.strip()]
    if not pool:
        raise ValueError("no article text to build a benchmark corpus from")
    return pool


def generate_long_articles(sources: Iterable[Path], sizes_mb: Iterable[float], seed: int = 0) -> Iterator[Article]:
    """One article per size (in millions of characters) made of paragraphs drawn from the articles
    under ``sources``, numbers varied as in ``generate_corpus``, so that a benchmark can show how
    the time and memory of one article grow with its length (a long report, a whole book)."""
    pool = _paragraphs(sources)
    for size in sizes_mb:
        rng = random.Random(f"{seed}:long:{size}")
        paragraphs, length = [], 0
        while length < size * 1_000_000:
            text, published = rng.choice(pool)
            paragraphs.append(_vary_numbers(text, rng))
            length += len(paragraphs[-1]) + 2
        name = f"bench-{size:g}mb"
        yield Article(id=name, text="\n\n".join(paragraphs) + "\n", title="", source="bench",
                      published=pool[0][1], path=name)


def _vary_numbers(text: str, rng: random.Random) -> str:
    def vary(match: re.Match) -> str:
        digits = match.group(0)
        if rng.random() < 0.5:
            return digits
        first = str(rng.randint(1, 9)) if len(digits) > 1 else str(rng.randint(0, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    return _NUMBER.sub(vary, text)


def write_corpus(articles: Iterable[Article], path: Path) -> int:
    """Save articles as a JSONL file (``path`` ending in ``.jsonl``) or a folder of ``.txt`` files
    with ``.meta.json`` metadata; returns how many were written."""
    written = 0
    if path.suffix == ".jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article_json(article), ensure_ascii=False) + "\n")
                written += 1
        return written
    path.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (path / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
        meta = {k: v for k, v in article_json(article).items() if k != "text"}
        (path / f"{article.id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        written += 1
    return written


def article_json(article: Article) -> dict:
    """An article as a line of a JSONL input (the keys ``claims run`` and ``extract`` read), so a
    saved corpus can be run like any other."""
    return {"id": article.id, "text": article.text, "title": article.title, "source": article.source,
            "published": article.published.isoformat() if article.published else None}


def run_bench(articles: list[Article], sides: Iterable[str], rounds: int, model: str | None,
              report: Callable[[str], None]) -> list[Measurement]:
    """Measure every side ``rounds`` times, taking turns; each run in a fresh subprocess."""
    measurements = []
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        write_corpus(articles, corpus)
        tokens = count_tokens(a.text for a in articles)
        for round_number in range(1, rounds + 1):
            for side in sides:
                measurement = measure_in_subprocess(side, corpus, tokens, model)
                report(f"round {round_number}: {format_measurement(measurement)}")
                measurements.append(measurement)
    return measurements


def count_tokens(texts: Iterable[str]) -> int:
    """Tokens as spaCy's English tokenizer counts them, the same figure for every side."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return sum(len(doc) for doc in tokenizer.pipe(texts))


def measure_in_subprocess(side: str, corpus: Path, tokens: int, model: str | None) -> Measurement:
    """Run one side in a fresh interpreter (``python -m pipeline.jobs.bench``) and read its last
    line of output: so that its peak memory is its own and no side finds another's caches warm.
    The child imports this code, wherever it runs from, not an installed copy."""
    command = [sys.executable, "-m", "pipeline.jobs.bench", side, str(corpus), model or ""]
    package_root = str(Path(__file__).resolve().parents[2])  # this code, wherever it is run from
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark of {side} failed: {done.stderr.strip().splitlines()[-1:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return Measurement(side=side, documents=result["documents"], tokens=tokens, seconds=result["seconds"],
                       cpu_seconds=result["cpu_seconds"], peak_rss_mb=result["peak_rss_mb"])


def run_size_bench(articles: list[Article], rounds: int, model: str | None,
                   report: Callable[[str], None]) -> list[Measurement]:
    """The pipeline over each long article alone, each in a fresh subprocess (so that its peak
    memory is that article's), the sizes taking turns ``rounds`` times."""
    measurements = []
    with tempfile.TemporaryDirectory(prefix="claims-bench-") as folder:
        corpora = []
        for article in articles:
            corpora.append((Path(folder) / f"{article.id}.jsonl", count_tokens([article.text])))
            write_corpus([article], corpora[-1][0])
        for round_number in range(1, rounds + 1):
            for article, (corpus, tokens) in zip(articles, corpora):
                measurement = measure_in_subprocess("pipeline", corpus, tokens, model)
                report(f"round {round_number}: {len(article.text):>9,} characters  {format_measurement(measurement)}")
                measurements.append(measurement)
    return measurements


def per_doubling(before: float, after: float, small: int, large: int) -> float:
    """How many times a measure grew per doubling of the size, from ``before`` at size ``small`` to
    ``after`` at ``large``: 1.0 is constant, 2.0 linear, 4.0 quadratic."""
    return (after / before) ** (1 / math.log2(large / small))


def size_lines(articles: list[Article], measurements: list[Measurement]) -> list[str]:
    """A table of the best round for each article size, and how much time, processor time and
    peak memory grew from each size to the next, per doubling of the size: near-linear work
    doubles its time when the article doubles (1.0 is constant, 2.0 linear, 4.0 quadratic)."""
    best = [min(measurements[i::len(articles)], key=lambda m: m.seconds) for i in range(len(articles))]
    lines = ["characters  tokens   seconds  CPU-s  peak RSS MB  per doubling: time  CPU  peak RSS"]
    for i, (article, m) in enumerate(zip(articles, best)):
        growth = ""
        if i:
            previous = best[i - 1]
            pairs = ((m.seconds, previous.seconds), (m.cpu_seconds, previous.cpu_seconds),
                     (m.peak_rss_mb, previous.peak_rss_mb))
            growth = "  ".join(f"{per_doubling(before, now, len(articles[i - 1].text), len(article.text)):5.2f}"
                               for now, before in pairs)
        lines.append(f"{len(article.text):>10,} {m.tokens:>7,} {m.seconds:9.1f} {m.cpu_seconds:6.1f} "
                     f"{m.peak_rss_mb:12.1f}  {growth}")
    return lines


def format_measurement(m: Measurement) -> str:
    """One line of ``claims bench``: the rates, peak memory, and the counts and times they come from."""
    return (f"{m.side:<10} {m.documents_per_second:8.1f} docs/s {m.tokens_per_second:9.0f} tokens/s "
            f"{m.documents_per_cpu_second:8.1f} docs/CPU-s  peak RSS {m.peak_rss_mb:7.1f} MB "
            f"({m.documents} docs in {m.seconds:.2f} s, {m.cpu_seconds:.2f} CPU-s)")


def summary_lines(measurements: list[Measurement]) -> list[str]:
    """The best round of every side, and the pipeline's speed as a share of bare spaCy's, by wall
    time and by processor time (each the best of its rounds)."""
    sides = list(dict.fromkeys(m.side for m in measurements))
    fastest = {side: min((m for m in measurements if m.side == side), key=lambda m: m.seconds) for side in sides}
    least_cpu = {side: min(m.cpu_seconds for m in measurements if m.side == side) for side in sides}
    lines = ["best of rounds:"] + [format_measurement(m) for m in fastest.values()]
    if "spacy" in fastest and "pipeline" in fastest:
        wall = fastest["spacy"].seconds / fastest["pipeline"].seconds
        cpu = least_cpu["spacy"] / least_cpu["pipeline"]
        lines.append(f"pipeline / bare spaCy: {wall:.2f} (wall time), {cpu:.2f} (processor time)")
    return lines


def _side_runner(side: str, model: str | None) -> Callable[[list[Article]], None]:
    """Build a side's heavy objects (not timed) and return the work that is timed."""
    if side == "spacy":
        from pipeline.extract import BATCH_SIZE
        from pipeline.resources import load_nlp

        nlp = load_nlp(model)
        return lambda articles: all(True for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE))
    if side == "pipeline":
        from pipeline.claims.towns import country_of_town
        from pipeline.extract import extract_articles
        from pipeline.resources import build_resources

        res = build_resources(model)
        res.units.resolve("40 knots", 40.0)  # imports quantulum3, which the resolver loads on its first span
        country_of_town("Mombasa")  # reads the towns table (about 0.2 s), which the first event placed in a town loads

        def extract(articles: list[Article]) -> None:
            all(True for _ in extract_articles(articles, res))

        extract([DATED_WARM_UP])
        return extract
    if side == "quantulum3":
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        return lambda articles: all(parser.parse(a.text) is not None for a in articles)
    if side == "dateparser":
        from dateparser.search import search_dates

        return lambda articles: all(search_dates(a.text, languages=["en"]) or True for a in articles)
    raise ValueError(f"unknown side {side!r}; one of {', '.join(SIDES)}")


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _measure(side: str, corpus: Path, model: str | None) -> dict:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    articles = [article_from_json(json.loads(line), f"{corpus}:{i}") for i, line in enumerate(lines, 1)]
    work = _side_runner(side, model)
    first = articles[0]  # warm-up on its first paragraph: lazy loading inside the libraries is not what is measured
    work([replace(first, text=first.text.split("\n\n")[0] + "\n")])
    started, cpu_started = time.perf_counter(), time.process_time()
    work(articles)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    return {"side": side, "documents": len(articles), "seconds": seconds, "cpu_seconds": cpu_seconds,
            "peak_rss_mb": peak_rss_mb()}


if __name__ == "__main__":  # one side, in the subprocess that run_bench starts
    print(json.dumps(_measure(sys.argv[1], Path(sys.argv[2]), sys.argv[3] or None)))
