"""Shared fixtures: the heavy resources are built once per test session. Tests of the whole corpus
against its gold (tests/corpus/) and tests in a real browser (``*_browser.py``) are marked ``slow``,
so ``pytest -m "not slow"`` gives a quick run while changing code; ``make test`` runs them all."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.extract import extract_articles
from pipeline.records import Article, Extraction
from pipeline.resources import Resources, build_resources

SLOW_FOLDERS = ("corpus",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = Path(item.path)
        if path.parent.name in SLOW_FOLDERS or path.stem.endswith("_browser"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return build_resources()


@pytest.fixture(scope="session")
def extract(resources):
    """Run the whole pipeline on a text: ``extract(text, published="2024-04-09")``."""

    def run(text: str, published: str | None = "2024-04-09", article_id: str = "t") -> Extraction:
        article = Article(id=article_id, text=text, published=date.fromisoformat(published) if published else None)
        return next(extract_articles([article], resources))

    return run
