"""Reading articles from real files: metadata, normalization, and a coded error for each bad input."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import (
    E_BINARY,
    E_COMPRESSED,
    E_DUPLICATE_TEXT,
    E_EMPTY,
    E_ENCODING,
    E_FRONT_MATTER,
    E_INPUT_JSON,
    E_META,
    E_MISSING,
    E_NO_TEXT,
    E_TOO_LARGE,
    PipelineError,
)
from pipeline.ingest.read import JsonFields, article_from_json, discover, iter_articles, read_article, read_articles
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


# --- formats, precedence, hostile input ---------------------------------------------------------

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


def metadata(article: Article) -> tuple:
    return (article.id, article.title, article.source, article.author, article.url,
            article.published, article.published_origin)


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "port.md"
    path.write_text(FRONT_MATTER_STORY, encoding="utf-8")
    article = read_article(path)
    assert metadata(article) == ("port", "Port traffic recovers", "The Northern Ledger", "Helen Marsh",
                                 "https://ledger.example/port", date(2024, 3, 5), "front_matter")
    assert article.text == "Port traffic recovers\n\n" + STORY


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


@pytest.mark.parametrize(
    "front, reason",
    [
        ("title: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("date: 09/04/2024\n", '"date" must be a date'),
        ("title: 42\n", '"title" must be a string'),
        ("published: 2024-02-30\n", "day is out of range"),
        ("a: !!python/object:os.system x\n", "not valid YAML"),
    ],
)
def test_bad_front_matter(tmp_path: Path, front: str, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front}---\nText with 5 figures.\n", encoding="utf-8")
    error = assert_error(path, E_FRONT_MATTER)
    assert reason in str(error)


def write_jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


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


def test_broken_and_oversized_gzip(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.txt.gz"
    corrupt.write_bytes(gzip.compress(STORY.encode("utf-8"))[:-12])
    assert_error(corrupt, E_COMPRESSED)
    not_gzip = tmp_path / "plain.txt.gz"
    not_gzip.write_text(STORY, encoding="utf-8")
    assert_error(not_gzip, E_COMPRESSED)
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 1_000_000))
    assert "once decompressed" in str(assert_error(bomb, E_TOO_LARGE, max_bytes=10_000))
    dump = tmp_path / "corrupt.jsonl.gz"
    dump.write_bytes(gzip.compress(b'{"id": "a", "text": "t"}\n' * 50)[:-30])
    items = list(iter_articles([dump]))
    assert all(isinstance(item, Article) for item in items[:-1])
    assert isinstance(items[-1], PipelineError) and items[-1].code == E_COMPRESSED


def test_page_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
                    encoding="utf-8")
    assert_error(path, E_NO_TEXT)


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Les prix à Paris ont augmenté de 5 % en 2023, selon l’Insee. « C’est la hausse la plus forte "
         "depuis 1985 », a déclaré le ministre à la presse.", "cp1252"),
        ("Die Preise in Zürich stiegen 2023 um 5 Prozent, teilte das Bundesamt für Statistik am Montag "
         "mit. Größere Städte waren stärker betroffen.", "latin-1"),
        ("Цены выросли на 5% в Москве в 2023 году, сообщил министр финансов на пресс-конференции.", "cp1251"),
        ("Exports grew by 12 percent to €5.2 billion in 2023.", "utf-16"),
    ],
)
def test_legacy_encodings_are_detected_and_converted(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text == text


def test_duplicate_texts_are_read_once(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", [{"id": "first", "text": STORY}])
    (tmp_path / "b.txt").write_text("  " + STORY.upper().replace(" ", "  "), encoding="utf-8")
    (tmp_path / "c.txt").write_text("Another story, 3 percent.", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "PipelineError", "Article"]
    duplicate = items[1]
    assert duplicate.code == E_DUPLICATE_TEXT and duplicate.where == str(tmp_path / "b.txt")
    assert f"{tmp_path / 'a.jsonl'}:1" in duplicate.message and "'first'" in duplicate.message


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


def test_front_matter_with_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(FRONT_MATTER_STORY.replace("\n", "\r\n").encode("utf-8"))
    article = read_article(path)
    assert (article.title, article.published_origin) == ("Port traffic recovers", "front_matter")
    assert article.text == "Port traffic recovers\n\n" + STORY
