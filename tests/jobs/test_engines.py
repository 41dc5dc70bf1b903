"""Choosing where extraction runs: bad combinations are refused before anything heavy is built."""
import pytest

from pipeline.jobs.engines import choose_extractor


@pytest.mark.parametrize("engine, workers, scheduler, message", [
    ("spark", 1, None, "unknown engine 'spark'"),
    ("local", 1, "tcp://10.0.0.1:8786", "--scheduler needs --engine dask"),
    ("dask", 2, None, "--workers is for the local engine"),
])
def test_impossible_choices_are_refused(engine, workers, scheduler, message):
    with pytest.raises(ValueError, match=message):
        choose_extractor(engine, None, workers, scheduler)


def test_several_workers_extract_in_a_pool_built_lazily():
    with choose_extractor("local", None, 2, None) as extract:
        assert extract.keywords == {"model": None, "workers": 2}
