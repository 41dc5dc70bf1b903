"""Reading articles from the wild: each input file as Article records, or a coded error naming it."""
from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypedDict, Unpack

from pipeline.errors import E_DUPLICATE_TEXT, E_INPUT_JSON, E_SYMLINK, PipelineError, internal_error
from pipeline.ingest.cleanup import cleaned
from pipeline.ingest.decode import DEFAULT_MAX_BYTES, Warn, decode_text, declared_charset, log_warning, read_bounded
from pipeline.ingest.discover import (HTML_SUFFIXES, MARKDOWN_SUFFIXES, base_stem, base_suffix, discover_with_ids,
                                      is_jsonl, is_skipped_link, shown_path)
from pipeline.ingest.html import read_page
from pipeline.ingest.jsonl import DEFAULT_FIELDS, JsonFields, read_jsonl
from pipeline.ingest.markdown import markdown_text, split_front_matter
from pipeline.ingest.metadata import Layer, article_metadata, build_article
from pipeline.ingest.published import ORIGIN_CLI, ORIGIN_FRONT_MATTER, ORIGIN_META, ORIGIN_NONE
from pipeline.records import Article


class MetaOptions(TypedDict, total=False):
    """Keyword options of ``read_articles`` that ``iter_articles`` passes through."""

    published: date | None
    title: str | None
    source: str | None
    max_bytes: int
    fields: JsonFields
    warn: Warn


def read_article(path: Path, **options: Unpack[MetaOptions]) -> Article:
    """Read a file holding one article (text, Markdown or HTML, maybe gzipped), as tests and
    single files do: ``read_article(Path("articles/port.md"))``. A JSONL dump is refused: it
    holds many articles."""
    if is_jsonl(path):
        raise PipelineError(E_INPUT_JSON, shown_path(path), "a JSONL file holds many articles; read it with read_articles")
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
    warn: Warn = log_warning,
) -> Iterator[Article | PipelineError]:
    """The articles of one file; a JSONL dump yields one item per line, good or bad.

    The suffix tells the format, ``.gz`` of any of them too: ``.md``/``.markdown`` is Markdown with
    optional front matter, ``.html``/``.htm`` a saved web page reduced to its article,
    ``.jsonl``/``.ndjson`` one JSON article per line (keys named by ``fields``), any other suffix
    plain text. Every text goes through pipeline.ingest.cleanup, so that offsets index the text
    the pipeline reports. ``default_id`` (the file name without its suffix unless given) names an
    article whose metadata gives no id; the lines of a dump add their line number to it
    (``feed.jsonl`` line 5 -> ``feed-5``). A file read in spite of a problem (stray bytes in
    UTF-8, a guessed encoding) is told to ``warn``."""
    cli = Layer(ORIGIN_CLI, {"title": title, "source": source, "published": published})
    where = shown_path(path)
    default_id = default_id or base_stem(path)
    if is_jsonl(path):
        yield from read_jsonl(path, cli, max_bytes, fields, default_id)
        return
    raw = read_bounded(path, max_bytes)
    kind = base_suffix(path)
    if kind in HTML_SUFFIXES:
        page = read_page(decode_text(raw, where, declared_charset(raw), warn), where)
        found = Layer(page.published_origin, {"title": page.title, "source": page.site, "author": page.author,
                                              "url": page.url, "published": page.published})
        text = page.text
    elif kind in MARKDOWN_SUFFIXES:
        front, text = split_front_matter(decode_text(raw, where, warn=warn), where)
        found = Layer(ORIGIN_FRONT_MATTER, front)
        text = markdown_text(text)
    else:
        found, text = Layer(ORIGIN_NONE, {}), decode_text(raw, where, warn=warn)
    sidecar = Layer(ORIGIN_META, article_metadata(path))
    yield build_article(cleaned(text, where), where, default_id, [cli, sidecar, found])


def iter_articles(
    paths: Iterable[Path], include: Iterable[str] = (), exclude: Iterable[str] = (),
    follow_symlinks: bool = False, **meta_options: Unpack[MetaOptions],
) -> Iterator[Article | PipelineError]:
    """Read every discovered article, yielding errors in place so one bad file stops nothing:
    ``iter_articles([Path("news")])`` gives each article of the folder, and for a file (or a line
    of a dump) that cannot be read a coded error naming it, which a batch reports before going on.
    An article whose text repeats an earlier one is reported as its duplicate, not yielded. A
    symbolic link found in a folder is named and not read (E047) unless ``follow_symlinks``; a
    path given by name is always read."""
    first_with_text: dict[str, tuple[str, str]] = {}  # path and id, not the text: memory stays small
    paths = list(paths)
    for path, default_id in discover_with_ids(paths, include, exclude):
        if path not in paths and is_skipped_link(path, follow_symlinks):
            yield PipelineError(E_SYMLINK, shown_path(path), _skipped_link(path))
            continue
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
        except Exception as unexpected:  # a bug met in this file must not stop the others
            yield internal_error(shown_path(path), unexpected)


def _skipped_link(path: Path) -> str:
    """Why a link is not read, by what it leads to: a file or nothing yet ("--follow-symlinks reads
    it"), a folder, or back to itself through other links ("a.txt" -> "b.txt" -> "a.txt"), which no
    option reads."""
    try:
        target = shown_path(Path(os.readlink(path)))
    except OSError:
        target = "?"
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return f"a symbolic link in a loop of links {target!r}, which leads to no file; not read"
    what = "folder" if path.is_dir() else "file" if path.exists() else "nothing (dangling)"
    advice = "links to folders are never followed" if path.is_dir() else "--follow-symlinks reads it"
    return f"a symbolic link to {what} {target!r}, not followed; {advice}"


def text_hash(text: str) -> str:
    """Identity of an article's text regardless of spacing and case, so that one story saved twice
    ("Prices rose 5%." and "PRICES  ROSE 5%.") is read once."""
    return hashlib.sha1(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()
