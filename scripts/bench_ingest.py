"""Time the reading stage alone (no spaCy): files per second and MB per second, per format.

    python -m scripts.bench_ingest PATH... [--repeat N]

Prints one line per format: files read, articles and errors produced, seconds, files/s, MB/s.
"""
from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from pipeline.errors import PipelineError
from pipeline.ingest.discover import base_suffix, discover
from pipeline.ingest.read import iter_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="Read every file this many times.")
    args = parser.parse_args()
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0, 0.0])  # files, ok, errors, s, MB
    for path in discover(args.paths):
        row = totals[base_suffix(path) + (".gz" if path.suffix.lower() == ".gz" else "")]
        for _ in range(args.repeat):
            started = time.perf_counter()
            items = list(iter_articles([path]))
            row[3] += time.perf_counter() - started
            row[0] += 1
            row[1] += sum(not isinstance(item, PipelineError) for item in items)
            row[2] += sum(isinstance(item, PipelineError) for item in items)
            row[4] += path.stat().st_size / 1e6
    for kind, (files, ok, errors, seconds, megabytes) in sorted(totals.items()):
        print(f"{kind:10} {int(files):5} files {int(ok):5} articles {int(errors):4} errors "
              f"{seconds:7.2f} s {files / seconds:8.1f} files/s {megabytes / seconds:6.2f} MB/s")


if __name__ == "__main__":
    main()
