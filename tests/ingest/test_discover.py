"""Finding article files in folders, with include and exclude globs, and the ids their paths give."""
from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.discover import discover, is_file_safe
from pipeline.ingest.read import iter_articles
from pipeline.records import Article


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


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for name in ["a.txt", "b.html", "c.jsonl.gz", "drafts/d.md", "drafts/e.txt", "notes.csv", "f.meta.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    names = lambda found: [p.relative_to(tmp_path).as_posix() for p in found]  # noqa: E731
    assert names(discover([tmp_path])) == ["a.txt", "b.html", "c.jsonl.gz", "drafts/d.md", "drafts/e.txt"]
    assert names(discover([tmp_path], exclude=["drafts/*"])) == ["a.txt", "b.html", "c.jsonl.gz"]
    assert names(discover([tmp_path], include=["*.txt", "*.csv"])) == ["a.txt", "drafts/e.txt", "notes.csv"]
    assert names(discover([tmp_path], include=["*.txt"], exclude=["e.*"])) == ["a.txt"]


def test_same_file_names_in_subfolders_get_ids_from_their_folders(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name, text in [("index.txt", "Home page text."), ("2024/05/index.txt", "A story about 2024."),
                       ("2024/06/index.txt", "Another story."), ("2024/06/feed.jsonl", '{"text": "A line."}')]:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    items = list(iter_articles([site]))
    assert [i.id for i in items] == ["2024-05-index", "2024-06-feed-1", "2024-06-index", "index"]
    [named] = list(iter_articles([site / "2024" / "05" / "index.txt"]))
    assert named.id == "index"  # a file given by name keeps its own name


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(folder + b"/\xe9t\xe9.txt", "w", encoding="utf-8") as handle:  # a Latin-1 name
        handle.write("Exports rose 12 percent in 2023.")
    [article] = iter_articles([tmp_path])
    assert isinstance(article, Article) and is_file_safe(article.id)
    assert article.path == f"{tmp_path}/\\xe9t\\xe9.txt"
    article.path.encode("utf-8")  # can be written to the UTF-8 outputs
