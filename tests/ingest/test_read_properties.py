"""Fuzzing the readers: whatever the bytes, reading never raises anything but a coded error, and
no input is lost: every file (every non-blank line of a dump) comes out as an article or an error."""
from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from tests.ingest.ingest_inputs import FUZZ, html_fragments, json_values, texts
from pipeline.errors import PipelineError
from pipeline.ingest.cleanup import clean_text
from pipeline.ingest.discover import is_jsonl
from pipeline.ingest.read import iter_articles
from pipeline.records import Article


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
