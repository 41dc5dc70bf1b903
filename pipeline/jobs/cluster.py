"""Extraction on a Dask cluster, results in input order like ``pipeline.jobs.parallel``.

Every worker builds the pipeline once, when it joins (a worker plugin), never per task; batches
of articles are submitted ahead and gathered in input order, so a run on a cluster writes the
same files as a run in one process. Without a scheduler address a ``LocalCluster`` of two
single-threaded worker processes on this machine (loopback only) is started for the run.
"""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import partial

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from pipeline.errors import E_CLUSTER, PipelineError
from pipeline.extract import Outcome, extract_guarded
from pipeline.jobs.parallel import in_input_order
from pipeline.records import Article
from pipeline.resources import Resources, build_resources
from pipeline.jobs.run import Extractor

PLUGIN_NAME = "claims-pipeline"
LOCAL_WORKERS = 2
CONNECT_SECONDS = 30


class PipelinePlugin(WorkerPlugin):
    """Holds the pipeline of one worker, built when the plugin is set up on it."""

    def __init__(self, model: str | None):
        self.model = model
        self.resources: Resources | None = None
        self.lock: threading.Lock | None = None

    async def setup(self, worker) -> None:
        self.lock = threading.Lock()
        # Built off the event loop, so the worker keeps answering the scheduler meanwhile.
        self.resources = await asyncio.get_running_loop().run_in_executor(None, build_resources, self.model)

    def extract(self, articles: list[Article]) -> list[Outcome]:
        """One batch at a time, whatever the worker's threads: the pipeline's caches are not
        made for several threads."""
        assert self.resources is not None and self.lock is not None, "worker without its pipeline"
        with self.lock:
            return list(extract_guarded(articles, self.resources))


def _extract_batch(articles: list[Article]) -> list[Outcome]:
    return get_worker().plugins[PLUGIN_NAME].extract(articles)


@contextmanager
def cluster_extractor(model: str | None, scheduler: str | None = None) -> Iterator[Extractor]:
    """Connect to the Dask scheduler at ``scheduler`` (a local cluster when ``None``) and set up
    the pipeline on its workers, before anything is written; then give the extraction, in input
    order, that runs on them, for as long as the block lasts."""
    where = scheduler or "local cluster"
    with ExitStack() as stack:
        try:
            if scheduler is None:
                cluster = stack.enter_context(LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1,
                                                           processes=True, host="127.0.0.1",
                                                           dashboard_address=None))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_SECONDS))
        except OSError as error:
            raise PipelineError(E_CLUSTER, where,
                                f"cannot reach the Dask scheduler ({' '.join(str(error).split())})") from None
        client.register_plugin(PipelinePlugin(model), name=PLUGIN_NAME)
        threads = sum(client.nthreads().values())
        if not threads:
            raise PipelineError(E_CLUSTER, where, "the Dask cluster has no workers")

        def submit(task: list[Article]) -> Callable[[], list[Outcome]]:
            return client.submit(_extract_batch, task, pure=False).result

        yield partial(in_input_order, submit=submit, workers=threads)
