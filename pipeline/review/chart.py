"""The index page's chart of review progress: one stacked bar per article of its claims verified,
false, given another verdict and not reviewed yet, drawn as inline SVG (no script, no library,
nothing loaded), with every count in the bar's tooltip and as text beside it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from pipeline.review.report import ArticleSummary

SEGMENTS = (("verified", "verified", "#1e8e3e"), ("false", "false", "#d93025"),
            ("other", "other verdict", "#f9ab00"), ("unreviewed", "not reviewed", "#dadce0"))
"""The bar's parts in order: the count's name, its label and its colour."""

BAR_WIDTH, BAR_HEIGHT = 160, 12


@dataclass(frozen=True)
class Progress:
    """An article's claims by where their review stands; the four counts add up to all claims.
    "Other" is any other status a reviewer gave (misleading, unverifiable, not a claim, or one
    typed by hand)."""

    verified: int
    false: int
    other: int
    unreviewed: int

    @classmethod
    def of(cls, summary: ArticleSummary) -> Progress:
        verified, false = summary.verdicts.get("verified", 0), summary.verdicts.get("false", 0)
        return cls(verified, false, summary.reviewed - verified - false, summary.claims - summary.reviewed)

    def counts(self) -> list[tuple[str, str, str, int]]:
        """(name, label, colour, count) per part of the bar."""
        return [(name, label, colour, getattr(self, name)) for name, label, colour in SEGMENTS]


def progress_bar(progress: Progress) -> str:
    """One article's bar: an SVG of four parts, each as wide as its share of the claims, with
    the counts as its accessible name and as text after it."""
    total = sum(count for *_, count in progress.counts())
    described = ", ".join(f"{count} {label}" for _, label, _, count in progress.counts())
    parts, x = [], 0.0
    for name, label, colour, count in progress.counts():
        width = BAR_WIDTH * count / total if total else 0.0
        if width:
            parts.append(f'<rect class="{name}" x="{x:.2f}" y="0" width="{width:.2f}" height="{BAR_HEIGHT}" '
                         f'fill="{colour}"><title>{count} {html.escape(label)}</title></rect>')
        x += width
    data = " ".join(f'data-{name}="{count}"' for name, _, _, count in progress.counts())
    return (f'<svg class="progress" role="img" aria-label="{html.escape(described)}" width="{BAR_WIDTH}" '
            f'height="{BAR_HEIGHT}" viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" {data}>'
            f'<rect width="{BAR_WIDTH}" height="{BAR_HEIGHT}" fill="#f1f3f4"/>{"".join(parts)}</svg>')


def chart_legend() -> str:
    """The colours of the bar's parts, once above the table."""
    return '<p class="chart-legend">' + "".join(
        f'<span><i style="background: {colour}"></i>{html.escape(label)}</span>' for _, label, colour in SEGMENTS) + "</p>"
