"""Fuzzing the readers: whatever the bytes, reading never raises anything but a coded error, and
no input is lost: every file (every non-blank line of a dump) comes out as an article or an error."""
from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.ingest.cleanup import clean_text
from pipeline.errors import PipelineError
from pipeline.ingest.html import read_page
from pipeline.ingest.read import decode_text, is_jsonl, iter_articles, split_front_matter
from pipeline.ingest.published import parse_date_value
from pipeline.records import Article

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
json_docs = st.one_of(
    st.fixed_dictionaries({}, optional={"id": json_values | st.text(max_size=20), "text": texts,
                                        "body": texts, "published": json_values | st.sampled_from(
                                            ["2024-01-02", "Tue, 09 Apr 2024 10:00:00 GMT", "2024-02-30"]),
                                        "title": json_values, "url": json_values}),
    json_values,
)
jsonl_lines = st.lists(st.one_of(json_docs.map(json.dumps), st.text(max_size=30), st.just("")), max_size=8)

file_contents = st.one_of(
    st.binary(max_size=300),
    texts.map(lambda text: text.encode("utf-8")),
    texts.map(lambda text: text.encode("utf-16")),
    html_fragments.map(lambda html: html.encode("utf-8")),
    jsonl_lines.map(lambda lines: "\n".join(lines).encode("utf-8")),
    st.tuples(texts, texts).map(lambda parts: f"---\n{parts[0]}\n---\n{parts[1]}".encode("utf-8")),
)
suffixes = st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".txt.gz", ".html.gz", ".jsonl.gz"])
files = st.lists(st.tuples(suffixes, file_contents, st.booleans()), min_size=1, max_size=6)


@FUZZ
@given(files)
def test_every_input_comes_out_as_an_article_or_an_error(specs: list[tuple[str, bytes, bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, (suffix, content, compress) in enumerate(specs):
            path = Path(folder) / f"doc{index}{suffix}"
            data = gzip.compress(content) if suffix.endswith(".gz") and compress else content
            path.write_bytes(data)  # a ".gz" that is not gzip must be reported too
            paths.append(path)
        items = list(iter_articles([Path(folder)], max_bytes=2000))
        assert all(isinstance(item, (Article, PipelineError)) for item in items)
        for path, (_, content, compress) in zip(paths, specs):
            mine = [item for item in items if where(item) == str(path) or where(item).startswith(f"{path}:")]
            if not is_jsonl(path):
                assert len(mine) == 1, (path, mine)
            elif not (len(mine) == 1 and where(mine[0]) == str(path)):  # else a whole-file error
                lines = [line for line in content.split(b"\n") if line.strip()]
                assert len(mine) == len(lines), (path, mine, lines)
        for item in items:
            event(item.code if isinstance(item, PipelineError) else f"article ({item.published_origin})")
            if isinstance(item, PipelineError):
                assert "\n" not in str(item) and item.code.startswith("E")
            else:
                assert item.text.strip() and clean_text(item.text) == item.text


def where(item: Article | PipelineError) -> str:
    return item.path if isinstance(item, Article) else item.where


@FUZZ
@given(html_fragments)
def test_any_markup_gives_a_page_or_a_coded_error(html: str) -> None:
    try:
        page = read_page(html, "fuzz.html")
    except PipelineError as error:
        assert error.code in ("E042", "E043")
        return
    assert page.text.strip()
    assert "\n\n\n" not in page.text


yaml_like = st.lists(
    st.one_of(st.sampled_from(["title: ", "date: ", "published: ", "id: ", "- ", "  ", ": ", "!!binary ",
                               "&a ", "*a ", "[", "]", "{", "}", "2024-02-30", "2024-04-09 10:00", "\n"]),
              st.text(max_size=10)),
    max_size=30,
).map("".join)


@FUZZ
@given(yaml_like, texts)
def test_any_front_matter_gives_an_article_or_a_coded_error(front: str, body: str) -> None:
    try:
        values, rest = split_front_matter(f"---\n{front}\n---\n{body}", "fuzz.md")
    except PipelineError as error:
        assert error.code == "E044" and "\n" not in str(error)
        return
    assert set(values) <= {"id", "title", "source", "author", "url", "published"}


@FUZZ
@given(texts)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\r" not in once and "\u00ad" not in once and "\u00a0" not in once


@FUZZ
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_a_coded_error(raw: bytes) -> None:
    try:
        assert isinstance(decode_text(raw, "fuzz.txt"), str)
    except PipelineError as error:
        assert error.code in ("E003", "E004")


@FUZZ
@given(json_values | st.dates() | st.datetimes())
def test_date_values_parse_or_are_refused(value: object) -> None:
    parsed = parse_date_value(value)
    assert parsed is None or 1 <= parsed.year <= 9999
