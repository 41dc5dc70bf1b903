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
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from dateutil.relativedelta import relativedelta

from pipeline.errors import E_RULE, PipelineError
from pipeline.records import Claim, DateMention
from pipeline.rules import RULES_DIR

CONSISTENCY_FILE = RULES_DIR / "consistency.yml"
CHECK_KEYS = {"id", "doc", "params", "examples", "counter_examples"}
EXAMPLE_KEYS = {"text", "figure", "flag", "published"}
FROM_TO = {"from": ["from"], "to": ["to"]}
LEADING_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Check:
    id: str
    doc: str
    params: dict[str, Any]
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()


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


# --- the checks ----------------------------------------------------------------------------------


def sum_of_parts(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    levels = [f for f in figs if f.claim.role == "level" and f.claim.kind != "percent" and f.claim.time_value]
    for total in levels:
        if not has_word(total.measure, p["total_cues"]):
            continue
        for groups in p["parts"]:
            near = [f for f in levels if f is not total and same_unit_period(f, total) and f.value < total.value
                    and abs(f.claim.sentence_index - total.claim.sentence_index) <= p["max_sentence_gap"]]
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


def growth_vs_levels(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    for change in figs:
        c = change.claim
        if not (c.role == "change" and c.unit == "percent" and c.direction in ("up", "down")):
            continue
        if from_to_pair(change, figs, FROM_TO):
            continue  # "from A to B" with a change is the from-to-change check
        level = next((f for f in sentence_of(change, figs) if f.claim.start > c.start and f.claim.role == "level"
                      and f.claim.kind != "percent" and ends_with_word(f.before, ["to"])), None)
        year = level and as_year(level.claim.time_value)
        if level is None or year is None:
            continue
        previous = [f for f in figs if f.claim.role == "level" and f.claim.unit == level.claim.unit
                    and as_year(f.claim.time_value) == year - 1 and f.measure == level.measure and f.measure]
        if len(previous) != 1:
            continue
        factor = 1 + (change.value if c.direction == "up" else -change.value) / 100
        implied = level.value / factor
        stated = previous[0].value
        shown = f"{fmt(level.value)}/{factor:g}={fmt(implied)}"
        tol = f"tol {percent(p['tolerance'])}"
        flag = (f"ok({shown}~{fmt(stated)},{tol})" if close(implied, stated, p["tolerance"])
                else f"mismatch({shown}!={fmt(stated)},{tol})")
        yield Finding(flag, (change.id, level.id, previous[0].id))


def from_to_change(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    words = {"from": p["from_words"], "to": p["to_words"]}
    for start in figs:
        pair = from_to_pair(start, figs, words)
        if pair is None:
            continue
        a, b = pair
        for change in sentence_of(a, figs):
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


def shares_over_100(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    by_sentence: dict[int, list[Fig]] = defaultdict(list)
    for f in figs:
        if f.claim.role == "share" and f.claim.unit == "percent":
            by_sentence[f.claim.sentence_index].append(f)
    for shares in by_sentence.values():
        groups: list[list[Fig]] = []
        for index, f in enumerate(shares):
            home = next((g for g in groups if shares_one_total(g, f, shares[index - 1] if index else None, figs)), None)
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


def shares_one_total(group: list[Fig], share: Fig, previous: Fig | None, figs: list[Fig]) -> bool:
    """Whether ``share`` is of the same total as the shares of ``group``: the same period, and
    either listed right after the group's last share or of the same subject; never the two ends
    of "from A to B", which are one share at two times."""
    first = group[0]
    if first.claim.time_value != share.claim.time_value:
        return False
    if any(from_to_pair(f, figs, FROM_TO) in ((f, share), (share, f)) for f in group):
        return False
    listed = any(rule.endswith("@list") for rule in share.claim.rules.split("; ")) and group[-1] is previous
    return listed or (share.own_measure and share.measure == first.measure)


def doubled_halved(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    cues = p["cues"]
    for start in figs:
        pair = from_to_pair(start, figs, FROM_TO)
        if pair is None:
            continue
        a, b = pair
        words = set(re.findall(r"[a-z]+", a.claim.sentence.lower()))
        factors = {cues[w] for w in words if w in cues}
        if len(factors) != 1 or not a.value:
            continue
        factor = float(factors.pop())
        ratio = b.value / a.value
        shown = f"{fmt(b.value)}/{fmt(a.value)}={ratio:.3g}"
        tol = f"tol {percent(p['tolerance'])}"
        flag = (f"ok({shown}~{factor:g},{tol})" if close(ratio, factor, p["tolerance"])
                else f"mismatch({shown}!={factor:g},{tol})")
        yield Finding(flag, (a.id, b.id))


def same_measure_two_values(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    for first, second in measured_pairs(figs, p["vague_subjects"]):
        c1, c2 = first.claim, second.claim
        if not (c1.time_value and c1.time_value == c2.time_value and c1.entities == c2.entities):
            continue
        if not {c1.qualifier, c2.qualifier} <= {"exact", "approx"}:
            continue
        if max(first.value, second.value) >= p["max_ratio"] * min(first.value, second.value):
            continue  # that far apart it is a slip of scale (the scale-slip check), not a second estimate
        tol = f"tol {percent(p['tolerance'])}"
        flag = (f"ok({fmt(first.value)}={fmt(second.value)},{tol})" if close(first.value, second.value, p["tolerance"])
                else f"mismatch({fmt(first.value)}!={fmt(second.value)},{tol})")
        yield Finding(flag, (first.id, second.id))


def scale_slip(figs: list[Fig], dates: Sequence[DateMention], p: dict) -> Iterator[Finding]:
    for first, second in measured_pairs(figs, p["vague_subjects"]):
        t1, t2 = first.claim.time_value, second.claim.time_value
        if t1 and t2 and t1 != t2:
            continue
        if close(max(first.value, second.value), p["ratio"] * min(first.value, second.value), p["tolerance"]):
            big, small = max(first, second, key=lambda f: f.value), min(first, second, key=lambda f: f.value)
            yield Finding(f"mismatch({fmt(big.value)}/{fmt(small.value)}={big.value / small.value:.4g})",
                          (first.id, second.id))


def date_arithmetic(figs: list[Fig], dates: Sequence[DateMention], p: dict, number_words: dict | None = None) -> Iterator[Finding]:
    units = p["units"]
    pattern = re.compile(r"^(?:just\s+|some\s+|about\s+)?(\S+)\s+(" + "|".join(map(re.escape, units)) + r")\s+(\w+)$", re.I)
    for mention in dates:
        found = pattern.match(mention.text.strip())
        if not (mention.relative and found):
            continue
        count = read_count(found.group(1), number_words or {})
        direction = found.group(3).lower()
        if count is None or direction not in (*p["later_words"], *p["earlier_words"]):
            continue
        stated = [d for d in dates if d.sentence_index == mention.sentence_index and not d.relative and as_day(d.value)]
        anchors = [d for d in dates if d.sentence_index < mention.sentence_index and not d.relative and as_day(d.value)]
        if len(stated) != 1 or not anchors:
            continue
        anchor, target = as_day(anchors[-1].value), as_day(stated[0].value)
        unit = found.group(2).lower()
        sign = 1 if direction in p["later_words"] else -1
        expected = shift(anchor, sign * count, unit, units[unit])
        shown = f"{anchor.isoformat()}{'+' if sign > 0 else '-'}{count:g} {unit}={expected.isoformat()}"
        flag = f"ok({shown})" if expected == target else f"mismatch({shown}!={target.isoformat()})"
        yield Finding(flag, (f"@{mention.start}", f"@{stated[0].start}"))


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


def check_consistency(claims: Sequence[Claim], dates: Sequence[DateMention], checks: Sequence[Check],
                      number_words: dict[str, float]) -> tuple[Claim, ...]:
    """The article's claims with each check's results appended to the ``flags`` of the claims
    they concern. Pure: the same claims and dates always give the same flags."""
    figs = figures_of(claims)
    by_start = {c.start: c.claim_id for c in claims if c.kind == "date"}
    flags: dict[str, list[str]] = defaultdict(list)
    for check in checks:
        run = CHECKS[check.id]
        extra = {"number_words": number_words} if check.id == "date-arithmetic" else {}
        for finding in run(figs, dates, check.params, **extra):
            for claim_id in finding.claim_ids:
                claim_id = by_start.get(int(claim_id[1:]), "") if claim_id.startswith("@") else claim_id
                flag = f"consistency:{check.id}:{finding.flag}"
                if claim_id and flag not in flags[claim_id]:
                    flags[claim_id].append(flag)
    return tuple(replace(c, flags=";".join([*filter(None, c.flags.split(";")), *flags[c.claim_id]]))
                 if flags.get(c.claim_id) else c for c in claims)


def figures_of(claims: Sequence[Claim]) -> list[Fig]:
    """The figure claims with a single value, in text order, each with its measure: its own
    subject, else the subject of a figure of the same unit in the sentence just before."""
    figs: list[Fig] = []
    seen: dict[tuple[int, str], int] = defaultdict(int)
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
        measure = own or next((f.measure for f in reversed(figs) if f.claim.sentence_index == claim.sentence_index - 1
                               and f.claim.unit == claim.unit and f.measure), "")
        figs.append(Fig(claim, value, measure, bool(own), words_before(claim.sentence, claim.text, occurrence)))
    return figs


def normalize_measure(subject: str) -> str:
    words = subject.lower().replace("’", "'").split()
    while words and (words[0] in LEADING_WORDS or words[0].endswith("'s")):
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


def sentence_of(fig: Fig, figs: list[Fig]) -> list[Fig]:
    return [f for f in figs if f.claim.sentence_index == fig.claim.sentence_index]


def same_unit_period(a: Fig, b: Fig) -> bool:
    return a.claim.unit == b.claim.unit and a.claim.time_value == b.claim.time_value


def from_to_pair(start: Fig, figs: list[Fig], words: dict[str, list[str]]) -> tuple[Fig, Fig] | None:
    """``start`` and the figure it goes to in "from A to B" (or "to B from A"): the same unit, one
    right after a from-word, the other right after a to-word, in one sentence."""
    if not ends_with_word(start.before, words["from"]):
        return None
    ends = [f for f in sentence_of(start, figs) if f is not start and f.claim.unit == start.claim.unit
            and ends_with_word(f.before, words["to"])]
    return (start, ends[0]) if len(ends) == 1 else None


def measured_pairs(figs: list[Fig], vague: Iterable[str]) -> Iterator[tuple[Fig, Fig]]:
    """Pairs of levels with the same own subject and unit, each pair once, in text order. A
    subject that says nothing of what is measured ("goods", "the figure") pairs with nothing."""
    vague = set(vague)
    levels = [f for f in figs if f.claim.role == "level" and f.own_measure and f.measure not in vague]
    for i, first in enumerate(levels):
        for second in levels[i + 1:]:
            if first.measure == second.measure and first.claim.unit == second.claim.unit:
                yield first, second


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


def load_checks(path: Path = CONSISTENCY_FILE) -> tuple[Check, ...]:
    checks, problems = read_checks(path)
    if problems:
        raise PipelineError(E_RULE, str(path), f"{len(problems)} problem(s):\n" + "\n".join(problems))
    return checks


def read_checks(path: Path = CONSISTENCY_FILE) -> tuple[tuple[Check, ...], list[str]]:
    """The checks and every problem with them: unknown keys, unknown or missing check ids,
    missing examples or counter-examples."""
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return (), [f"[{E_RULE}] {where}: cannot read ({' '.join(str(error).split())})"]
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        return (), [f"[{E_RULE}] {where}: expected a mapping with a 'checks' list"]
    checks, problems = [], []
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
    return tuple(checks), problems
