"""Which input files are articles, what format their names say, and the article ids they give."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SINGLE_ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES
ARTICLE_SUFFIXES = SINGLE_ARTICLE_SUFFIXES + JSONL_SUFFIXES
GZIP_SUFFIX = ".gz"
META_SUFFIX = ".meta.json"
"""Names a sidecar holding an article file's metadata (``a.meta.json`` for ``a.html.gz``): never an article."""

_SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


def is_gzip(path: Path) -> bool:
    """Whether the file is read through gzip: ``a.txt.gz`` and ``dump.JSONL.GZ`` are."""
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
    """Whether the file is a dump of many articles, one per line (``feed.jsonl``, ``feed.ndjson.gz``),
    which is read as a stream and yields an article or an error per line."""
    return base_suffix(path) in JSONL_SUFFIXES


def shown_path(path: Path) -> str:
    """The path as reports and outputs name it: a file name that is not UTF-8 (``b"\\xe9t\\xe9.txt"``,
    from an old Latin-1 archive) shows its odd bytes escaped (``\\xe9t\\xe9.txt``), so that it can
    be written to UTF-8 files and still be told apart."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_file_safe(value: str) -> bool:
    """Whether an id can name output files as it is: letters, digits, ".", "_" or "-", not starting
    with "." (``"ledger-42"`` can, ``"../a"`` and ``".hidden"`` cannot)."""
    return bool(_SAFE_ID.fullmatch(value))


def file_safe_id(value: str) -> str:
    """An id usable as a file name: kept if already safe, else a slug plus a short hash so that
    two URLs with the same slug stay distinct."""
    if is_file_safe(value) and len(value) <= 100:
        return value
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", re.sub(r"^[a-z]+://(www\.)?", "", value)).strip("-.")[:80]
    digest = hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


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
    A glob matches the path relative to ``folder`` or the file name. Symbolic links are listed
    too, whole or dangling, and links to folders whatever their name (never entered), for the
    reader to name them (``is_skipped_link``)."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or path.name.endswith(META_SUFFIX):
            continue
        link = path.is_symlink()
        wanted = matches(relative, include) if include else base_suffix(path) in ARTICLE_SUFFIXES
        if (wanted and not matches(relative, exclude) and (link or path.is_file())) or (link and path.is_dir()):
            found.append(path)
    return sorted(found)


def is_skipped_link(path: Path, follow_symlinks: bool) -> bool:
    """Whether a file found in a folder is a symbolic link the run does not read: any link by
    default (it may point outside the folder given, or nowhere), a link to a folder always."""
    return path.is_symlink() and (not follow_symlinks or path.is_dir())


def matches(relative: Path, globs: tuple[str, ...]) -> bool:
    """Whether any glob matches the relative path or the file name: ``drafts/*`` matches
    ``drafts/a.md``, ``*.md`` matches ``2024/05/a.md``."""
    return any(fnmatch(relative.as_posix(), glob) or fnmatch(relative.name, glob) for glob in globs)
