"""Markdown articles: metadata from YAML front matter, and the text without its markup."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import yaml

from pipeline.errors import E_FRONT_MATTER, PipelineError
from pipeline.ingest.discover import file_safe_id
from pipeline.ingest.jsonl import DEFAULT_FIELDS, mapped_fields

FRONT_MATTER_FIELDS = replace(DEFAULT_FIELDS, id=("id",))
"""Front matter names its id explicitly; a URL there is the page's, the file name is a better id."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MARKDOWN_MARKUP = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"), ""),  # images
    (re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)"), r"\1"),  # links keep their words, lose the URL
    (re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE), ""),  # reference link targets
    (re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE), ""),  # heading marks
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
)


def split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (between ``---`` lines at the very start, such as ``date: 2024-03-05``) and
    the Markdown body: static-site and note-taking tools keep an article's metadata there."""
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
    removed, so that URLs and markup never look like figures
    (``[the 2024 report](https://x.org/2024/5)`` -> ``the 2024 report``)."""
    for pattern, replacement in _MARKDOWN_MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return markdown
