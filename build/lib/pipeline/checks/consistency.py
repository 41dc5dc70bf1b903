"""Arithmetic checks between the figures of one article: totals against their parts, growth rates
against levels, "from A to B" against the stated change, shares adding to more than 100 percent,
"doubled" against its two values, one measure stated with two values, million/billion slips and
date arithmetic.

Every check is named, its parameters (tolerances, cue words) live in ``rules/consistency.yml``,
and its result goes to the ``flags`` column with the numbers it used, e.g.
``consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)``. Matching "the same measure" is kept
conservative (same subject, unit and period), because a false alarm costs a reviewer time.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from dateutil.relativedelta import relativedelta

from pipeline.errors import E_RULE, rule_problems
from pipeline.records import Claim, DateMention
from pipeline.rules import RULES_DIR

CONSISTENCY_FILE = RULES_DIR / "consistency.yml"
CHECK_KEYS = {"id", "doc", "params", "examples", "counter_examples"}
EXAMPLE_KEYS = {"text", "figure", "flag", "published"}
LEADING_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Check:
    id: str
    doc: str
    params: dict[str, Any]
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Checks:
    """rules/consistency.yml: the checks, and the words of "from A to B" they share."""

    checks: tuple[Check, ...]
    from_to: dict[str, list[str]]


@dataclass(frozen=True)
class Finding:
    """One result of a check: the flag text and the claims it goes on."""

    flag: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class Fig:
    """A figure claim as the checks see it: its number, the measure it is of, the words before it."""

    claim: Claim
    value: float
    measure: str
    own_measure: bool
    before: str

    @property
    def id(self) -> str:
        return self.claim.claim_id


@dataclass(frozen=True)
class ArticleView:
    """What every check looks at: the article's figures (also by sentence, so that no check
    scans the whole article per figure) and dates, and the shared words."""

    figs: list[Fig]
    dates: Sequence[DateMention]
    number_words: dict[str, float]
    from_to: dict[str, list[str]]
    by_sentence: dict[int, list[Fig]]
    date_claims: dict[int, str]
    """The claim id of each date row by its start offset (a date that scopes a figure has none)."""

    def sentence(self, index: int) -> list[Fig]:
        return self.by_sentence.get(index, [])


def article_view(claims: Sequence[Claim], dates: Sequence[DateMention], number_words: dict[str, float],
                 from_to: dict[str, list[str]]) -> ArticleView:
    figs = figures_of(claims)
    by_sentence: dict[int, list[Fig]] = defaultdict(list)
    for fig in figs:
        by_sentence[fig.claim.sentence_index].append(fig)
    date_claims = {c.start: c.claim_id for c in claims if c.kind == "date"}
    return ArticleView(figs, dates, number_words, from_to, dict(by_sentence), date_claims)


# --- the checks ----------------------------------------------------------------------------------


def sum_of_parts(view: ArticleView, p: dict) -> Iterator[Finding]:
    levels = [f for f in view.figs if f.claim.role == "level" and f.claim.kind != "percent" and f.claim.time_value]
    for total in levels:
        if not has_word(total.measure, p["total_cues"]) or has_word(total.measure, p["not_total_cues"]):
            continue
        gap, here = p["max_sentence_gap"], total.claim.sentence_index
        window = [f for i in range(here - gap, here + gap + 1) for f in view.sentence(i)]
        named = names_in(total)
        for groups in p["parts"]:
            near = [f for f in window if f is not total and f.claim.role == "level" and same_unit_period(f, total)
                    and f.value < total.value and named <= names_of(f)]
            parts = []
            for cues in groups.values():
                found = [f for f in near if last_cue(f.before, groups) == tuple(cues)]
                if len(found) != 1:
                    break
                parts.append(found[0])
            else:
                expected = sum(f.value for f in parts)
                sums = "+".join(fmt(f.value) for f in parts) + "=" + fmt(expected)
                tol = f"tol {percent(p['tolerance'])}"
                if close(expected, total.value, p["tolerance"]):
                    flag = f"ok({sums},{tol})"
                else:
                    flag = f"mismatch({sums}!={fmt(total.value)},{tol})"
                yield Finding(flag, (total.id, *(f.id for f in parts)))


def growth_vs_levels(view: ArticleView, p: dict) -> Iterator[Finding]:
    levels_by_year: dict[tuple[str, str, int | None], list[Fig]] = defaultdict(list)
    for f in view.figs:
        if f.claim.role == "level" and f.measure:
            levels_by_year[(f.measure, f.claim.unit, as_year(f.claim.time_value))].append(f)
    for change in view.figs:
        c = change.claim
        if not (c.role == "change" and c.unit == "percent" and c.direction in ("up", "down")):
            continue
        if from_to_pair(change, view):
            continue  # "from A to B" with a change is the from-to-change check
        level = next((f for f in view.sentence(c.sentence_index) if f.claim.start > c.start and f.claim.role == "level"
                      and f.claim.kind != "percent" and ends_with_word(f.before, view.from_to["to"])), None)
        year = level and as_year(level.claim.time_value)
        if level is None or year is None:
            continue
        previous = levels_by_year.get((level.measure, level.claim.unit, year - 1), [])
        if len(previous) != 1:
            continue
        factor = 1 + (change.value if c.direction == "up" else -change.value) / 100
        if factor <= 0:
            continue
        implied = level.value / factor
        stated = previous[0].value
        shown = f"{fmt(level.value)}/{factor:g}={fmt(implied)}"
        tol = f"tol {percent(p['tolerance'])}"
        flag = (f"ok({shown}~{fmt(stated)},{tol})" if close(implied, stated, p["tolerance"])
                else f"mismatch({shown}!={fmt(stated)},{tol})")
        yield Finding(flag, (change.id, level.id, previous[0].id))


def from_to_change(view: ArticleView, p: dict) -> Iterator[Finding]:
    for start in view.figs:
        pair = from_to_pair(start, view)
        if pair is None:
            continue
        a, b = pair
        for change in view.sentence(a.claim.sentence_index):
            c = change.claim
            if c.role != "change" or change in pair:
                continue
            sign = -1.0 if c.direction == "down" else 1.0
            stated = sign * change.value
            if c.unit == a.claim.unit and c.unit not in ("percent", "percentage_point"):
                actual = b.value - a.value
                shown = f"{fmt(a.value)}->{fmt(b.value)}={fmt(actual, True)}"
                ok = close(actual, stated, p["tolerance"])
                tol, stated_text = f"tol {percent(p['tolerance'])}", fmt(stated, True)
            elif c.unit in ("percent", "percentage_point"):
                relative = (b.value / a.value - 1) * 100 if a.value else None
                points = b.value - a.value if a.claim.unit == "percent" else None
                if c.unit == "percent" and a.claim.unit != "percent":
                    candidates = [relative]
                elif c.unit == "percent":
                    candidates = [relative, points]
                else:
                    candidates = [points]
                candidates = [x for x in candidates if x is not None]
                if not candidates:
                    continue
                best = min(candidates, key=lambda x: abs(x - stated))
                suffix = "%" if c.unit == "percent" else " points"
                shown = f"{fmt(a.value)}->{fmt(b.value)}={best:+.3g}{suffix}"
                ok = abs(best - stated) <= p["percent_tolerance_points"]
                tol, stated_text = f"tol {p['percent_tolerance_points']:g} points", f"{stated:+g}{suffix}"
            else:
                continue
            flag = f"ok({shown},{tol})" if ok else f"mismatch({shown}!={stated_text},{tol})"
            yield Finding(flag, (change.id, a.id, b.id))


def shares_over_100(view: ArticleView, p: dict) -> Iterator[Finding]:
    by_sentence: dict[int, list[Fig]] = defaultdict(list)
    for f in view.figs:
        if f.claim.role == "share" and f.claim.unit == "percent":
            by_sentence[f.claim.sentence_index].append(f)
    for shares in by_sentence.values():
        groups: list[list[Fig]] = []
        for index, f in enumerate(shares):
            home = next((g for g in groups if shares_one_total(g, f, shares[index - 1] if index else None, view)), None)
            if home is None:
                groups.append([f])
            else:
                home.append(f)
        for group in groups:
            if len(group) < 2:
                continue
            total = sum(f.value for f in group)
            sums = "+".join(fmt(f.value) for f in group) + f"={fmt(total)}"
            flag = f"ok({sums}<=100)" if total <= 100 + p["tolerance_points"] else f"mismatch({sums}>100)"
            yield Finding(flag, tuple(f.id for f in group))


def shares_one_total(group: list[Fig], share: Fig, previous: Fig | None, view: ArticleView) -> bool:
    """Whether ``share`` is of the same total as the shares of ``group``: the same period, and
    listed right after the group's last share ("cars (20 percent), phones (15 percent)"), never
    the two ends of "from A to B", which are one share at two times. Shares with only the same
    subject are not enough: "60 percent of voters back A and 55 percent of voters oppose B"."""
    if group[0].claim.time_value != share.claim.time_value or group[-1] is not previous:
        return False
    if any(from_to_pair(f, view) in ((f, share), (share, f)) for f in group):
        return False
    return any(rule.endswith("@list") for rule in share.claim.rules.split("; "))


def doubled_halved(view: ArticleView, p: dict) -> Iterator[Finding]:
    cues = p["cues"]
    for start in view.figs:
        pair = from_to_pair(start, view)
        if pair is None:
            continue
        a, b = pair
        first = min(pair, key=lambda f: f.claim.start)
        near = word_list(first.before)[-p["max_words_before"]:]
        factors = {cues[w] for w in near if w in cues}
        if len(factors) != 1 or not a.value:
            continue
        factor = float(factors.pop())
        ratio = b.value / a.value
        shown = f"{fmt(b.value)}/{fmt(a.value)}={ratio:.3g}"
        tol = f"tol {percent(p['tolerance'])}"
        flag = (f"ok({shown}~{factor:g},{tol})" if close(ratio, factor, p["tolerance"])
                else f"mismatch({shown}!={factor:g},{tol})")
        yield Finding(flag, (a.id, b.id))


def same_measure_two_values(view: ArticleView, p: dict) -> Iterator[Finding]:
    groups: dict[tuple, list[Fig]] = defaultdict(list)
    for f in measured_levels(view.figs, p["vague_subjects"]):
        c = f.claim
        if c.time_value and c.qualifier in ("exact", "approx"):
            groups[(f.measure, c.unit, c.time_value, c.entities)].append(f)
    tol = f"tol {percent(p['tolerance'])}"
    for members in groups.values():
        for (a, _), (b, _), figs in class_pairs(members, same=True):
            if max(a, b) >= p["max_ratio"] * min(a, b):
                continue  # that far apart it is a slip of scale (the scale-slip check), not a second estimate
            flag = f"ok({fmt(a)}={fmt(b)},{tol})" if close(a, b, p["tolerance"]) else f"mismatch({fmt(a)}!={fmt(b)},{tol})"
            yield Finding(flag, tuple(f.id for f in figs))


def scale_slip(view: ArticleView, p: dict) -> Iterator[Finding]:
    groups: dict[tuple, list[Fig]] = defaultdict(list)
    for f in measured_levels(view.figs, p["vague_subjects"]):
        groups[(f.measure, f.claim.unit, f.claim.entities)].append(f)
    for members in groups.values():
        for (a, ta), (b, tb), figs in class_pairs(members, same=False):
            big, small = max(a, b), min(a, b)
            if (not ta or not tb or ta == tb) and close(big, p["ratio"] * small, p["tolerance"]):
                yield Finding(f"mismatch({fmt(big)}/{fmt(small)}={big / small:.4g})", tuple(f.id for f in figs))


def measured_levels(figs: list[Fig], vague: Iterable[str]) -> list[Fig]:
    """Levels with a subject of their own that says what is measured ("goods", "the figure" do
    not), the figures that may be compared as "the same measure"."""
    vague = set(vague)
    return [f for f in figs if f.claim.role == "level" and f.own_measure and f.measure not in vague]


def class_pairs(members: list[Fig], same: bool) -> Iterator[tuple[tuple[float, str], tuple[float, str], list[Fig]]]:
    """Pairs of (value, period) classes among figures of one measure, in text order, with the
    figures of both; with ``same``, a class also pairs with itself. Figures in one sentence only
    are no pair: two values of one measure in a sentence are a comparison ("rose to $5.9 billion
    from $5.2 billion"), and one value twice in it is no restatement. Working on classes keeps a
    measure stated many times linear in its figures."""
    classes: dict[tuple[float, str], list[Fig]] = defaultdict(list)
    for f in members:
        classes[(f.value, f.claim.time_value)].append(f)
    keys = list(classes)
    for i, first in enumerate(keys):
        for second in keys[i if same else i + 1:]:
            figs = classes[first] + (classes[second] if second != first else [])
            if len({f.claim.sentence_index for f in figs}) > 1:
                yield first, second, figs


def date_arithmetic(view: ArticleView, p: dict) -> Iterator[Finding]:
    units = p["units"]
    days = [d for d in view.dates if not d.relative and as_day(d.value)]
    day_sentences = [d.sentence_index for d in days]  # in text order, so sorted
    leads = "".join(rf"(?:{re.escape(word)}\s+)?" for word in p["lead_words"])
    pattern = re.compile(rf"^{leads}(\S+)\s+(" + "|".join(map(re.escape, units)) + r")\s+(\w+)$", re.I)
    for mention in view.dates:
        found = pattern.match(mention.text.strip())
        if not (mention.relative and found):
            continue
        count = read_count(found.group(1), view.number_words)
        direction = found.group(3).lower()
        if count is None or direction not in (*p["later_words"], *p["earlier_words"]):
            continue
        first = bisect_left(day_sentences, mention.sentence_index)
        stated = days[first:bisect_right(day_sentences, mention.sentence_index)]
        if len(stated) != 1 or first == 0:
            continue
        anchor, target = as_day(days[first - 1].value), as_day(stated[0].value)
        unit = found.group(2).lower()
        sign = 1 if direction in p["later_words"] else -1
        expected = shift(anchor, sign * count, unit, units[unit])
        shown = f"{anchor.isoformat()}{'+' if sign > 0 else '-'}{count:g} {unit}={expected.isoformat()}"
        flag = f"ok({shown})" if expected == target else f"mismatch({shown}!={target.isoformat()})"
        rows = (view.date_claims.get(mention.start), view.date_claims.get(stated[0].start))
        yield Finding(flag, tuple(claim_id for claim_id in rows if claim_id))


CHECKS: dict[str, Callable[..., Iterable[Finding]]] = {
    "sum-of-parts": sum_of_parts,
    "growth-vs-levels": growth_vs_levels,
    "from-to-change": from_to_change,
    "shares-over-100": shares_over_100,
    "doubled-halved": doubled_halved,
    "same-measure-two-values": same_measure_two_values,
    "scale-slip": scale_slip,
    "date-arithmetic": date_arithmetic,
}


# --- running the checks --------------------------------------------------------------------------


def check_consistency(claims: Sequence[Claim], dates: Sequence[DateMention], checks: Checks,
                      number_words: dict[str, float]) -> tuple[Claim, ...]:
    """The article's claims with each check's results appended to the ``flags`` of the claims
    they concern. Pure: the same claims and dates always give the same flags."""
    view = article_view(claims, dates, number_words, checks.from_to)
    flags: dict[str, dict[str, None]] = defaultdict(dict)  # an ordered set per claim
    for check in checks.checks:
        for finding in CHECKS[check.id](view, check.params):
            for claim_id in finding.claim_ids:
                flags[claim_id][f"consistency:{check.id}:{finding.flag}"] = None
    return tuple(replace(c, flags=";".join([*filter(None, c.flags.split(";")), *flags[c.claim_id]]))
                 if flags.get(c.claim_id) else c for c in claims)


def figures_of(claims: Sequence[Claim]) -> list[Fig]:
    """The figure claims with a single value, in text order, each with its measure: its own
    subject, else the subject of a figure of the same unit in the sentence just before."""
    figs: list[Fig] = []
    seen: dict[tuple[int, str], int] = defaultdict(int)
    last_measure: dict[tuple[int, str], str] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.kind == "date" or not claim.value or claim.value_low or claim.value_high:
            continue
        try:
            value = float(claim.value)
        except ValueError:
            continue
        occurrence = seen[(claim.sentence_index, claim.text)]
        seen[(claim.sentence_index, claim.text)] += 1
        own = normalize_measure(claim.subject)
        measure = own or last_measure.get((claim.sentence_index - 1, claim.unit), "")
        if measure:
            last_measure[(claim.sentence_index, claim.unit)] = measure
        figs.append(Fig(claim, value, measure, bool(own), words_before(claim.sentence, claim.text, occurrence)))
    return figs


def normalize_measure(subject: str) -> str:
    words = subject.lower().replace("’", "'").split()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def words_before(sentence: str, text: str, occurrence: int) -> str:
    """The sentence up to the ``occurrence``-th copy of the figure's text."""
    position = -1
    for _ in range(occurrence + 1):
        position = sentence.find(text, position + 1)
        if position < 0:
            return ""
    return sentence[:position]


def word_list(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def has_word(text: str, words: Iterable[str]) -> bool:
    return bool(set(word_list(text)) & set(words))


def ends_with_word(text: str, words: Iterable[str]) -> bool:
    found = word_list(text)
    return bool(found) and found[-1] in set(words)


def last_cue(text: str, groups: dict[str, list[str]]) -> tuple[str, ...] | None:
    """The cue list whose word comes last in ``text`` (the one nearest the figure)."""
    for word in reversed(word_list(text)):
        for cues in groups.values():
            if word in cues:
                return tuple(cues)
    return None


def names_of(fig: Fig) -> set[str]:
    return {name.strip().lower() for name in fig.claim.entities.split(";") if name.strip()}


def names_in(fig: Fig) -> set[str]:
    """The entities its subject names ("trade with China"): parts of it must name them too."""
    return {name for name in names_of(fig) if re.search(rf"\b{re.escape(name)}\b", fig.measure)}


def same_unit_period(a: Fig, b: Fig) -> bool:
    return a.claim.unit == b.claim.unit and a.claim.time_value == b.claim.time_value


def from_to_pair(start: Fig, view: ArticleView) -> tuple[Fig, Fig] | None:
    """``start`` and the figure it goes to in "from A to B" (or "to B from A"): the same unit, one
    right after a from-word, the other right after a to-word, in one sentence."""
    if not ends_with_word(start.before, view.from_to["from"]):
        return None
    ends = [f for f in view.sentence(start.claim.sentence_index) if f is not start
            and f.claim.unit == start.claim.unit and ends_with_word(f.before, view.from_to["to"])]
    return (start, ends[0]) if len(ends) == 1 else None


def close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def percent(fraction: float) -> str:
    return f"{fraction * 100:g}%"


def fmt(value: float, signed: bool = False) -> str:
    """A number short enough to read in a flag: 129000000000 -> 129e9, 139.7e9, 36, 2.5."""
    sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
    magnitude, exponent = abs(value), 0
    if magnitude >= 1e6:
        while magnitude >= 1000:
            magnitude, exponent = magnitude / 1000, exponent + 3
    text = f"{magnitude:.4g}"
    if "e" in text:  # 4 significant digits of a number of 10,000 or more
        text = f"{magnitude:.0f}"
    return sign + text + (f"e{exponent}" if exponent else "")


def as_year(value: str) -> int | None:
    return int(value) if re.fullmatch(r"\d{4}", value) else None


def as_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def read_count(word: str, number_words: dict) -> float | None:
    word = word.lower()
    if word.isdigit():
        return float(word)
    value = number_words.get(word)
    return float(value) if value is not None else None


def shift(day: date, count: float, unit: str, size: int) -> date:
    """``day`` moved by ``count`` units; ``size`` is days per unit for days and weeks."""
    if unit.startswith("month"):
        return day + relativedelta(months=int(count))
    if unit.startswith("year"):
        return day + relativedelta(years=int(count))
    return day + timedelta(days=count * size)


# --- loading and validating rules/consistency.yml --------------------------------------------------


def load_checks(path: Path = CONSISTENCY_FILE) -> Checks:
    checks, problems = read_checks(path)
    if problems:
        raise rule_problems(str(path), problems)
    return checks


def read_checks(path: Path = CONSISTENCY_FILE) -> tuple[Checks, list[str]]:
    """The checks and every problem with them: unknown keys, unknown or missing check ids,
    missing examples or counter-examples."""
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return Checks((), {}), [f"[{E_RULE}] {where}: cannot read ({' '.join(str(error).split())})"]
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        return Checks((), {}), [f"[{E_RULE}] {where}: expected a mapping with a 'checks' list"]
    from_to = data.get("from_to") or {}
    problems = [] if set(from_to) == {"from", "to"} else [f"[{E_RULE}] {where}: 'from_to' needs lists 'from' and 'to'"]
    checks = []
    for raw in data["checks"]:
        if not isinstance(raw, dict) or raw.get("id") not in CHECKS:
            problems.append(f"[{E_RULE}] {where}: unknown check {raw.get('id') if isinstance(raw, dict) else raw!r}"
                            f" (known: {', '.join(CHECKS)})")
            continue
        name = f"{where} check '{raw['id']}'"
        problems += [f"[{E_RULE}] {name}: unknown key '{k}'" for k in sorted(set(raw) - CHECK_KEYS)]
        examples, counters = raw.get("examples") or [], raw.get("counter_examples") or []
        if not examples or not counters:
            problems.append(f"[{E_RULE}] {name}: needs examples and counter_examples")
        for example in [*examples, *counters]:
            if not isinstance(example, dict) or "text" not in example or set(example) - EXAMPLE_KEYS:
                problems.append(f"[{E_RULE}] {name}: an example needs 'text' (and 'figure', 'flag'): {example!r}")
        checks.append(Check(raw["id"], raw.get("doc", ""), dict(raw.get("params") or {}),
                            tuple(examples), tuple(counters)))
    missing = set(CHECKS) - {c.id for c in checks}
    problems += [f"[{E_RULE}] {where}: check '{name}' is not configured" for name in sorted(missing)]
    return Checks(tuple(checks), {k: list(v) for k, v in from_to.items()}), problems
