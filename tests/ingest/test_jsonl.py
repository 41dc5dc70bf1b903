"""JSON documents and JSONL dumps: field names, a coded error per bad line, and the rest of the dump read."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.ingest.ingest_inputs import write_jsonl
from pipeline.errors import E_BINARY, E_EMPTY, E_INPUT_JSON, E_TOO_LARGE, PipelineError
from pipeline.ingest.jsonl import JsonFields, article_from_json
from pipeline.ingest.read import iter_articles, read_articles
from pipeline.records import Article


def test_article_from_json() -> None:
    article = article_from_json(
        {"id": "d1", "text": "a\r\nb", "published": "2024-01-31", "title": "T", "source": None},
        "docs.jsonl:1",
    )
    assert article == Article(  # the text as given: the offsets of `extract` index the caller's text
        id="d1", text="a\r\nb", title="T", published=date(2024, 1, 31), path="docs.jsonl:1",
        published_origin="jsonl",
    )
    undated = article_from_json({"id": 7, "text": "", "published": None}, "w")
    assert (undated.id, undated.published, undated.published_origin) == ("7", None, "none")


@pytest.mark.parametrize(
    "obj",
    [
        {"text": "t"},
        {"id": "", "text": "t"},
        {"id": True, "text": "t"},
        {"id": "d"},
        {"id": "d", "text": 5},
        {"id": "d", "text": "t", "published": "2024-13-01"},
        {"id": "d", "text": "t", "published": "yesterday"},
        {"id": "d", "text": "t", "title": ["x"]},
        ["not", "an", "object"],
    ],
)
def test_article_from_json_rejects(obj: object) -> None:
    with pytest.raises(PipelineError) as caught:
        article_from_json(obj, "docs.jsonl:4")  # type: ignore[arg-type]
    assert caught.value.code == E_INPUT_JSON
    assert "docs.jsonl:4" in str(caught.value)


def test_jsonl_dump_with_default_field_names(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "feed.jsonl", [
        {"id": "a1", "text": "First story: 5 percent.", "published": "2024-01-02", "title": "One"},
        {"url": "https://news.example/2024/02/03/story?x=1", "body": "Second story: 6 percent.",
         "pubDate": "Sat, 03 Feb 2024 08:00:00 GMT", "headline": "Two", "byline": "Ann Lee"},
        "",
        {"content": "Third story: 7 percent.", "publishedAt": "2024-02-04T10:00:00Z", "id": 17},
        {"text": "Fourth story has no date or id: 8 percent."},
    ])
    articles = list(read_articles(dump))
    assert all(isinstance(a, Article) for a in articles)
    assert [(a.id, a.title, a.published, a.published_origin, a.path) for a in articles] == [
        ("a1", "One", date(2024, 1, 2), "jsonl", f"{dump}:1"),
        (articles[1].id, "Two", date(2024, 2, 3), "jsonl", f"{dump}:2"),
        ("17", "", date(2024, 2, 4), "jsonl", f"{dump}:4"),
        ("feed-5", "", None, "none", f"{dump}:5"),
    ]
    assert articles[1].id.startswith("news.example-2024-02-03-story-x-1-")  # a URL made a file-safe id
    assert (articles[1].author, articles[1].url) == ("Ann Lee", "https://news.example/2024/02/03/story?x=1")


def test_jsonl_custom_field_names_and_options_win(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "export.jsonl", [
        {"guid": "g-1", "story": "Prices rose 3 percent.", "when": "2023-05-06", "text": "ignored"},
    ])
    fields = JsonFields(text=("story",), published=("when",), id=("guid",))
    [article] = read_articles(dump, fields=fields)
    assert (article.id, article.text, article.published, article.published_origin) == (
        "g-1", "Prices rose 3 percent.", date(2023, 5, 6), "jsonl")
    [overridden] = read_articles(dump, fields=fields, published=date(2023, 5, 7))
    assert (overridden.published, overridden.published_origin) == (date(2023, 5, 7), "cli")


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    dump = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "ok-1", "text": "Fine: 1 percent."},
        '{"id": "broken", "text": ',
        {"id": "nodate", "text": "Bad date: 2 percent.", "date": "last Tuesday"},
        {"id": "notext"},
        {"id": "long", "text": "x" * 500},
        ["not", "an", "object"],
        "[" * 50000 + "]" * 50000,
        {"id": "ok-2", "text": "Fine: 3 percent."},
    ])
    items = list(read_articles(dump, max_bytes=400))
    assert [(type(i).__name__, getattr(i, "code", "")) for i in items] == [
        ("Article", ""), ("PipelineError", E_INPUT_JSON), ("PipelineError", E_INPUT_JSON),
        ("PipelineError", E_INPUT_JSON), ("PipelineError", E_TOO_LARGE), ("PipelineError", E_INPUT_JSON),
        ("PipelineError", E_TOO_LARGE), ("Article", ""),
    ]
    assert [i.where for i in items if isinstance(i, PipelineError)] == [f"{dump}:{n}" for n in (2, 3, 4, 5, 6, 7)]


@pytest.mark.parametrize("content, code", [(b"", E_EMPTY), (b"\n \n", E_EMPTY), (b"\x00\x01\x02", E_BINARY)])
def test_jsonl_file_level_problems(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(content)
    [error] = iter_articles([path])
    assert isinstance(error, PipelineError) and (error.code, error.where) == (code, str(path))


def test_a_lone_surrogate_becomes_a_replacement_character_in_place(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a", "title": "t \\udc00", "text": "bad \\ud800 5 percent, \\ud83d\\ude00 kept"}\n'
                    '{"id": "b", "text": "Exports rose 12 percent in 2023."}\n', encoding="utf-8")
    first, second = iter_articles([dump])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.text) == ("t \ufffd", "bad \ufffd 5 percent, \U0001f600 kept")
    given = article_from_json({"id": "a", "text": "x\ud800y"}, "<stdin>:1")
    assert given.text == "x\ufffdy"  # one for one: offsets still index the caller's text


def test_one_line_with_nul_bytes_fails_alone(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": "a", "text": "Exports rose 12 percent in 2023."}\n'
                     b'{"id": "b", "text": "bad \x00\x00 line"}\n'
                     b'{"id": "c", "text": "Imports fell 3 percent in 2022."}\n')
    items = list(iter_articles([dump]))
    assert [getattr(item, "id", None) or item.code for item in items] == ["a", E_INPUT_JSON, "c"]
    assert items[1].where == f"{dump}:2"
