"""Inputs shared by the ingest tests: sample stories, writers of sidecars and dumps, and fuzzing strategies."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.ingest.read import read_article
from pipeline.records import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


STORY = "The port handled 640,000 containers in 2023, up 12 percent on the year before.\n"


FRONT_MATTER_STORY = (
    "---\n"
    "title: Port traffic recovers\n"
    "date: 2024-03-05\n"
    "author: Helen Marsh\n"
    "source: The Northern Ledger\n"
    "url: https://ledger.example/port\n"
    "tags: [shipping, ports]\n"
    "---\n\n"
    "# Port traffic recovers\n\n" + STORY
)


def write_meta(article: Path, meta: dict | str) -> Path:
    path = article.with_name(article.stem + ".meta.json")
    path.write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    return path


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def assert_error(path: Path, code: str, **options: object) -> PipelineError:
    with pytest.raises(PipelineError) as caught:
        read_article(path, **options)
    assert caught.value.code == code
    assert path.name in str(caught.value)
    assert "\n" not in str(caught.value)
    return caught.value


def metadata(article: Article) -> tuple:
    return (article.id, article.title, article.source, article.author, article.url,
            article.published, article.published_origin)


FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
"""60 examples per property in the suite; ``FUZZ_EXAMPLES=2000`` for a longer run."""


TAGS = ["p", "div", "article", "nav", "footer", "figure", "figcaption", "aside", "script", "time", "h1",
        "table", "tr", "td", "ul", "li", "b", "br", "meta", "title", "!--", "![CDATA["]


html_fragments = st.lists(
    st.one_of(
        st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
        st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
        st.just('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '),
        st.just('<meta property="article:published_time" content="2024-02-30">'),
        st.just('<time datetime="not a date">'),
        st.just("The council spent $4.5 million on 1\u00a0200 new homes in 2023, up 12\u202f% on 2022."),
        st.text(max_size=40),
    ),
    max_size=40,
).map("".join)


texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)
