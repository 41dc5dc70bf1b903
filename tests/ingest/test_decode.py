"""From bytes to text: legacy Latin encodings read; other guessed encodings, missing, binary, oversized
and broken gzip files refused."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.ingest_inputs import FUZZ, STORY, assert_error
from pipeline.errors import E_BINARY, E_COMPRESSED, E_ENCODING, E_MISSING, E_TOO_LARGE, PipelineError
from pipeline.ingest.decode import decode_text
from pipeline.ingest.read import iter_articles, read_article
from pipeline.records import Article


def test_bom_is_stripped_and_line_endings_normalized(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffone\r\ntwo\rthree\n".encode("utf-8"))
    assert read_article(path).text == "one\ntwo\nthree\n"


def test_missing_file(tmp_path: Path) -> None:
    assert_error(tmp_path / "nope.txt", E_MISSING)


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_error(path, E_BINARY)


def test_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café prices".encode("latin-1"))
    error = assert_error(path, E_ENCODING)
    assert "byte offset 3" in str(error)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_a_confident_guess_of_a_non_latin_encoding_is_refused_not_read(tmp_path: Path, encoding: str) -> None:
    text = ("Цены на жильё в Москве выросли на 5 % в 2023 году, сообщает статистическое ведомство. "
            "По словам министра, это самый сильный рост с 1998 года, и стоимость аренды тоже выросла.")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    warnings: list[PipelineError] = []
    error = assert_error(path, E_ENCODING, warn=warnings.append)
    assert "convert it to UTF-8" in str(error) and not warnings


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 101, encoding="utf-8")
    assert_error(path, E_TOO_LARGE, max_bytes=100)
    assert read_article(path, max_bytes=101).text == "x" * 101


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


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Les prix à Paris ont augmenté de 5 % en 2023, selon l’Insee. « C’est la hausse la plus forte "
         "depuis 1985 », a déclaré le ministre à la presse.", "cp1252"),
        ("Die Preise in Zürich stiegen 2023 um 5 Prozent, teilte das Bundesamt für Statistik am Montag "
         "mit. Größere Städte waren stärker betroffen.", "latin-1"),
        ("Exports grew by 12 percent to €5.2 billion in 2023.", "utf-16"),
    ],
)
def test_legacy_encodings_are_detected_and_converted(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text == text


@FUZZ
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_a_coded_error(raw: bytes) -> None:
    try:
        assert isinstance(decode_text(raw, "fuzz.txt"), str)
    except PipelineError as error:
        assert error.code in ("E003", "E004")


def test_utf8_with_a_stray_byte_is_read_as_utf8_with_a_warning_naming_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    sentence = "Exports reached €5 billion in May. "
    before = (sentence * 3).encode("utf-8")
    path.write_bytes(before + b"\x81" + (sentence * 2).encode("utf-8"))
    warnings: list[PipelineError] = []
    text = read_article(path, warn=warnings.append).text
    assert text.count("€5 billion") == 5 and text.count("\ufffd") == 1
    assert [str(w) for w in warnings] == [f"[E045] {path}: not quite UTF-8: 1 bad byte sequence(s) read as U+FFFD, "
                                          f"the first at byte offset {len(before)}"]


@pytest.mark.parametrize("encoding, named", [("cp1252", "cp1252"), ("latin-1", "iso8859-1")])
def test_a_guessed_legacy_encoding_is_windows_1252_or_latin_1_and_always_reported(tmp_path: Path, encoding: str,
                                                                                  named: str) -> None:
    text = ("Les prix à Paris ont augmenté de 5 % en 2023, selon l’Insee. « C’est la hausse la plus forte "
            "depuis 1985 », a déclaré le ministre à la presse, et le coût du logement a grimpé.")
    if encoding == "latin-1":
        text = text.replace("’", "'") + " Entrée\x81"  # 0x81 is no windows-1252 character
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    warnings: list[PipelineError] = []
    assert read_article(path, warn=warnings.append).text == text.replace("\x81", "")  # a control, cleaned away
    assert [(w.code, w.message.endswith(f"read as {named}, a guess")) for w in warnings] == [("E046", True)]
