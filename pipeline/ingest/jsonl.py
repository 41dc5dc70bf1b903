"""JSON documents as articles: a JSONL dump read line by line, or one document given to ``extract``."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pipeline.errors import (E_BINARY, E_EMPTY, E_ENCODING, E_INPUT_JSON, E_TOO_LARGE, PipelineError,
                             internal_error)
from pipeline.ingest.cleanup import cleaned
from pipeline.ingest.decode import BINARY_PROBE_BYTES, reading
from pipeline.ingest.discover import file_safe_id, shown_path
from pipeline.ingest.metadata import METADATA_KEYS, Layer, build_article
from pipeline.ingest.published import ORIGIN_JSONL, parse_date_value
from pipeline.records import Article


@dataclass(frozen=True)
class JsonFields:
    """The keys of a JSONL article, each tried in order; the first present, non-null one wins."""

    text: tuple[str, ...] = ("text", "body", "content")
    published: tuple[str, ...] = ("published", "date", "pubDate", "publishedAt", "datePublished")
    title: tuple[str, ...] = ("title", "headline")
    id: tuple[str, ...] = ("id", "url")
    source: tuple[str, ...] = ("source", "site", "publisher")
    author: tuple[str, ...] = ("author", "byline")
    url: tuple[str, ...] = ("url", "link")


DEFAULT_FIELDS = JsonFields()


def article_from_json(
    obj: object, where: str, fields: JsonFields = DEFAULT_FIELDS, default_id: str | None = None,
    layers: Iterable[Layer] = (),
) -> Article:
    """One JSON document as an Article: ``{"id": "d1", "text": "Prices rose 5%.", "pubDate": "Tue, 09 Apr
    2024 08:00:00 GMT"}``, its keys looked up by ``fields``.

    Without ``default_id`` (``extract``) an id is required, since results are answered by id, and
    the text is kept exactly as given, so that offsets index the caller's own text. With it (a dump
    read by ``run``) the text is cleaned like a file's, and ids are made safe to name files."""
    if not isinstance(obj, dict):
        raise PipelineError(E_INPUT_JSON, where, "each line must be a JSON object")
    obj = {key: without_lone_surrogates(value) for key, value in obj.items()}
    try:
        values = mapped_fields(obj, fields)
        text = pick(obj, fields.text)
        if text is None:
            raise ValueError(f"missing the article text (tried {', '.join(fields.text)})")
        if not isinstance(text, str):
            raise ValueError(f'"{next(name for name in fields.text if obj.get(name) is not None)}" must be a string')
        if default_id is None and not values.get("id"):
            raise ValueError(f"missing \"id\" (tried {', '.join(fields.id)})")
    except ValueError as error:
        raise PipelineError(E_INPUT_JSON, where, str(error)) from None
    layers = [*layers, Layer(ORIGIN_JSONL, values)]
    if default_id is None:
        return build_article(text, where, "", layers)
    values["id"] = file_safe_id(values["id"]) if values.get("id") else default_id
    return build_article(cleaned(text, where), where, default_id, layers)


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair: JSON can spell one alone (``"\\ud800"``), no UTF-8 text can hold it."""


def without_lone_surrogates(value: Any) -> Any:
    """A JSON string with each lone surrogate (``"bad \\ud800 5 percent"``, written by a tool that cut
    a UTF-16 pair in two) replaced by U+FFFD, one character for one so that offsets still index
    the caller's text; a pair decodes to one character and is kept. Other values as they are."""
    return LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def mapped_fields(obj: dict, fields: JsonFields) -> dict[str, Any]:
    """id, title, source, author, url and published of a JSON object or front matter, so that both
    read their keys alike; ValueError names a key whose value has the wrong type
    (``"headline" must be a string``)."""
    values: dict[str, Any] = {}
    for key in METADATA_KEYS:
        names = getattr(fields, key)
        value = pick(obj, names)
        if value is None:
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (key == "id" and not value.strip()):
            name = next(name for name in names if obj.get(name) is not None)
            raise ValueError(f'"{name}" must be a {"non-empty " if key == "id" else ""}string')
        values[key] = value.strip()
    raw_date = pick(obj, fields.published)
    if raw_date is not None:
        values["published"] = parse_date_value(raw_date)
        if values["published"] is None:
            name = next(name for name in fields.published if obj.get(name) is not None)
            raise ValueError(f'"{name}" must be a date (YYYY-MM-DD, ISO 8601 or RFC 2822), not {raw_date!r}')
    return values


def pick(obj: dict, names: tuple[str, ...]) -> Any:
    """The value of the first of ``names`` present in ``obj`` and not null."""
    return next((obj[name] for name in names if obj.get(name) is not None), None)


def read_jsonl(path: Path, cli: Layer, max_bytes: int, fields: JsonFields,
               default_id: str) -> Iterator[Article | PipelineError]:
    """One Article or error per non-blank line, read as a stream: a dump may be far larger than
    one article, so ``max_bytes`` bounds each line, not the file. A problem with a line is
    yielded; a problem with the whole file (binary, empty, broken gzip) is raised."""
    where = shown_path(path)
    found = 0
    with reading(path) as handle:
        if looks_binary(handle.peek(BINARY_PROBE_BYTES)[:BINARY_PROBE_BYTES]):  # type: ignore[attr-defined]
            raise PipelineError(E_BINARY, where, "looks like a binary file (NUL bytes), not JSON lines")
        for lineno, line in enumerate(bounded_lines(handle, max_bytes), start=1):
            line_where = f"{where}:{lineno}"
            if line is not None and not line.strip():
                continue
            found += 1
            try:
                if line is None:
                    raise PipelineError(E_TOO_LARGE, line_where, f"line longer than the limit of {max_bytes} bytes")
                yield article_from_json(parse_json_line(line, line_where), line_where, fields,
                                        default_id=f"{default_id}-{lineno}", layers=[cli])
            except PipelineError as error:
                yield error
            except Exception as unexpected:  # only this line fails
                yield internal_error(line_where, unexpected)
    if not found:
        raise PipelineError(E_EMPTY, where, "the file holds no JSON lines")


def looks_binary(start: bytes) -> bool:
    """Whether the first bytes of a dump are those of a binary file: NUL bytes, and no line that
    opens a JSON object without one. A dump with one bad line holding a NUL is judged line by
    line, so only that line fails (E007)."""
    return b"\x00" in start and not any(line.lstrip().startswith(b"{") and b"\x00" not in line
                                       for line in start.splitlines())


def bounded_lines(handle: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a byte stream, ``None`` in place of a line longer than ``max_bytes``."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = handle.readline(max_bytes + 1)
            yield None
        else:
            yield line


def parse_json_line(line: bytes, where: str) -> object:
    """The JSON value of one line of a dump; a line that is not UTF-8 or not JSON
    (``{"id": "a", "text": `` cut short) becomes a coded error naming the file and line."""
    try:
        return json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PipelineError(E_ENCODING, where, f"not valid UTF-8 at byte offset {error.start} of the line") from None
    except json.JSONDecodeError as error:
        raise PipelineError(E_INPUT_JSON, where, f"invalid JSON: {error.msg}") from None
    except RecursionError:
        raise PipelineError(E_INPUT_JSON, where, "JSON nested too deeply") from None
