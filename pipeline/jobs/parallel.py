"""Extraction in several processes, each building the pipeline once, results in input order.

Articles go to the workers in small batches, and only a few batches are in flight at a time, so
memory stays flat however long the input is; results come back in input order, so the output is
the same whatever the number of workers. ``in_input_order`` is shared by every engine that
extracts elsewhere (a process pool here, a Dask cluster in ``pipeline.jobs.cluster``).
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from pipeline.extract import Outcome, extract_guarded
from pipeline.records import Article
from pipeline.resources import Resources, build_resources

TASK_SIZE = 16
"""Articles per task: enough for ``nlp.pipe`` to batch, few enough to keep every worker busy."""

Submit = Callable[[list[Article]], Callable[[], list[Outcome]]]
"""Starts extracting a batch elsewhere; returns the call that waits for its extractions."""

_resources: Resources | None = None
"""The pipeline of a worker process, built once by ``_start_worker``."""


def _start_worker(model: str | None) -> None:
    global _resources
    _resources = build_resources(model)


def _extract_task(articles: list[Article]) -> list[Outcome]:
    assert _resources is not None, "worker started without its pipeline"
    return list(extract_guarded(articles, _resources))


def in_input_order(articles: Iterable[Article], submit: Submit, workers: int) -> Iterator[Outcome]:
    """Extractions of ``articles`` in input order, batches submitted ahead while ``2 * workers``
    are in flight."""
    pending: deque[Callable[[], list[Outcome]]] = deque()
    articles = iter(articles)
    while task := list(islice(articles, TASK_SIZE)):
        pending.append(submit(task))
        if len(pending) >= 2 * workers:
            yield from pending.popleft()()
    while pending:
        yield from pending.popleft()()


def extract_in_processes(articles: Iterable[Article], model: str | None, workers: int) -> Iterator[Outcome]:
    """Extractions of ``articles`` in input order, computed by ``workers`` processes."""
    with multiprocessing.get_context().Pool(workers, initializer=_start_worker, initargs=(model,)) as pool:
        yield from in_input_order(articles, lambda task: pool.apply_async(_extract_task, (task,)).get, workers)
