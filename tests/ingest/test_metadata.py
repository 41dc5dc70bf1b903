"""Metadata from sidecar meta files, checked, and merged with options and what the file says by precedence."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.ingest.ingest_inputs import FIXTURES, FRONT_MATTER_STORY, metadata, write_meta
from pipeline.errors import E_META, PipelineError
from pipeline.ingest.metadata import folder_metadata
from pipeline.ingest.read import read_article


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


def test_precedence_options_then_sidecar_then_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "port.md"
    path.write_text(FRONT_MATTER_STORY, encoding="utf-8")
    write_meta(path, {"published": "2024-03-06", "source": "Ledger Wire"})
    from_sidecar = read_article(path)
    assert metadata(from_sidecar)[1:] == ("Port traffic recovers", "Ledger Wire", "Helen Marsh",
                                          "https://ledger.example/port", date(2024, 3, 6), "meta")
    from_options = read_article(path, published=date(2024, 3, 7), title="Mine")
    assert metadata(from_options)[1:] == ("Mine", "Ledger Wire", "Helen Marsh",
                                          "https://ledger.example/port", date(2024, 3, 7), "cli")


def test_sidecar_overrides_what_a_page_says(tmp_path: Path) -> None:
    page = tmp_path / "exports.html"
    page.write_bytes((FIXTURES / "html" / "ledger-port-exports.html").read_bytes())
    write_meta(page, {"id": "ledger-42", "published": "2024-03-04"})
    article = read_article(page)
    assert (article.id, article.published, article.published_origin, article.author) == (
        "ledger-42", date(2024, 3, 4), "meta", "Helen Marsh")


def test_folder_metadata_by_article_id_with_bad_sidecars_in_place(tmp_path: Path) -> None:
    write_meta(tmp_path / "a.txt", {"title": "T", "url": "https://x.org/a", "published": "2024-04-09"})
    write_meta(tmp_path / "b.html", {"id": "ledger-42", "author": "Helen Marsh"})
    bad = write_meta(tmp_path / "c.md", {"published": "09/04/2024"})
    (tmp_path / "sub").mkdir()
    write_meta(tmp_path / "sub" / "d.txt", {"title": "not in the folder itself"})
    items = list(folder_metadata(tmp_path))
    assert items[:2] == [("a", {"title": "T", "url": "https://x.org/a", "published": date(2024, 4, 9)}),
                         ("ledger-42", {"id": "ledger-42", "author": "Helen Marsh", "published": None})]
    [error] = items[2:]
    assert isinstance(error, PipelineError) and (error.code, error.where) == (E_META, str(bad))
