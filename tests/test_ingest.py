"""Reading articles from real files: metadata, normalization, and a coded error for each bad input."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import (
    E_BINARY,
    E_EMPTY,
    E_ENCODING,
    E_INPUT_JSON,
    E_META,
    E_MISSING,
    E_TOO_LARGE,
    PipelineError,
)
from pipeline.ingest import article_from_json, discover, iter_articles, read_article
from pipeline.records import Article


def write_meta(article: Path, meta: dict | str) -> Path:
    path = article.with_name(article.stem + ".meta.json")
    path.write_text(meta if isinstance(meta, str) else json.dumps(meta), encoding="utf-8")
    return path


def test_reads_text_with_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "budget-2024.txt"
    path.write_text("Spending rose 5%.\n", encoding="utf-8")
    article = read_article(path)
    assert article == Article(id="budget-2024", text="Spending rose 5%.\n", path=str(path))


def test_reads_markdown_as_the_words_a_reader_sees(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Title\n\n12 **more** people, says [the 2024 report](https://x.org/2024/5).\n"
                    "![chart](img/3.png)", encoding="utf-8")
    assert read_article(path).text == "Title\n\n12 more people, says the 2024 report.\n"


def test_meta_file_supplies_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    write_meta(path, {"id": "A-1", "title": "T", "source": "Wire", "published": "2024-04-09", "x": 1})
    article = read_article(path)
    assert (article.id, article.title, article.source, article.published) == (
        "A-1", "T", "Wire", date(2024, 4, 9),
    )


def test_options_override_meta_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    write_meta(path, {"title": "T", "source": "Wire", "published": "2024-04-09"})
    article = read_article(path, published=date(2020, 1, 2), title="Mine", source="Desk")
    assert (article.id, article.title, article.source, article.published) == (
        "a", "Mine", "Desk", date(2020, 1, 2),
    )


def test_bom_is_stripped_and_line_endings_normalized(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffone\r\ntwo\rthree\n".encode("utf-8"))
    assert read_article(path).text == "one\ntwo\nthree\n"


def assert_error(path: Path, code: str, **options: object) -> PipelineError:
    with pytest.raises(PipelineError) as caught:
        read_article(path, **options)
    assert caught.value.code == code
    assert path.name in str(caught.value)
    assert "\n" not in str(caught.value)
    return caught.value


def test_missing_file(tmp_path: Path) -> None:
    assert_error(tmp_path / "nope.txt", E_MISSING)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", "\ufeff \n".encode("utf-8")])
def test_empty_or_whitespace(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert_error(path, E_EMPTY)


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_error(path, E_BINARY)


def test_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café prices".encode("latin-1"))
    error = assert_error(path, E_ENCODING)
    assert "byte offset 3" in str(error)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101, encoding="utf-8")
    assert_error(path, E_TOO_LARGE, max_bytes=100)
    assert read_article(path, max_bytes=101).text == "x" * 101


@pytest.mark.parametrize(
    "meta",
    [
        "{not json",
        "[1, 2]",
        {"published": "09/04/2024"},
        {"published": "2024-02-30"},
        {"published": 20240409},
        {"id": ""},
        {"title": 3},
    ],
)
def test_bad_meta(tmp_path: Path, meta: dict | str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text", encoding="utf-8")
    meta_path = write_meta(path, meta)
    with pytest.raises(PipelineError) as caught:
        read_article(path)
    assert caught.value.code == E_META
    assert meta_path.name in str(caught.value)
    assert "\n" not in str(caught.value)


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


def test_discover(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ["b.txt", "a.md", "sub/c.TXT", "a.meta.json", "notes.csv", ".secret.txt", ".hidden/d.txt"]:
        (folder / name).write_text("x", encoding="utf-8")
    explicit = tmp_path / "odd.csv"
    explicit.write_text("x", encoding="utf-8")
    missing = tmp_path / "gone.txt"
    assert discover([folder, explicit, missing]) == [
        folder / "a.md", folder / "b.txt", folder / "sub" / "c.TXT", explicit, missing,
    ]


def test_batch_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01 bad")
    (tmp_path / "c.txt").write_text("third", encoding="utf-8")
    results = list(iter_articles([tmp_path, tmp_path / "missing.txt"], source="Desk"))
    assert [type(r).__name__ for r in results] == ["Article", "PipelineError", "Article", "PipelineError"]
    assert [r.text for r in results if isinstance(r, Article)] == ["first", "third"]
    assert all(r.source == "Desk" for r in results if isinstance(r, Article))
    errors = [r for r in results if isinstance(r, PipelineError)]
    assert [(e.code, Path(e.where).name) for e in errors] == [(E_BINARY, "b.txt"), (E_MISSING, "missing.txt")]
