"""Where ``claims run`` extracts: in this process, in a pool of processes, or on a Dask cluster."""
from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from functools import partial

from pipeline.jobs.parallel import extract_in_processes
from pipeline.jobs.run import Extractor
from pipeline.resources import Resources, build_resources

ENGINES = ("local", "dask")
"""Where ``run`` extracts: this machine (``--workers`` processes) or a Dask cluster."""


class EngineUnavailable(Exception):
    """The engine asked for needs a package that is not installed (Dask for ``--engine dask``)."""


def choose_extractor(engine: str, model: str | None, workers: int,
                     scheduler: str | None) -> AbstractContextManager[Extractor | Resources]:
    """The extraction of the chosen engine, held open for the duration of a run.

    ``--workers 1`` extracts in this process with one set of resources; ``--workers 2`` starts a pool
    that builds them once per process; ``--engine dask`` connects to a scheduler (or a local cluster)
    and is imported only when asked for, so a machine without Dask runs everything else. A choice
    that cannot work (``--scheduler`` without dask, ``--workers`` with dask) is a ValueError.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "local":
        if scheduler is not None:
            raise ValueError("--scheduler needs --engine dask")
        return nullcontext(build_resources(model) if workers == 1
                           else partial(extract_in_processes, model=model, workers=workers))
    if workers != 1:
        raise ValueError("--workers is for the local engine; a Dask cluster has its own workers")
    try:
        from pipeline.jobs.cluster import cluster_extractor
    except ModuleNotFoundError as error:
        if error.name not in ("dask", "distributed"):
            raise
        raise EngineUnavailable("--engine dask needs Dask, which is not installed: "
                                "pip install 'claims-pipeline[dask]'") from None
    return cluster_extractor(model, scheduler)
