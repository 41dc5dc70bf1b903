"""Saved web pages: the article's paragraphs and its metadata, without the rest of the page.

trafilatura finds the main text (dropping navigation, cookie banners, captions, related-links
boxes and footers) and the title, author, date, site name and URL. Where it finds no metadata,
the page's own declarations fill in: JSON-LD NewsArticle, Open Graph / ``article:*`` meta tags and
``<time datetime>``. Paragraphs are joined by a blank line, as in a text article, because the
pipeline reads time context per paragraph.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from lxml import etree

from pipeline.ingest.cleanup import normalize_spaces
from pipeline.errors import E_HTML, E_NO_TEXT, PipelineError
from pipeline.ingest.published import (
    ORIGIN_JSONLD,
    ORIGIN_NONE,
    ORIGIN_OG,
    ORIGIN_PAGE,
    ORIGIN_TIME,
    parse_date_value,
)

ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
                 "Report", "LiveBlogPosting")
_ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_NOT_A_NAME = re.compile(r"\d|\b(?:published|updated|posted)\b", re.IGNORECASE)
_HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")
OG_DATE_PROPERTIES = ("article:published_time", "og:published_time", "og:article:published_time")


@dataclass(frozen=True)
class Page:
    """What a web page says about its article; empty strings where it says nothing."""

    text: str
    title: str = ""
    author: str = ""
    site: str = ""
    url: str = ""
    published: date | None = None
    published_origin: str = ORIGIN_NONE


@dataclass(frozen=True)
class Declared:
    """Metadata the page declares in markup, used where trafilatura found none."""

    title: str = ""
    author: str = ""
    site: str = ""
    url: str = ""
    dates: tuple[tuple[str, date], ...] = ()  # (origin, date), most trusted first
    page_title: str = ""  # the <title>, often "Headline - Site name"


def read_page(html: str, where: str) -> Page:
    """The article of a saved page; a coded error when the page has no article text."""
    import trafilatura  # a tenth of a second to import, which an article in text or Markdown never needs
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        declared = declared_metadata(tree) if tree is not None else Declared()
        if tree is not None:
            join_number_groups(tree)
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, favor_precision=True, include_comments=False,
            include_tables=True, include_images=False, include_links=False,
        ) if tree is not None else None
    except RecursionError:
        raise PipelineError(E_HTML, where, "the HTML is nested too deeply to read") from None
    except Exception as error:  # noqa: BLE001 - the parsers meet hostile markup: any failure is a bad page
        raise PipelineError(E_HTML, where, f"the HTML cannot be read ({type(error).__name__})") from None
    paragraphs = body_paragraphs(document.body) if document is not None and document.body is not None else []
    if not paragraphs:
        raise PipelineError(E_NO_TEXT, where, "no article text found in the page (only navigation, "
                                              "boilerplate or markup nested more than 256 levels deep)")
    title = _first(document.title, declared.title)
    url = _first(document.url, declared.url)
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    published, origin = publication(parse_date_value(document.date), declared.dates)
    return Page(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        author=_first(plausible_author(document.author), declared.author),
        site=site_name(document.sitename, title, declared, url),
        url=url,
        published=published,
        published_origin=origin,
    )


def join_number_groups(tree: etree._Element) -> None:
    """Normalize the spaces in every text node (see cleanup.normalize_spaces)."""
    for element in tree.iter():
        if element.text and not isinstance(element.text, bytes):
            element.text = normalize_spaces(element.text)
        if element.tail:
            element.tail = normalize_spaces(element.tail)


def plausible_author(name: str | None) -> str:
    """The extractor's author unless it is a byline line caught whole ("Staff · Published May 4")."""
    return "" if not name or _NOT_A_NAME.search(name) else name


def site_name(found: str | None, title: str, declared: Declared, url: str) -> str:
    """The extractor's site name unless it is the headline again or only a host name; then the
    page's declared name, the end of its ``<title>``, and last the host name."""
    host = urlsplit(url).hostname or ""
    named = found if found and found != title and not _HOST_NAME.fullmatch(found) else ""
    return _first(named, declared.site, title_suffix(declared.page_title, title), found, host)


def title_suffix(page_title: str, headline: str) -> str:
    """The site name in a ``<title>`` written "Headline - Site" (or with "|", "–", "—")."""
    if not headline or not page_title.startswith(headline):
        return ""
    rest = page_title[len(headline):]
    separator = next((sep for sep in _TITLE_SEPARATORS if rest.startswith(sep)), None)
    return rest[len(separator):].strip() if separator else ""


def publication(found: date | None, declared: tuple[tuple[str, date], ...]) -> tuple[date | None, str]:
    """trafilatura's date, named after the declaration that states it; else the first declared."""
    if found is not None:
        return found, next((origin for origin, day in declared if day == found), ORIGIN_PAGE)
    if declared:
        origin, day = declared[0]
        return day, origin
    return None, ORIGIN_NONE


def body_paragraphs(body: etree._Element) -> list[str]:
    """One paragraph per block of the extracted body; list items and table rows each one."""
    paragraphs = []
    for block in body:
        if block.tag == "list":
            parts = [element_text(item) for item in block.findall("item")]
        elif block.tag == "table":
            parts = [" | ".join(element_text(cell) for cell in row.findall("cell")) for row in block.iter("row")]
        else:
            parts = [element_text(block)]
        paragraphs += [part for part in parts if part.strip(" |")]
    return paragraphs


def element_text(element: etree._Element) -> str:
    """The text of an element on one line, runs of ASCII whitespace made single spaces; no-break
    and thin spaces are left for pipeline.ingest.cleanup, which knows those inside numbers."""
    return _ASCII_SPACES.sub(" ", "".join(element.itertext())).strip(" ")


def declared_metadata(tree: etree._Element) -> Declared:
    """Title, author, site, URL and dates from JSON-LD, meta tags and ``<time datetime>``."""
    article = next(jsonld_articles(tree), {})
    meta = meta_tags(tree)
    dates = [
        (ORIGIN_JSONLD, parse_date_value(article.get("datePublished"))),
        *((ORIGIN_OG, parse_date_value(meta.get(name))) for name in OG_DATE_PROPERTIES),
        (ORIGIN_TIME, parse_date_value(time_datetime(tree))),
    ]
    publisher = article.get("publisher")
    return Declared(
        title=_first(_string(article.get("headline")), meta.get("og:title")),
        author=_first(person_names(article.get("author")), meta.get("author")),
        site=_first(meta.get("og:site_name"), person_names(publisher)),
        url=_first(meta.get("og:url"), canonical_url(tree), _string(article.get("url"))),
        dates=tuple((origin, day) for origin, day in dates if day is not None),
        page_title=_string(tree.findtext(".//title")),
    )


def jsonld_articles(tree: etree._Element) -> Iterator[dict]:
    """The article objects of the page's JSON-LD blocks, in page order (``@graph`` included)."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:  # iterative: a hostile page may nest objects arbitrarily deep
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(kind in ARTICLE_TYPES for kind in types):
                    yield item
                if isinstance(item.get("@graph"), list):
                    stack[:0] = item["@graph"]


def meta_tags(tree: etree._Element) -> dict[str, str]:
    """``<meta property|name=... content=...>`` by lower-cased name, first occurrence wins."""
    tags: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if name and content:
            tags.setdefault(name, content)
    return tags


def time_datetime(tree: etree._Element) -> str | None:
    """The ``datetime`` of the time element marked as the publication, else of the first one
    inside ``<article>``, else of the first one on the page."""
    for path in (".//time[@itemprop='datePublished']", ".//time[@pubdate]", ".//article//time[@datetime]",
                 ".//time[@datetime]"):
        found = tree.find(path)
        if found is not None and found.get("datetime"):
            return found.get("datetime")
    return None


def canonical_url(tree: etree._Element) -> str:
    """The address of ``<link rel="canonical">``: the publisher's own URL for the article,
    wherever the page was saved from; "" when the page has none."""
    link = tree.find(".//link[@rel='canonical']")
    return (link.get("href") or "").strip() if link is not None else ""


def person_names(value: object) -> str:
    """JSON-LD author/publisher: a name, an object with ``name``, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = [_string(item.get("name")) if isinstance(item, dict) else _string(item) for item in items]
    return "; ".join(name for name in names if name)


def _string(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _first(*values: str | None) -> str:
    return next((value for value in values if value), "")
