"""Markdown articles: front matter as metadata, a coded error for bad front matter, the text without markup."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.ingest_inputs import FRONT_MATTER_STORY, FUZZ, STORY, assert_error, metadata, texts
from pipeline.errors import E_FRONT_MATTER, PipelineError
from pipeline.ingest.markdown import split_front_matter
from pipeline.ingest.read import read_article


def test_reads_markdown_as_the_words_a_reader_sees(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Title\n\n12 **more** people, says [the 2024 report](https://x.org/2024/5).\n"
                    "![chart](img/3.png)", encoding="utf-8")
    assert read_article(path).text == "Title\n\n12 more people, says the 2024 report.\n"


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "port.md"
    path.write_text(FRONT_MATTER_STORY, encoding="utf-8")
    article = read_article(path)
    assert metadata(article) == ("port", "Port traffic recovers", "The Northern Ledger", "Helen Marsh",
                                 "https://ledger.example/port", date(2024, 3, 5), "front_matter")
    assert article.text == "Port traffic recovers\n\n" + STORY


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


def test_front_matter_with_windows_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(FRONT_MATTER_STORY.replace("\n", "\r\n").encode("utf-8"))
    article = read_article(path)
    assert (article.title, article.published_origin) == ("Port traffic recovers", "front_matter")
    assert article.text == "Port traffic recovers\n\n" + STORY


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
