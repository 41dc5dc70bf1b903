"""Shared fixtures: the heavy resources are built once per test session."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract import extract_articles
from pipeline.records import Article, Extraction
from pipeline.resources import Resources, build_resources


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
