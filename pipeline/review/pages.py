"""The HTML review pages: one per article (its text with every figure, date, entity and quote
highlighted by displaCy, beside a sortable, filterable claims table) and an index of articles.

Pages are single self-contained files: CSS and JS inline, no network. Every piece of article or
reviewer text is escaped (displaCy escapes the article text; this module escapes the rest), and a
Content-Security-Policy lets only the page's own script run, so markup in an article can neither
load anything nor run code.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import html
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote, urlsplit

from spacy import displacy

from pipeline.review.chart import Progress, chart_legend, progress_bar
from pipeline.review.claimreview import ArticleInfo
from pipeline.errors import E_REPORT, PipelineError
from pipeline.review.groups import grouped_order
from pipeline.review.report import ArticleReport, ArticleSummary, Reporter, Row, read_reports, review_status
from pipeline.output.reviewer import REVIEW_STATUSES
from pipeline.output.atomic import atomic_write
from pipeline.output.write import split_flags
from pipeline.review.rows import KIND_COLOURS, TABLE_COLUMNS, claim_row, detail_panel, display_value, flag_name, inferred_parties

LAYERS = {"time": 1, "entity": 2, "quote": 3, "statement": 3}
"""Which highlight wins where spans overlap: figures and dates (layer 0) over time scopes, over
entities, over the quotes and statements that contain them, which are cut around them."""

HIGHLIGHT_TEMPLATE = ('<mark class="hl hl-{kind}" style="--hl: {bg}" data-claim="{claim}" data-search="{search}" '
                      'title="{tip}" tabindex="0">{text}<span class="hl-label">{badge}</span></mark>')
"""displaCy's entity template for a highlight: ``text`` arrives escaped by displaCy, every other
field is escaped here."""

@dataclass(frozen=True)
class Highlight:
    """A span of article text to mark, what it is, and where a click on it leads."""

    start: int
    end: int
    kind: str
    badge: str
    claim: str = ""
    """The id of the claims-table row it stands for."""
    search: str = ""
    """For spans without a row of their own: the text the table is filtered by."""
    tip: str = ""


def layered(highlights: Iterable[Highlight]) -> list[Highlight]:
    """Non-overlapping pieces in text order: a span keeps the parts of itself that no span of a
    lower layer (or an earlier span of its own layer) took. Only a span's first piece keeps its
    badge, and pieces that are only spaces are dropped."""
    taken: list[tuple[int, int]] = []
    pieces = []
    for highlight in sorted(highlights, key=lambda h: (LAYERS.get(h.kind, 0), h.start, -h.end)):
        for index, (start, end) in enumerate(free_parts(highlight.start, highlight.end, taken)):
            pieces.append(replace(highlight, start=start, end=end, badge=highlight.badge if index == 0 else ""))
            insort(taken, (start, end))
    return sorted(pieces, key=lambda piece: piece.start)


def free_parts(start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the sorted, disjoint intervals ``taken``."""
    parts = []
    position = start
    index = max(bisect_left(taken, (start, start)) - 1, 0)
    for taken_start, taken_end in taken[index:]:
        if taken_start >= end:
            break
        if taken_end <= position:
            continue
        if taken_start > position:
            parts.append((position, taken_start))
        position = max(position, taken_end)
    if position < end:
        parts.append((position, end))
    return parts


def highlights_of(report: ArticleReport) -> list[Highlight]:
    """Every row, entity and time scope of an article as a highlight."""
    marks = [Highlight(int(row["start"]), int(row["end"]), row["kind"], row["kind"].upper(), claim=row["claim_id"],
                       tip=_dotted(row["kind"], display_value(row), row.get("time_value", ""), row.get("subject", "")))
             for row in report.rows if row.get("start", "").isdigit() and row.get("end", "").isdigit()]
    marks += [Highlight(entity["start"], entity["end"], "entity", entity["label"], search=entity["canonical"],
                        tip=f"{entity['label']} · {entity['canonical']}") for entity in report.entities]
    marks += [Highlight(mention["start"], mention["end"], "time", "TIME", search=mention["text"],
                        tip=f"time scope · {mention['value']}") for mention in report.times]
    length = len(report.text)
    return [mark for mark in marks if 0 <= mark.start < mark.end <= length]


def marked_text(report: ArticleReport) -> str:
    """The article text as displaCy renders it, with the layered highlights."""
    pieces = [piece for piece in layered(highlights_of(report)) if report.text[piece.start:piece.end].strip()]
    ents = [{"start": piece.start, "end": piece.end, "label": piece.kind.upper(),
             "params": {name: html.escape(value) for name, value in
                        (("kind", piece.kind), ("claim", piece.claim), ("search", piece.search),
                         ("tip", piece.tip), ("badge", piece.badge))}}
            for piece in pieces]
    colours = {kind.upper(): colour for kind, colour in KIND_COLOURS.items()}
    return displacy.render({"text": report.text, "ents": ents}, style="ent", manual=True, jupyter=False,
                           options={"template": HIGHLIGHT_TEMPLATE, "colors": colours})


def _dotted(*parts: str) -> str:
    """The non-empty parts, joined as a tooltip lists them."""
    return " · ".join(part for part in parts if part)


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


def _options(choices: Iterable[tuple[str, str]]) -> str:
    """``<option>``s of (value, label) pairs."""
    return "".join(f'<option value="{_escape(value)}">{_escape(label)}</option>' for value, label in choices)


def _all(values: Iterable[str]) -> list[tuple[str, str]]:
    """A choice that keeps every row, then one per value."""
    return [("", "all"), *((value, value) for value in values)]


def filters(rows: tuple[Row, ...]) -> str:
    """The filter form over the claims table, offering the values the table holds."""
    kinds = sorted({row.get("kind", "") for row in rows} - {""})
    flags = sorted({flag_name(flag) for row in rows for flag in split_flags(row.get("flags", ""))})
    statuses = [status for status in REVIEW_STATUSES if status in {review_status(row) for row in rows}]
    references = sorted({row.get("reference_status", "") for row in rows} - {""})
    return (
        '<form id="filters" autocomplete="off">'
        f'<label>kind <select name="kind">{_options(_all(kinds))}</select></label>'
        '<label>check-worthiness ≥ <input type="number" name="cw" min="0" max="1" step="0.05" value="0"></label>'
        f'<label>flags <select name="flag">{_options([*_all([]), ("*", "flagged"), ("-", "not flagged"), *_all(flags)[1:]])}'
        "</select></label>"
        f'<label>review <select name="review">{_options(_all(statuses))}</select></label>'
        f'<label>reference <select name="reference">{_options(_all(references))}</select></label>'
        '<label><input type="checkbox" name="inferred"> inferred period or party</label>'
        '<label>search <input type="search" name="q" placeholder="text, subject, speaker…"></label>'
        '<button type="reset">clear</button>'
        f'<span id="shown" aria-live="polite">{len(rows)} of {len(rows)} claims</span>'
        "</form>"
    )


def legend() -> str:
    return '<div class="legend">' + "".join(f'<span style="--hl: {colour}">{kind}</span>'
                                             for kind, colour in KIND_COLOURS.items()) + "</div>"


def byline(info: ArticleInfo) -> str:
    """Source, date, author and a link to the original when it is a web address."""
    link = (f'<a href="{_escape(info.url)}" rel="noreferrer noopener">original</a>'
            if urlsplit(info.url).scheme in ("http", "https") else "")
    return _dotted(_escape(info.source), _escape(info.published), _escape(info.author), link)


KEYS = ("j/k next/previous claim · v verified · f false · m misleading · u unverifiable · n not a claim · "
        "0 unreviewed · s the sentence in the text · e edit the note · Esc back to the table")


def article_page(report: ArticleReport, api: str = "") -> str:
    """An article's page: its text with every row highlighted beside the filterable table of its
    rows, in text order, and the selected row's details below. With ``api`` (the review desk's save
    address) the reviewer cells are edited in place."""
    title = report.info.title or report.article_id
    rows = grouped_order(sorted(report.rows, key=lambda row: (int(row["start"]) if row.get("start", "").isdigit() else 0)))
    carried = inferred_parties(report.text, rows, report.entities)
    by_id = {row.get("claim_id", ""): row for row in rows}
    restated_as: dict[str, list[Row]] = {}
    for row in rows:
        if row.get("restates", "") in by_id:
            restated_as.setdefault(row["restates"], []).append(row)
    editable = bool(api)
    body = (
        f'<header><p><a href="{_escape(index_link(report.article_id))}">all articles</a></p>'
        f"<h1>{_escape(title)}</h1>"
        f"<p>{_dotted(byline(report.info), f'{len(rows)} claims', 'rows from ' + _escape(Path(report.rows_source).name))}</p></header>"
        f'<main class="article" data-article="{_escape(report.article_id)}">'
        f'<section class="text" aria-label="article text">{legend()}{marked_text(report)}</section>'
        f'<section class="table">{filters(report.rows)}'
        '<div class="scroll"><table id="claims" class="sortable"><thead><tr>'
        + "".join(f"<th>{_escape(name)}</th>" for name in TABLE_COLUMNS)
        + "</tr></thead><tbody>"
        + "".join(claim_row(row, position, row.get("claim_id", "") in carried, editable,
                            by_id.get(row.get("restates", "")), restated_as.get(row.get("claim_id", ""), ()))
                  for position, row in enumerate(rows, start=1))
        + '</tbody></table></div><section id="details" aria-label="the selected claim">'
        + "".join(detail_panel(row, editable) for row in rows)
        + f'<p class="keys">{_escape(KEYS if editable else KEYS.split(" · v ")[0] + " · s the sentence in the text")}</p>'
        + '<p id="saved" role="status" aria-live="polite"></p></section></section></main>'
    )
    return page(title, body, api)


def index_link(article_id: str) -> str:
    """From an article's page (``report/<id>.html``, ids may hold ``/``) back to ``index.html``."""
    return "../" * article_id.count("/") + "index.html"


def page_link(article_id: str) -> str:
    """From ``index.html`` to an article's page."""
    return quote(article_id) + ".html"


def index_page(summaries: list[ArticleSummary], failures: list[Row]) -> str:
    """``report/index.html``: a row per article with its counts and review progress, then the
    inputs that failed."""
    claims = sum(summary.claims for summary in summaries)
    reviewed = sum(summary.reviewed for summary in summaries)
    headers = ("article", "source", "published", "claims", "kinds", "mismatches", "checks ok", "reference", "verdicts",
               "reviewed")
    body = (
        "<header><h1>Claims review</h1>"
        f"<p>{len(summaries)} articles · {claims} claims · {reviewed} reviewed"
        + (f" · {len(failures)} failed input(s)" if failures else "") + "</p></header>"
        f'<main class="index">{chart_legend()}<table id="articles" class="sortable"><thead><tr>'
        + "".join(f"<th>{name}</th>" for name in headers) + "</tr></thead><tbody>"
        + "".join(index_row(summary) for summary in summaries)
        + "</tbody></table>"
        + failure_list(failures)
        + "</main>"
    )
    return page("Claims review", body)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def index_row(summary: ArticleSummary) -> str:
    info, title = summary.info, summary.info.title or summary.article_id
    share = summary.reviewed / summary.claims if summary.claims else 0.0
    return (
        "<tr>"
        f'<td data-sort="{_escape(title)}"><a href="{_escape(page_link(summary.article_id))}">'
        f'{_escape(title)}</a><small>{_escape(summary.article_id)}</small></td>'
        f"<td>{_escape(info.source)}</td><td>{_escape(info.published)}</td>"
        f'<td class="num">{summary.claims}</td><td>{_escape(_counts(summary.kinds))}</td>'
        f'<td class="num">{summary.mismatches}</td><td class="num">{summary.checks_ok}</td>'
        f'<td>{_escape(_counts(summary.references))}</td>'
        f"<td>{_escape(_counts(summary.verdicts))}</td>"
        f'<td class="progress" data-sort="{share:.4f}">{progress_bar(Progress.of(summary))} '
        f"{summary.reviewed}/{summary.claims}</td>"
        "</tr>"
    )


def failure_list(failures: list[Row]) -> str:
    if not failures:
        return ""
    items = "".join(f"<li><code>{_escape(row.get('path', ''))}</code>: [{_escape(row.get('code', ''))}] "
                    f"{_escape(row.get('message', ''))}</li>" for row in failures)
    return f'<section class="failures"><h2>Inputs that failed</h2><ul>{items}</ul></section>'


@cache
def _asset(name: str) -> str:
    return files("pipeline.review").joinpath("assets", name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page(title: str, body: str, api: str = "") -> str:
    """A whole self-contained document around ``body``: style and script inline, and a policy that
    allows no other, so that a page opens from a file, offline, and runs nothing else. With ``api``
    the page may also send saves to that path of its own origin (the review desk)."""
    script = _asset("report.js")
    policy = (f"default-src 'none'; script-src {script_hash(script)}; style-src 'unsafe-inline'; "
              "img-src data:; base-uri 'none'; form-action 'none'" + ("; connect-src 'self'" if api else ""))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="icon" href="data:,"><title>{_escape(title)}</title>'
        f"<style>{_asset('report.css')}</style></head>"
        f'<body data-api="{_escape(api)}">{body}<script>{script}</script></body></html>\n'
    )


def write_pages(out_dir: Path, report: Reporter) -> int:
    """Write ``report/<id>.html`` for every article of the run in ``out_dir``, then
    ``report/index.html``; returns the number of article pages."""
    folder = out_dir / "report"
    summaries = []
    for article in read_reports(out_dir, report):
        path = folder / f"{article.article_id}.html"
        if not path.resolve().is_relative_to(folder.resolve()):
            report(str(PipelineError(E_REPORT, str(out_dir / "claims.jsonl"),
                                     f"article id {article.article_id!r} would put its page outside {folder}; skipped")))
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, lambda handle, article=article: handle.write(article_page(article)))
        except OSError as error:
            report(str(PipelineError(E_REPORT, str(path), f"cannot write the page ({error.strerror or error})")))
            continue
        summaries.append(ArticleSummary.of(article))
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / "index.html", lambda handle: handle.write(index_page(summaries, read_failures(out_dir))))
    return len(summaries)


def read_failures(out_dir: Path) -> list[Row]:
    """The run's ``failures.csv`` rows, if it has one."""
    path = out_dir / "failures.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        return list(csv.DictReader(handle))
