"""From an input file's bytes to text: gzip, size limits, binary data, byte-order marks and encodings."""
from __future__ import annotations

import codecs
import gzip
import logging
import re
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from charset_normalizer import from_bytes

from pipeline.errors import (E_BINARY, E_COMPRESSED, E_ENCODING, E_GUESSED_ENCODING, E_MISSING, E_STRAY_BYTES,
                             E_TOO_LARGE, PipelineError)
from pipeline.ingest.cleanup import normalize_newlines
from pipeline.ingest.discover import is_gzip, shown_path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
BINARY_PROBE_BYTES = 8 * 1024

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_LATIN_CODEPAGES = {
    "cp1250", "cp1252", "cp1257", "cp775", "cp850", "cp852", "cp858", "cp437", "mac_latin2",
    "mac_roman", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_13", "iso8859_15",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (after decompression) so that a huge file is refused unread."""
    with reading(path) as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise PipelineError(E_TOO_LARGE, shown_path(path), f"larger than the limit of {max_bytes} bytes"
                            + (" once decompressed" if is_gzip(path) else ""))
    return raw


@contextmanager
def reading(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, decompressed on the fly for ``.gz``; reading errors become coded ones
    ("corrupt.txt.gz: not a readable gzip file"), so that a batch reports the file and goes on."""
    where = shown_path(path)
    try:
        with gzip.open(path, "rb") if is_gzip(path) else path.open("rb") as handle:
            yield handle
    except FileNotFoundError:
        raise PipelineError(E_MISSING, where, "no such file") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise PipelineError(E_COMPRESSED, where, f"not a readable gzip file ({error or 'truncated'})") from None
    except OSError as error:
        raise PipelineError(E_MISSING, where, f"cannot be read ({error.strerror or error})") from None


Warn = Callable[[PipelineError], None]
"""Told of an input read in spite of a problem (E045, E046): the input is still used."""


def log_warning(warning: PipelineError) -> None:
    """Where a warning goes when the caller gives no place: Python's logging (stderr by default)."""
    logging.getLogger("pipeline.ingest").warning("%s", warning)


def decode_text(raw: bytes, where: str, declared: str | None = None, warn: Warn = log_warning) -> str:
    """Text from bytes: a BOM's encoding, else UTF-8, else almost UTF-8 (a few stray bytes among
    valid UTF-8, replaced by U+FFFD and warned of with their byte offset: E045), else the page's
    declared charset, else a confident guess of a Latin code page, read as windows-1252 or Latin-1
    and warned of (E046), so that a page saved as windows-1252 reads "à Paris", not "Ã  Paris".
    Binary data, text whose encoding cannot be told and text that looks like another encoding
    (cp1251, named in the message) are refused."""
    bom = next((encoding for mark, encoding in _BOMS if raw.startswith(mark)), None)
    if bom:
        try:
            return normalize_newlines(raw.decode(bom))
        except UnicodeDecodeError:
            raise PipelineError(E_ENCODING, where, f"starts with a {bom} byte-order mark but is not {bom}") from None
    if b"\x00" in raw[:BINARY_PROBE_BYTES]:
        raise PipelineError(E_BINARY, where, "looks like a binary file (NUL bytes), not text")
    try:
        return normalize_newlines(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        offset = error.start
    replaced = raw.decode("utf-8", "replace")
    stray = replaced.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    if sum(1 for char in replaced if char > "\x7f") - replaced.count("\ufffd") >= stray:
        warn(PipelineError(E_STRAY_BYTES, where, f"not quite UTF-8: {stray} bad byte sequence(s) read as U+FFFD, "
                                                 f"the first at byte offset {offset}"))
        return normalize_newlines(replaced)
    if declared:
        try:
            return normalize_newlines(raw.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    guess, looks_like = guess_encoding(raw)
    if guess:
        warn(PipelineError(E_GUESSED_ENCODING, where, f"not UTF-8 (byte offset {offset}) and no charset declared: "
                                                      f"read as {codecs.lookup(guess).name}, a guess"))
        return normalize_newlines(raw.decode(guess))
    seems = f"; it looks like {looks_like}, which is not read on a guess" if looks_like else ""
    raise PipelineError(E_ENCODING, where, f"not valid UTF-8 at byte offset {offset}, and its encoding cannot "
                                           f"be told reliably{seems}; convert it to UTF-8")


def guess_encoding(raw: bytes) -> tuple[str | None, str]:
    """The encoding to read ``raw`` in on a guess, windows-1252 or Latin-1, or None; and the name of
    any other encoding charset-normalizer recognizes a language in, for the message refusing it.

    Only a guessed Latin code page is read: as windows-1252, the usual legacy encoding of Western
    news sites, or as Latin-1 where the bytes are not windows-1252 (never as mac_roman or a Central
    European page, which charset-normalizer often ranks first for Western text and which turn a
    stray byte into a wrong letter without a trace). A guess of any other encoding ("cp1251" for
    Russian text, "shift_jis") is right often enough to be tempting and wrong often enough on
    short texts to read the wrong letters into a claims table, so it is refused and named.
    """
    best = from_bytes(raw).best()
    if best is None or best.coherence <= 0:
        return None, ""
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name not in _LATIN_CODEPAGES:
        return None, codecs.lookup(best.encoding).name
    try:
        raw.decode("cp1252")
        return "cp1252", ""
    except UnicodeDecodeError:
        return "latin_1", ""


def declared_charset(raw: bytes) -> str | None:
    """The charset a web page declares in a ``<meta>`` tag near its start (``<meta charset="windows-1252">``
    -> ``windows-1252``): the page's own word on its encoding, tried before a guess."""
    match = _DECLARED_CHARSET.search(raw[:BINARY_PROBE_BYTES])
    return match.group(1).decode("ascii") if match else None
