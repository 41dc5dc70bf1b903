"""Reading articles: text files with optional ``<stem>.meta.json`` metadata, or JSONL documents.

Every problem with an input becomes a coded ``PipelineError`` naming the file, so that a batch
can report it and go on with the other articles.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypedDict, Unpack

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
from pipeline.records import Article

ARTICLE_SUFFIXES = (".txt", ".md")
META_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
BINARY_PROBE_BYTES = 8 * 1024
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class MetaOptions(TypedDict, total=False):
    """Keyword options of ``read_article`` that ``iter_articles`` passes through."""

    published: date | None
    title: str | None
    source: str | None
    max_bytes: int


def read_article(
    path: Path,
    *,
    published: date | None = None,
    title: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read one article; explicit options win over the meta file, which wins over defaults."""
    where = str(path)
    text = decode_text(read_bounded(path, max_bytes), where)
    if not text.strip():
        raise PipelineError(E_EMPTY, where, "the file is empty or holds only whitespace")
    meta = read_meta(meta_path(path))
    return Article(
        id=meta.get("id") or path.stem,
        text=text,
        title=title if title is not None else meta.get("title", ""),
        source=source if source is not None else meta.get("source", ""),
        published=published if published is not None else meta.get("published"),
        path=where,
    )


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` so that a huge file is refused without loading it whole."""
    where = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise PipelineError(E_MISSING, where, "no such file") from None
    except OSError as error:
        raise PipelineError(E_MISSING, where, f"cannot be read ({error.strerror})") from None
    if len(raw) > max_bytes:
        raise PipelineError(E_TOO_LARGE, where, f"larger than the limit of {max_bytes} bytes")
    return raw


def decode_text(raw: bytes, where: str) -> str:
    """Decode UTF-8 text, refusing binary data; drop a BOM and normalize line endings to ``\\n``."""
    if b"\x00" in raw[:BINARY_PROBE_BYTES]:
        raise PipelineError(E_BINARY, where, "looks like a binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PipelineError(
            E_ENCODING, where, f"not valid UTF-8 at byte offset {error.start}"
        ) from None
    return normalize_newlines(text.removeprefix("\ufeff"))


_SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


def normalize_newlines(text: str) -> str:
    """Make ``\\r\\n`` and ``\\r`` into ``\\n`` so that offsets do not depend on the platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def meta_path(path: Path) -> Path:
    """The sibling metadata file of an article: ``a.txt`` -> ``a.meta.json``."""
    return path.with_name(path.stem + META_SUFFIX)


def read_meta(path: Path) -> dict[str, Any]:
    """Validated id, title, source and published from a meta file; empty if there is none."""
    where = str(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PipelineError(E_META, where, f"cannot read metadata ({error})") from None
    if not isinstance(obj, dict):
        raise PipelineError(E_META, where, "metadata must be a JSON object")
    problem = metadata_problem(obj, id_required=False, names_files=True)
    if problem:
        raise PipelineError(E_META, where, problem)
    return {**text_fields(obj), "published": parse_published(obj.get("published"))}


def article_from_json(obj: dict, where: str) -> Article:
    """One JSONL document ``{"id", "text", "published"?, "title"?, "source"?}`` as an Article."""
    if not isinstance(obj, dict):
        raise PipelineError(E_INPUT_JSON, where, "each line must be a JSON object")
    problem = metadata_problem(obj, id_required=True)
    if not problem and not isinstance(obj.get("text"), str):
        problem = '"text" must be a string'
    if problem:
        raise PipelineError(E_INPUT_JSON, where, problem)
    fields = text_fields(obj)
    return Article(
        id=fields["id"],
        text=obj["text"],  # as given: the caller's offsets must index the caller's text
        title=fields.get("title", ""),
        source=fields.get("source", ""),
        published=parse_published(obj.get("published")),
        path=where,
    )


def metadata_problem(obj: dict, *, id_required: bool, names_files: bool = False) -> str:
    """What is wrong with the id/title/source/published keys of ``obj``, or "" if nothing."""
    if id_required and "id" not in obj:
        return 'missing "id"'
    if "id" in obj and not (isinstance(obj["id"], str) and obj["id"].strip()):
        return '"id" must be a non-empty string'
    if names_files and "id" in obj and not _SAFE_ID.fullmatch(obj["id"]):
        return f'"id" {obj["id"]!r} must be letters, digits, ".", "_" or "-", not starting with "." (it names output files)'
    for key in ("title", "source"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f'"{key}" must be a string'
    published = obj.get("published")
    if published is not None and not is_iso_date(published):
        return f'"published" must be a date YYYY-MM-DD or null, not {published!r}'
    return ""


def is_iso_date(value: object) -> bool:
    """True for a real calendar date written exactly as YYYY-MM-DD."""
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_published(value: str | None) -> date | None:
    """The publication date of an already validated ``published`` value."""
    return date.fromisoformat(value) if value is not None else None


def text_fields(obj: dict) -> dict[str, str]:
    """The present, non-null string keys among id, title and source."""
    return {key: obj[key] for key in ("id", "title", "source") if obj.get(key) is not None}


def discover(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their article files; keep other paths as given so reading reports them."""
    found: list[Path] = []
    for path in paths:
        found.extend(folder_articles(path) if path.is_dir() else [path])
    return found


def folder_articles(folder: Path) -> list[Path]:
    """The ``.txt``/``.md`` files under ``folder``, recursively and sorted, skipping hidden ones."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def iter_articles(
    paths: Iterable[Path], **meta_options: Unpack[MetaOptions]
) -> Iterator[Article | PipelineError]:
    """Read every discovered article, yielding errors in place so one bad file stops nothing."""
    for path in discover(paths):
        try:
            yield read_article(path, **meta_options)
        except PipelineError as error:
            yield error
