"""Reading articles from real files: one Article or one coded error per file, duplicates read once."""
from __future__ import annotations

import gzip
from pathlib import Path


from tests.ingest.ingest_inputs import FIXTURES, STORY, assert_error, write_jsonl, write_meta
from pipeline.errors import E_BINARY, E_DUPLICATE_TEXT, E_MISSING, E_NO_TEXT, PipelineError
from pipeline.ingest.read import iter_articles, read_article, read_articles
from pipeline.records import Article


def test_reads_text_with_stem_as_id(tmp_path: Path) -> None:
    path = tmp_path / "budget-2024.txt"
    path.write_text("Spending rose 5%.\n", encoding="utf-8")
    article = read_article(path)
    assert article == Article(id="budget-2024", text="Spending rose 5%.\n", path=str(path))


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


def test_gzip_of_each_format(tmp_path: Path) -> None:
    text = tmp_path / "story.txt.gz"
    text.write_bytes(gzip.compress(STORY.encode("utf-8")))
    write_meta(tmp_path / "story.txt", {"published": "2024-01-01"})
    page = tmp_path / "page.HTML.gz"
    page.write_bytes(gzip.compress((FIXTURES / "html" / "wire-gas-prices.html").read_bytes()))
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(b'{"id": "z", "text": "Gzipped: 9 percent."}\n'))
    story = read_article(text)
    assert (story.id, story.text, story.published_origin) == ("story", STORY, "meta")
    assert read_article(page).published_origin == "html:og"
    assert [a.id for a in read_articles(dump)] == ["z"]


def test_page_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
                    encoding="utf-8")
    assert_error(path, E_NO_TEXT)


def test_duplicate_texts_are_read_once(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"id": "first", "text": STORY}])
    (tmp_path / "b.txt").write_text("  " + STORY.upper().replace(" ", "  "), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Another story, 3 percent.", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "PipelineError", "Article"]
    duplicate = items[1]
    assert duplicate.code == E_DUPLICATE_TEXT and duplicate.where == str(tmp_path / "b.txt")
    assert f"{tmp_path / 'a.jsonl'}:1" in duplicate.message and "'first'" in duplicate.message


def test_symbolic_links_in_a_folder_are_named_and_not_read_unless_followed(tmp_path: Path) -> None:
    import os
    from pipeline.errors import PipelineError
    outside = tmp_path / "secret.txt"
    outside.write_text("Exports rose 12 percent in 2023.", encoding="utf-8")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "own.txt").write_text("Imports fell 3 percent in 2022.", encoding="utf-8")
    os.symlink(outside, folder / "linked.txt")
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")

    items = list(iter_articles([folder]))
    assert [item.id for item in items if not isinstance(item, PipelineError)] == ["own"]
    assert sorted((item.code, item.where) for item in items if isinstance(item, PipelineError)) == [
        ("E047", str(folder / "dangling.txt")), ("E047", str(folder / "linked.txt"))]
    assert "--follow-symlinks" in next(i for i in items if isinstance(i, PipelineError)).message

    followed = list(iter_articles([folder], follow_symlinks=True))
    assert sorted(item.id for item in followed if not isinstance(item, PipelineError)) == ["linked", "own"]
    assert [item.code for item in followed if isinstance(item, PipelineError)] == ["E001"]  # the dangling one
    assert [a.id for a in iter_articles([folder / "linked.txt"])] == ["linked"]  # given by name: read
