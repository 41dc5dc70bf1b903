"""Reviewed claims as schema.org ClaimReview JSON-LD, the markup search engines and fact-check
aggregators read. Only rows whose review_status is a verdict are exported; a row whose value
changed since it was reviewed, or whose figure is no longer in the article (``stale``), is held
back, as its verdict may no longer apply.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pipeline.claims.checkworthy import CLOSE_MARK, OPEN_MARK
from pipeline.errors import PipelineError
from pipeline.ingest.metadata import folder_metadata
from pipeline.output.reviewer import VERDICTS, status_problems
from pipeline.output.runfile import readable_records
from pipeline.output.write import CHANGED_FLAG, STALE_FLAG, read_claims, split_flags

Row = dict[str, str]

RATINGS: dict[str, tuple[int | None, str]] = {
    "verified": (5, "True"),
    "misleading": (2, "Misleading"),
    "false": (1, "False"),
    "unverifiable": (None, "Unverifiable"),
}
"""review_status -> (ratingValue on a 1 (false) to 5 (true) scale, alternateName). Unverifiable is
no point on that scale, so it has a name only."""
BEST_RATING, WORST_RATING = 5, 1


@dataclass(frozen=True)
class ArticleInfo:
    """What a ClaimReview says about where a claim appeared, from ``<id>.meta.json``."""

    title: str = ""
    url: str = ""
    author: str = ""
    source: str = ""
    published: str = ""

    @classmethod
    def of_record(cls, article: dict) -> ArticleInfo:
        """The metadata of an ``article`` record of a run's ``claims.jsonl``."""
        return cls(**{name: str(article.get(name) or "") for name in cls.__dataclass_fields__})


def read_articles(folder: Path, report: Callable[[str], None]) -> dict[str, ArticleInfo]:
    """Article metadata by article id; a meta file that cannot be read is reported and skipped."""
    infos = {}
    for item in folder_metadata(folder):
        if isinstance(item, PipelineError):
            report(str(item))
            continue
        article_id, meta = item
        published = meta.get("published")
        infos[article_id] = ArticleInfo(
            title=meta.get("title", ""), url=meta.get("url", ""), author=meta.get("author", ""),
            source=meta.get("source", ""), published=published.isoformat() if published else "")
    return infos


def read_run_articles(path: Path) -> dict[str, ArticleInfo]:
    """Article metadata by article id from a run's ``claims.jsonl`` (its ``article`` records:
    whatever the input format gave, a web page's author and URL included). A missing file or a
    line that is not such a record gives nothing."""
    return dict(readable_records(path, parse=_run_article))


def _run_article(record: Any) -> tuple[str, ArticleInfo]:
    article = record["article"]
    return str(article["id"]), ArticleInfo.of_record(article)


def held_back(row: Row) -> str:
    """Why a verdict no longer applies to what the article says, or "": its value changed since
    it was reviewed, or a re-run no longer finds its figure in the edited article (stale)."""
    flags = split_flags(row.get("flags", ""))
    if any(flag.startswith(CHANGED_FLAG) for flag in flags):
        return "its value changed since it was reviewed"
    if STALE_FLAG in flags:
        return "its figure is no longer in the article"
    return ""


def exportable(row: Row) -> bool:
    """A verdict, on the value the reviewer saw, of a figure the article still states."""
    return row.get("review_status", "") in VERDICTS and not held_back(row)


def claim_review(row: Row, article: ArticleInfo) -> dict[str, Any]:
    """One ClaimReview object for a reviewed row."""
    value, name = RATINGS[row["review_status"]]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating.update(ratingValue=value, bestRating=BEST_RATING, worstRating=WORST_RATING)
    speaker = row.get("speaker", "")
    claimant = article.author if speaker in ("", "author") else speaker
    appearance = compact({"@type": "CreativeWork", "url": web_url(article.url), "headline": article.title,
                          "datePublished": article.published,
                          "publisher": {"@type": "Organization", "name": article.source} if article.source else None})
    item = compact({
        "@type": "Claim",
        "author": {"@type": "Person", "name": claimant} if claimant else None,
        "datePublished": article.published,
        "appearance": appearance if len(appearance) > 1 else None,
    })
    return compact({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": row["claim_id"],
        "claimReviewed": unmarked(row.get("claim_text", "") or row.get("sentence", "") or row.get("text", "")),
        "datePublished": row.get("reviewed_at", ""),
        "author": {"@type": "Person", "name": row["reviewer"]} if row.get("reviewer") else None,
        "itemReviewed": item,
        "reviewRating": rating,
        "reviewBody": row.get("review_note", ""),
        "citation": web_url(row.get("evidence_url", "")),
    })


def unmarked(text: str) -> str:
    """A claim as a reader sees it: without the ⟦ ⟧ that mark its figure in the table."""
    return text.replace(OPEN_MARK, "").replace(CLOSE_MARK, "")


def web_url(value: str) -> str:
    """The URL if it is an http(s) one, else "": a reviewer's cell may hold anything, and a
    ``javascript:`` link on a published page would run."""
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def compact(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop empty fields: JSON-LD leaves out what is unknown rather than stating it empty."""
    return {key: value for key, value in obj.items() if value not in ("", None)}


def export_claimreviews(table: Path, articles: dict[str, ArticleInfo],
                        report: Callable[[str], None]) -> list[dict[str, Any]]:
    """ClaimReview objects for the reviewed rows of a claims table, in table order."""
    rows = read_claims(table).to_dict("records")
    for problem in status_problems(table, rows):
        report(problem)
    held = [r for r in rows if r.get("review_status", "") in VERDICTS and not exportable(r)]
    for row in held:
        report(f"{table}: claim {row['claim_id']} not exported: {held_back(row)}")
    for row in filter(exportable, rows):
        if row.get("evidence_url", "").strip() and not web_url(row["evidence_url"]):
            report(f"{table}: claim {row['claim_id']}: evidence_url {row['evidence_url']!r} is not an "
                   "http(s) URL; left out of its citation")
    return [claim_review(r, articles.get(r.get("article_id", ""), ArticleInfo())) for r in rows if exportable(r)]


def to_json(reviews: Iterable[dict[str, Any]]) -> str:
    """The ClaimReviews as JSON safe to paste into a ``<script type="application/ld+json">`` block:
    ``<``, ``>`` and ``&`` are written ``\\u003c``, ``\\u003e`` and ``\\u0026`` (the same JSON), so that
    no ``</script>`` in a reviewer's note can end the block."""
    text = json.dumps(list(reviews), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
