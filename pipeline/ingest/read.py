"""Reading articles from the wild: text, Markdown, saved web pages and JSONL dumps, gzipped or not.

Formats (by suffix, ``.gz`` of any of them too):
- ``.txt`` (and any other suffix given explicitly): plain text;
- ``.md``/``.markdown``: Markdown, with optional YAML front matter;
- ``.html``/``.htm``: a saved web page, reduced to the article (pipeline.ingest.html);
- ``.jsonl``/``.ndjson``: one article per line, field names configurable (JsonFields).

Metadata precedence: command-line options > ``<name>.meta.json`` sidecar > front matter or what
the page or JSONL line says. ``Article.published_origin`` names where the date came from.
Every text goes through pipeline.ingest.cleanup, so offsets index the text the pipeline reports.
Every problem with an input becomes a coded ``PipelineError`` naming the file (and line), so
that a batch can report it and go on with the other articles.
"""
from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import IO, Any, TypedDict, Unpack

import yaml
from charset_normalizer import from_bytes

from pipeline.ingest.cleanup import clean_text, normalize_newlines
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
    E_TOO_LARGE,
    PipelineError,
)
from pipeline.ingest.html import read_page
from pipeline.ingest.published import (
    ORIGIN_CLI,
    ORIGIN_FRONT_MATTER,
    ORIGIN_JSONL,
    ORIGIN_META,
    ORIGIN_NONE,
    parse_date_value,
)
from pipeline.records import Article

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SINGLE_ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
ARTICLE_SUFFIXES = SINGLE_ARTICLE_SUFFIXES + JSONL_SUFFIXES
GZIP_SUFFIX = ".gz"
META_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
BINARY_PROBE_BYTES = 8 * 1024
METADATA_KEYS = ("id", "title", "source", "author", "url")
"""The string metadata of an Article; ``published`` is a date and is handled apart."""

_SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MARKDOWN_MARKUP = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links keep their words, lose the URL
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE), ""),  # reference link targets
    (re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE), ""),  # heading marks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
)
_LATIN_CODEPAGES = {
    "cp1250", "cp1252", "cp1257", "cp775", "cp850", "cp852", "cp858", "cp437", "mac_latin2",
    "mac_roman", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_13", "iso8859_15",
}


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
FRONT_MATTER_FIELDS = replace(DEFAULT_FIELDS, id=("id",))
"""Front matter names its id explicitly; a URL there is the page's, the file name is a better id."""


class MetaOptions(TypedDict, total=False):
    """Keyword options of ``read_articles`` that ``iter_articles`` passes through."""

    published: date | None
    title: str | None
    source: str | None
    max_bytes: int
    fields: JsonFields


@dataclass(frozen=True)
class Layer:
    """Metadata from one place (command line, sidecar, front matter, page, JSONL line)."""

    origin: str
    values: dict[str, Any]


# --- reading files ------------------------------------------------------------------------------


def read_article(path: Path, **options: Unpack[MetaOptions]) -> Article:
    """Read a file holding one article (text, Markdown or HTML, maybe gzipped)."""
    if is_jsonl(path):
        raise PipelineError(E_INPUT_JSON, str(path), "a JSONL file holds many articles; read it with read_articles")
    return next(read_articles(path, **options))  # type: ignore[arg-type]


def read_articles(
    path: Path,
    *,
    published: date | None = None,
    title: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: JsonFields = DEFAULT_FIELDS,
    default_id: str | None = None,
) -> Iterator[Article | PipelineError]:
    """The articles of one file; a JSONL dump yields one item per line, good or bad.
    ``default_id`` (the file name without its suffix unless given) names an article whose
    metadata gives no id; the lines of a dump add their line number to it."""
    cli = Layer(ORIGIN_CLI, {"title": title, "source": source, "published": published})
    where = str(path)
    default_id = default_id or base_stem(path)
    if is_jsonl(path):
        yield from read_jsonl(path, cli, max_bytes, fields, default_id)
        return
    raw = read_bounded(path, max_bytes)
    kind = base_suffix(path)
    if kind in HTML_SUFFIXES:
        page = read_page(decode_text(raw, where, declared_charset(raw)), where)
        found = Layer(page.published_origin, {"title": page.title, "source": page.site, "author": page.author,
                                              "url": page.url, "published": page.published})
        text = page.text
    elif kind in MARKDOWN_SUFFIXES:
        front, text = split_front_matter(decode_text(raw, where), where)
        found = Layer(ORIGIN_FRONT_MATTER, front)
        text = markdown_text(text)
    else:
        found, text = Layer(ORIGIN_NONE, {}), decode_text(raw, where)
    sidecar = Layer(ORIGIN_META, read_meta(meta_path(path)))
    yield build_article(cleaned(text, where), where, default_id, [cli, sidecar, found])


def cleaned(text: str, where: str) -> str:
    """The text after pipeline.ingest.cleanup; an error if nothing is left."""
    text = clean_text(text)
    if not text.strip():
        raise PipelineError(E_EMPTY, where, "the file is empty or holds only whitespace")
    return text


def build_article(text: str, where: str, default_id: str, layers: list[Layer]) -> Article:
    """An Article from its text and metadata layers, highest precedence first."""
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


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (after decompression) so that a huge file is refused unread."""
    with reading(path) as handle:
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise PipelineError(E_TOO_LARGE, str(path), f"larger than the limit of {max_bytes} bytes"
                            + (" once decompressed" if is_gzip(path) else ""))
    return raw


@contextmanager
def reading(path: Path) -> Iterator[IO[bytes]]:
    """The file's bytes, decompressed on the fly for ``.gz``; reading errors become coded ones."""
    where = str(path)
    try:
        with gzip.open(path, "rb") if is_gzip(path) else path.open("rb") as handle:
            yield handle
    except FileNotFoundError:
        raise PipelineError(E_MISSING, where, "no such file") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise PipelineError(E_COMPRESSED, where, f"not a readable gzip file ({error or 'truncated'})") from None
    except OSError as error:
        raise PipelineError(E_MISSING, where, f"cannot be read ({error.strerror or error})") from None


# --- decoding and metadata ----------------------------------------------------------------------


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(raw: bytes, where: str, declared: str | None = None) -> str:
    """Text from bytes: a BOM's encoding, else UTF-8, else the page's declared charset, else a
    confident guess. Binary data and text whose encoding cannot be told are refused."""
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
    for encoding in filter(None, (declared, guess_encoding(raw))):
        try:
            return normalize_newlines(raw.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    raise PipelineError(E_ENCODING, where, f"not valid UTF-8 at byte offset {offset}, and its encoding cannot "
                                           "be told reliably; convert it to UTF-8")


def guess_encoding(raw: bytes) -> str | None:
    """charset-normalizer's guess when it recognizes a language in the result, else None.

    It often ranks Central European code pages first for Western text; when it guesses any Latin
    code page and the bytes are valid windows-1252 (the usual legacy encoding of Western news
    sites), windows-1252 is used.
    """
    best = from_bytes(raw).best()
    if best is None or best.coherence <= 0:
        return None
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name in _LATIN_CODEPAGES:
        try:
            raw.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return best.encoding


def declared_charset(raw: bytes) -> str | None:
    """The charset a web page declares in a ``<meta>`` tag near its start."""
    match = _DECLARED_CHARSET.search(raw[:BINARY_PROBE_BYTES])
    return match.group(1).decode("ascii") if match else None


def meta_path(path: Path) -> Path:
    """The sibling metadata file of an article: ``a.txt`` or ``a.html.gz`` -> ``a.meta.json``."""
    return path.with_name(base_stem(path) + META_SUFFIX)


def read_meta(path: Path) -> dict[str, Any]:
    """Validated id, title, source, author, url and published from a meta file; empty if none."""
    where = str(path)
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


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (between ``---`` lines at the very start) and the Markdown body."""
    match = _FRONT_MATTER.match(text.removeprefix("\ufeff"))
    if not match:
        return {}, text
    try:
        obj = yaml.safe_load(match.group(1) or "") or {}
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:  # ValueError: "2024-02-30"
        reason = " ".join(str(getattr(error, "problem", None) or error or type(error).__name__).split())
        raise PipelineError(E_FRONT_MATTER, where, f"front matter is not valid YAML ({reason})") from None
    if not isinstance(obj, dict):
        raise PipelineError(E_FRONT_MATTER, where, "front matter must be a mapping of keys to values")
    try:
        values = mapped_fields(obj, FRONT_MATTER_FIELDS)
    except ValueError as error:
        raise PipelineError(E_FRONT_MATTER, where, str(error)) from None
    if values.get("id"):
        values["id"] = file_safe_id(values["id"])
    return values, text[match.end():].lstrip("\n")


def markdown_text(markdown: str) -> str:
    """Markdown as the words a reader sees: link targets, images, heading marks and bold marks
    removed, so that URLs and markup never look like figures."""
    for pattern, replacement in _MARKDOWN_MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return markdown


# --- JSON documents -----------------------------------------------------------------------------


def article_from_json(
    obj: object, where: str, fields: JsonFields = DEFAULT_FIELDS, default_id: str | None = None,
    layers: Iterable[Layer] = (),
) -> Article:
    """One JSON document as an Article.

    Without ``default_id`` (``extract``) an id is required, since results are answered by id, and
    the text is kept exactly as given, so that offsets index the caller's own text. With it (a dump
    read by ``run``) the text is cleaned like a file's, and ids are made safe to name files."""
    if not isinstance(obj, dict):
        raise PipelineError(E_INPUT_JSON, where, "each line must be a JSON object")
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


def mapped_fields(obj: dict, fields: JsonFields) -> dict[str, Any]:
    """id, title, source, author, url and published of a JSON object or front matter; ValueError
    names a key whose value has the wrong type."""
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


def file_safe_id(value: str) -> str:
    """An id usable as a file name: kept if already safe, else a slug plus a short hash so that
    two URLs with the same slug stay distinct."""
    if _SAFE_ID.fullmatch(value) and len(value) <= 100:
        return value
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", re.sub(r"^[a-z]+://(www\.)?", "", value)).strip("-.")[:80]
    digest = hashlib.sha1(value.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


def read_jsonl(path: Path, cli: Layer, max_bytes: int, fields: JsonFields,
               default_id: str) -> Iterator[Article | PipelineError]:
    """One Article or error per non-blank line, read as a stream: a dump may be far larger than
    one article, so ``max_bytes`` bounds each line, not the file. A problem with a line is
    yielded; a problem with the whole file (binary, empty, broken gzip) is raised."""
    where = str(path)
    found = 0
    with reading(path) as handle:
        if b"\x00" in handle.peek(BINARY_PROBE_BYTES)[:BINARY_PROBE_BYTES]:  # type: ignore[attr-defined]
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
    if not found:
        raise PipelineError(E_EMPTY, where, "the file holds no JSON lines")


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
    try:
        return json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PipelineError(E_ENCODING, where, f"not valid UTF-8 at byte offset {error.start} of the line") from None
    except json.JSONDecodeError as error:
        raise PipelineError(E_INPUT_JSON, where, f"invalid JSON: {error.msg}") from None
    except RecursionError:
        raise PipelineError(E_INPUT_JSON, where, "JSON nested too deeply") from None


def metadata_problem(obj: dict) -> str:
    """What is wrong with the metadata keys of a meta file, or "" if nothing."""
    if "id" in obj and not (isinstance(obj["id"], str) and obj["id"].strip()):
        return '"id" must be a non-empty string'
    if "id" in obj and not _SAFE_ID.fullmatch(obj["id"]):
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


# --- finding files ------------------------------------------------------------------------------


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == GZIP_SUFFIX


def base_name(path: Path) -> str:
    """The file name without a trailing ``.gz``."""
    return path.name[: -len(GZIP_SUFFIX)] if is_gzip(path) else path.name


def base_suffix(path: Path) -> str:
    """The format suffix, lower-cased: ``a.HTML.gz`` -> ``.html``."""
    return Path(base_name(path)).suffix.lower()


def base_stem(path: Path) -> str:
    """The default article id: ``a.txt`` and ``a.txt.gz`` -> ``a``."""
    return Path(base_name(path)).stem


def is_jsonl(path: Path) -> bool:
    return base_suffix(path) in JSONL_SUFFIXES


def discover(paths: Iterable[Path], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> list[Path]:
    """Expand folders to their article files; keep other paths as given so reading reports them."""
    return [path for path, _ in discover_with_ids(paths, include, exclude)]


def discover_with_ids(paths: Iterable[Path], include: Iterable[str] = (),
                      exclude: Iterable[str] = ()) -> Iterator[tuple[Path, str]]:
    """Each article file with its default id. A file in a subfolder of a folder given takes the
    subfolders into its id ("2024/05/index.html" -> "2024-05-index"), so the many ``index.html``
    of a saved site stay apart; a file directly in the folder, or given by name, keeps its name."""
    include, exclude = tuple(include), tuple(exclude)
    for path in paths:
        if not path.is_dir():
            yield path, base_stem(path)
            continue
        for found in folder_articles(path, include, exclude):
            relative = found.relative_to(path)
            yield found, file_safe_id("-".join(relative.parent.parts + (base_stem(relative),)))


def folder_articles(folder: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[Path]:
    """The files under ``folder``, recursively and sorted, skipping hidden ones and meta files:
    those matching an ``include`` glob (default: every supported format) and no ``exclude`` glob.
    A glob matches the path relative to ``folder`` or the file name."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith(META_SUFFIX):
            continue
        wanted = matches(relative, include) if include else base_suffix(path) in ARTICLE_SUFFIXES
        if wanted and not matches(relative, exclude) and path.is_file():
            found.append(path)
    return sorted(found)


def matches(relative: Path, globs: tuple[str, ...]) -> bool:
    return any(fnmatch(relative.as_posix(), glob) or fnmatch(relative.name, glob) for glob in globs)


def iter_articles(
    paths: Iterable[Path], include: Iterable[str] = (), exclude: Iterable[str] = (),
    **meta_options: Unpack[MetaOptions],
) -> Iterator[Article | PipelineError]:
    """Read every discovered article, yielding errors in place so one bad file stops nothing.
    An article whose text repeats an earlier one is reported as its duplicate, not yielded."""
    first_with_text: dict[str, tuple[str, str]] = {}  # path and id, not the text: memory stays small
    for path, default_id in discover_with_ids(paths, include, exclude):
        try:
            for item in read_articles(path, default_id=default_id, **meta_options):
                if isinstance(item, Article):
                    first_path, first_id = first_with_text.setdefault(text_hash(item.text), (item.path, item.id))
                    if (first_path, first_id) != (item.path, item.id):
                        item = PipelineError(E_DUPLICATE_TEXT, item.path,
                                             f"same text as {first_path} (article {first_id!r}); skipped")
                yield item
        except PipelineError as error:
            yield error


def text_hash(text: str) -> str:
    """Identity of an article's text regardless of spacing and case."""
    return hashlib.sha1(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()
