"""Article metadata: ``<name>.meta.json`` sidecars, and metadata from several places merged by precedence."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import E_META, PipelineError
from pipeline.ingest.discover import META_SUFFIX, base_stem, is_file_safe, shown_path
from pipeline.ingest.published import ORIGIN_NONE, parse_date_value
from pipeline.records import Article

METADATA_KEYS = ("id", "title", "source", "author", "url")
"""The string metadata of an Article; ``published`` is a date and is handled apart."""


@dataclass(frozen=True)
class Layer:
    """Metadata from one place (command line, sidecar, front matter, page, JSONL line)."""

    origin: str
    values: dict[str, Any]


def build_article(text: str, where: str, default_id: str, layers: list[Layer]) -> Article:
    """An Article from its text and metadata layers, highest precedence first: command-line
    options, then the sidecar, then what the front matter, page or JSONL line says. Each key comes
    from the first layer that has it, so a sidecar's ``"published": "2024-03-04"`` beats the date
    a page declares; ``published_origin`` names the layer the date came from."""
    values = {key: next((layer.values[key] for layer in layers if layer.values.get(key)), "")
              for key in METADATA_KEYS}
    dated = next((layer for layer in layers if layer.values.get("published") is not None), None)
    return Article(
        id=values["id"] or default_id,
        text=text,
        title=values["title"],
        source=values["source"],
        published=dated.values["published"] if dated else None,
        path=where,
        author=values["author"],
        url=values["url"],
        published_origin=dated.origin if dated else ORIGIN_NONE,
    )


def article_metadata(path: Path) -> dict[str, Any]:
    """The metadata the sidecar of an article file gives (``a.html.gz`` -> what ``a.meta.json``
    says), validated; empty if it has none. A sidecar is how a user dates or names an article
    whose own file cannot say so."""
    return read_meta(meta_path(path))


def folder_metadata(folder: Path) -> Iterator[tuple[str, dict[str, Any]] | PipelineError]:
    """The sidecar metadata of each article of ``folder`` with its article id (the sidecar's
    ``id``, else its name: ``a.meta.json`` -> ``a``), for what needs an article's title, URL or
    date without its text, such as where a ClaimReview says a claim appeared. A sidecar that
    cannot be read is yielded as its error, in its place, so that one bad file stops nothing."""
    for path in sorted(folder.glob(f"*{META_SUFFIX}")):
        try:
            meta = read_meta(path)
        except PipelineError as error:
            yield error
            continue
        yield meta.get("id") or path.name.removesuffix(META_SUFFIX), meta


def meta_path(path: Path) -> Path:
    """The sibling metadata file of an article: ``a.txt`` or ``a.html.gz`` -> ``a.meta.json``."""
    return path.with_name(base_stem(path) + META_SUFFIX)


def read_meta(path: Path) -> dict[str, Any]:
    """Validated id, title, source, author, url and published from a meta file; empty if none."""
    where = shown_path(path)
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise PipelineError(E_META, where, f"cannot read metadata ({error})") from None
    if not isinstance(obj, dict):
        raise PipelineError(E_META, where, "metadata must be a JSON object")
    problem = metadata_problem(obj)
    if problem:
        raise PipelineError(E_META, where, problem)
    return {**text_fields(obj), "published": parse_date_value(obj.get("published"))}


def metadata_problem(obj: dict) -> str:
    """What is wrong with the metadata keys of a meta file, or "" if nothing."""
    if "id" in obj and not (isinstance(obj["id"], str) and obj["id"].strip()):
        return '"id" must be a non-empty string'
    if "id" in obj and not is_file_safe(obj["id"]):
        return f'"id" {obj["id"]!r} must be letters, digits, ".", "_" or "-", not starting with "." (it names output files)'
    for key in METADATA_KEYS[1:]:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f'"{key}" must be a string'
    published = obj.get("published")
    if published is not None and parse_date_value(published) is None:
        return f'"published" must be a date (YYYY-MM-DD, ISO 8601 or RFC 2822) or null, not {published!r}'
    return ""


def text_fields(obj: dict) -> dict[str, str]:
    """The present, non-null string keys among the metadata keys."""
    return {key: obj[key] for key in METADATA_KEYS if obj.get(key) is not None}
