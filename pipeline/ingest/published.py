"""Publication dates as found in metadata, and the names of where a date came from.

``published_origin`` tells a fact-checker how far to trust the anchor of every relative date:
a date typed on the command line or in a meta file beats one guessed from a web page.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

ORIGIN_CLI = "cli"
ORIGIN_META = "meta"
ORIGIN_FRONT_MATTER = "front_matter"
ORIGIN_JSONL = "jsonl"
ORIGIN_JSONLD = "html:jsonld"
ORIGIN_OG = "html:og"
ORIGIN_TIME = "html:time"
ORIGIN_PAGE = "html"
"""A date the HTML extractor found elsewhere in the page (other meta tags, the URL, the text)."""
ORIGIN_NONE = "none"

_ISO_START = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})")


def parse_date_value(value: object) -> date | None:
    """A calendar date from a metadata value, or None if it is not one we can read for sure.

    Accepts ``date``/``datetime`` objects (YAML front matter), ``YYYY-MM-DD``, ISO 8601 date-times
    (the date as written, not moved to UTC: it is the date the publisher printed) and RFC 2822
    dates (RSS ``pubDate``). Ambiguous forms such as 09/04/2024 are refused, not guessed.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO_START.match(text)
    if match:
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
    if not re.search(r"[A-Za-z]{3}", text):
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
