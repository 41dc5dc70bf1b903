"""Checks claims against a table of reference facts (metric, subject, period, value, unit, source,
note) and fills the columns reference_status, reference_value, reference_source, reference_diff.

A claim meets a reference row when it names the row's metric (the lexicon in rules/metrics.yml),
the row's entities are among the claim's (or, failing that, among those of the claims just before
it), the periods are equal and the units convert. Its value is then compared within the
tolerances of rules/metrics.yml: ``supported`` or ``contradicted``. A figure no row fits is
``no_reference``; dates, quotes and statements are left empty.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.checks.figures import Fig, figures_of, fmt, last_cue
from pipeline.errors import E_REFERENCE, PipelineError
from pipeline.figures.numbers import format_number
from pipeline.records import FIGURE_KINDS, REFERENCE_RESULT_COLUMNS, Claim
from pipeline.rules import METRICS_FILE, RULES_DIR, load_metrics

REFERENCE_COLUMNS = ("metric", "subject", "period", "value", "unit", "source", "note")
SUPPORTED, CONTRADICTED, NO_REFERENCE = "supported", "contradicted", "no_reference"
PERCENT_UNITS = ("percent", "percentage_point")

Row = dict[str, str]


@dataclass(frozen=True)
class Fact:
    """One reference row, its value in base units (a scale word in its unit applied)."""

    metric: str
    entities: frozenset[str]
    period: str
    """As a claim's ``time_value`` ("2022"): a fact meets only claims of the same period."""
    value: float
    unit: str
    source: str
    note: str
    shown: str
    """The value and unit as the table states them ("4209 km"), shown when the claim's unit differs."""


@dataclass(frozen=True)
class Metric:
    """A reference metric of rules/metrics.yml and the words that name it in a claim ("bilateral
    trade", "two-way trade")."""

    id: str
    terms: tuple[str, ...]
    growth: str = ""
    """The metric of a percent change of this one: "bilateral trade grew by 36 percent" is
    ``bilateral_trade_growth``; empty where rules/metrics.yml names none."""


@dataclass(frozen=True)
class Lexicon:
    """rules/metrics.yml, with the unit names and scales of rules/lexicons.yml."""

    metrics: tuple[Metric, ...]
    conversions: dict[tuple[str, str], float]
    tolerances: dict[str, float]
    context_sentences: int
    """How many sentences before its own a claim that does not name a fact's entities may take
    them from (the paragraph usually names the countries once)."""
    unit_names: dict[str, str]
    scales: dict[str, float]
    examples: tuple[dict, ...] = field(default=())

    def canonical_unit(self, unit: str) -> tuple[str, float]:
        """A reference unit as a claim unit and the scale it carries: "USD billion" -> (USD, 1e9)."""
        scale, names = 1.0, []
        for word in unit.split():
            if word.lower() in self.scales:
                scale *= self.scales[word.lower()]
            else:
                names.append(word)
        name = " ".join(names)
        return self.unit_names.get(name.lower(), name), scale

    def factor(self, from_unit: str, to_unit: str) -> float | None:
        """Both names are read through the units lexicon, so a claims CSV written with another
        spelling of a unit ("kilometre") still meets its reference ("km" -> kilometer)."""
        from_unit, to_unit = (self.unit_names.get(u.lower(), u) for u in (from_unit, to_unit))
        if from_unit == to_unit:
            return 1.0
        return self.conversions.get((from_unit, to_unit))


@dataclass(frozen=True)
class Outcome:
    """A figure claim's four reference cells: status, the reference value in the claim's unit, its
    source (for ``no_reference``, why no row fits), and how far the claim is from it ("110e6 USD
    below (0.046%)")."""

    status: str
    value: str = ""
    source: str = ""
    diff: str = ""


def load_lexicon(path: Path = RULES_DIR / METRICS_FILE) -> Lexicon:
    """rules/metrics.yml with the unit names and scales of rules/lexicons.yml beside it, for
    matching claims with reference facts. The rule loader has validated both; a broken one is one
    coded error listing all its problems."""
    metrics, lexicons = load_metrics(path)
    units = {k.lower(): v for k, v in lexicons["units"].items()}
    conversions: dict[tuple[str, str], float] = {}
    for item in metrics["units"]:
        source, target = (units.get(item[end].lower(), item[end]) for end in ("from", "to"))
        conversions[(source, target)] = item["factor"]
        conversions[(target, source)] = 1 / item["factor"]
    return Lexicon(tuple(Metric(m["id"], tuple(m["terms"]), m["growth"]) for m in metrics["metrics"]),
                   conversions, metrics["tolerances"], metrics["context_sentences"], units,
                   {k.lower(): float(v) for k, v in lexicons["scales"].items()}, tuple(metrics["examples"]))


def read_facts(path: Path, lexicon: Lexicon) -> list[Fact]:
    """The reference table; a missing column or an unreadable value is an error naming file:line."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REFERENCE_COLUMNS[:5] if c not in (reader.fieldnames or [])]
            if missing:
                raise PipelineError(E_REFERENCE, str(path), f"missing column(s) {', '.join(missing)}; "
                                    f"expected {', '.join(REFERENCE_COLUMNS)}")
            facts = []
            for row in reader:
                where = f"{path}:{reader.line_num}"
                try:
                    number = float(row["value"].replace(",", ""))
                except ValueError:
                    raise PipelineError(E_REFERENCE, where, f"value {row['value']!r} is not a number") from None
                unit, scale = lexicon.canonical_unit(row["unit"].strip())
                facts.append(Fact(row["metric"].strip(), split_subject(row["subject"]), row["period"].strip(),
                                  number * scale, unit, (row.get("source") or "").strip(),
                                  (row.get("note") or "").strip(), f"{row['value']} {row['unit']}".strip()))
            return facts
    except (OSError, UnicodeDecodeError) as error:
        raise PipelineError(E_REFERENCE, str(path), f"cannot read ({error})") from None


def split_subject(subject: str) -> frozenset[str]:
    """"China-Russia", "China->Russia" and "China/Russia" name two entities (the direction of a
    flow is not used); a name with a hyphen is written with "->" or "/" ("Senegal/Guinea-Bissau")."""
    separator = next((s for s in ("->", "/") if s in subject), "-")
    return frozenset(part.strip().lower() for part in subject.split(separator) if part.strip())


def metric_of(fig: Fig, lexicon: Lexicon) -> str:
    """The reference metric a figure measures, or "" when the lexicon names none."""
    matches = [(len(term), metric) for metric in lexicon.metrics for term in metric.terms
               if re.search(rf"\b{re.escape(term)}\b", fig.measure)]
    if matches:
        metric = max(matches, key=lambda m: m[0])[1]
    else:
        groups = {m.id: [t for t in m.terms if " " not in t] for m in lexicon.metrics}
        cue = last_cue(fig.before, groups)
        metric = next((m for m in lexicon.metrics if cue and tuple(groups[m.id]) == cue), None)
        if metric is None:
            return ""
    claim = fig.claim
    if claim.role == "change":
        return metric.growth if claim.unit == "percent" else ""
    return metric.id if claim.role == "level" else ""


def verify_claims(claims: Sequence[Claim], facts: Sequence[Fact], lexicon: Lexicon,
                  parties: frozenset[str] | None = None) -> dict[str, Outcome]:
    """An outcome per figure claim of one article (claim_id -> Outcome). ``parties`` are the
    article's entity names that are places or organisations (not people), where known: a claim
    whose own sentence names other parties than a fact's is about them, so it does not take the
    fact's entities from the sentences before it."""
    outcomes = {c.claim_id: Outcome(NO_REFERENCE) for c in claims if c.kind in FIGURE_KINDS}
    entities_by_sentence: dict[int, frozenset[str]] = defaultdict(frozenset)
    for c in claims:
        entities_by_sentence[c.sentence_index] |= names(c.entities)
    for fig in figures_of(claims):
        metric = metric_of(fig, lexicon)
        if not metric:
            continue
        candidates = [f for f in facts if f.metric == metric and lexicon.factor(f.unit, fig.claim.unit) is not None]
        own = names(fig.claim.entities)
        named = [f for f in candidates if f.entities <= own]
        if not named:
            own_parties = own & parties if parties is not None else frozenset()
            here = fig.claim.sentence_index
            window = frozenset().union(*(entities_by_sentence.get(i, frozenset())
                                         for i in range(here - lexicon.context_sentences, here + 1)))
            named = [f for f in candidates if f.entities <= window and own_parties <= f.entities]
        if named:
            outcomes[fig.id] = judge(fig, named, lexicon)
    return outcomes


def names(entities: str) -> frozenset[str]:
    """The names of an ``entities`` cell ("China; Russia"), lower-cased like a fact's subject."""
    return frozenset(e.strip().lower() for e in entities.split(";") if e.strip())


def judge(fig: Fig, facts: list[Fact], lexicon: Lexicon) -> Outcome:
    """Compare with the fact of the claim's period; a contradiction says which other period fits."""
    claim = fig.claim
    same_period = [f for f in facts if f.period == claim.time_value]
    if not same_period:
        periods = ", ".join(sorted({f.period for f in facts}))
        return Outcome(NO_REFERENCE, source=f"no reference for {claim.time_value or 'an unknown period'} "
                                            f"(references for {periods})")
    if len({f.value for f in same_period}) > 1:
        shown = ", ".join(f"{f.shown} ({f.source})" for f in same_period)
        return Outcome(NO_REFERENCE, source=f"references for {claim.time_value} disagree: {shown}")
    fact = same_period[0]
    reference = fact.value * lexicon.factor(fact.unit, claim.unit)
    supported = within(fig.value, reference, claim, lexicon)
    diff = difference(fig.value, reference, claim.unit)
    if not supported:
        fits = [f for f in facts if f.period != fact.period
                and within(fig.value, f.value * lexicon.factor(f.unit, claim.unit), claim, lexicon)]
        diff += "".join(f"; matches {f.period} ({f.shown})" for f in sorted(fits, key=lambda f: f.period))
    source = fact.source + (f" ({fact.note})" if fact.note else "")
    if lexicon.factor(fact.unit, claim.unit) != 1.0:
        source += f" [{fact.shown}]"
    return Outcome(SUPPORTED if supported else CONTRADICTED, format_number(round_sig(reference)), source, diff)


def within(value: float, reference: float, claim: Claim, lexicon: Lexicon) -> bool:
    """Whether the claim's value agrees with the reference within the tolerances of
    rules/metrics.yml: percent figures by points, others relatively (more slack for "about"); a
    "more than" figure needs a reference at least as large, less the slack."""
    tol = lexicon.tolerances
    if claim.unit in PERCENT_UNITS:
        slack = tol["percent_points"]
    else:
        slack = (tol["approx_relative"] if claim.qualifier == "approx" else tol["relative"]) * abs(reference)
    if claim.qualifier in ("more_than", "at_least"):
        return reference >= value - slack
    if claim.qualifier in ("less_than", "at_most"):
        return reference <= value + slack
    return abs(value - reference) <= slack


def difference(value: float, reference: float, unit: str) -> str:
    """How far the claim is from the reference, in words so that no spreadsheet reads it as a
    formula: "6.7 points above", "270e6 USD below (0.14%)"."""
    gap = value - reference
    side = "above" if gap > 0 else "below" if gap < 0 else "equal to"
    if unit in PERCENT_UNITS:
        return f"{abs(gap):.3g} points {side}" if gap else "equal"
    if not gap:
        return "equal"
    share = f" ({abs(gap) / abs(reference) * 100:.2g}%)" if reference else ""
    return f"{fmt(abs(gap))} {unit} {side}{share}"


def round_sig(value: float, digits: int = 6) -> float:
    """The reference value as the table shows it, to six significant digits: 4209 km in miles is
    2615.35, not 2615.3513481..."""
    return float(f"{value:.{digits}g}")


def claims_from_rows(rows: Sequence[Row]) -> list[Claim]:
    """Rows of a claims CSV as claims (offsets a person broke become -1, so nothing fails)."""
    fields = Claim.__dataclass_fields__
    claims = []
    for row in rows:
        cells: dict[str, Any] = {name: row.get(name, "") for name in fields}
        for name in ("sentence_index", "start", "end"):
            cells[name] = int(cells[name]) if str(cells[name]).lstrip("-").isdigit() else -1
        claims.append(Claim(**cells))
    return claims


def verify_rows(rows: list[Row], facts: Sequence[Fact], lexicon: Lexicon,
                parties: dict[str, frozenset[str]] | None = None) -> list[Row]:
    """The rows of a claims table with the reference columns filled, article by article;
    ``parties`` by article id, where known (see ``verify_claims``)."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims_from_rows(rows):
        by_article.setdefault(claim.article_id, []).append(claim)
    outcomes: dict[str, Outcome] = {}
    for article_id, claims in by_article.items():
        known = parties.get(article_id) if parties is not None else None
        outcomes.update(verify_claims(claims, facts, lexicon, known))
    result = []
    for row in rows:
        outcome = outcomes.get(row["claim_id"], Outcome(""))
        found = (outcome.status, outcome.value, outcome.source, outcome.diff)
        result.append({**row, **dict(zip(REFERENCE_RESULT_COLUMNS, found))})
    return result


def count_statuses(rows: Iterable[Row]) -> dict[str, int]:
    """How many rows are supported, contradicted and without a reference, for the line ``claims
    verify`` prints per table; rows verify leaves empty (dates, quotes) are not counted."""
    counts = {SUPPORTED: 0, CONTRADICTED: 0, NO_REFERENCE: 0}
    for row in rows:
        if row.get("reference_status") in counts:
            counts[row["reference_status"]] += 1
    return counts
