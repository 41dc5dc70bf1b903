"""The consistency checks, one function per check id of ``rules/consistency.yml``. Each reads the
article's figures and dates (an ArticleView) with the check's parameters and yields Findings, e.g.
``ok(129e9+111e9=240e9,tol 2%)`` on a total and its two parts."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from pipeline.checks.figures import Fig, ends_with_word, fmt, has_word, last_cue, off_range, relative_range, word_list
from pipeline.checks.view import ArticleView, Finding, from_to_pair, from_to_pairs
from pipeline.records import Claim


def sum_of_parts(view: ArticleView, p: dict) -> Iterator[Finding]:
    """A total against the sum of its parts: trade of $240 billion, imports of $129 billion and
    exports of $111 billion."""
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
    """A growth rate against the levels it links: "grew by 36 percent to $190 billion" in 2022
    against the 2021 level."""
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
    """"From A to B" against the change stated with it: "rose by $2 billion from $5 billion to
    $7 billion". A and B are rounded as written, so the change may be anything their last digits
    allow: "38% to $18.3 million from $13.2 million" (37.7% to 39.5%) is no mismatch."""
    for pair in from_to_pairs(view):
        a, b = pair
        spread = a.half_step + b.half_step
        for change in view.sentence(a.claim.sentence_index):
            c = change.claim
            if c.role != "change" or change in pair or not about_pair(change, pair, view):
                continue
            sign = -1.0 if c.direction == "down" else 1.0
            stated = sign * change.value
            if c.unit == a.claim.unit and c.unit not in ("percent", "percentage_point"):
                actual = b.value - a.value
                shown = f"{fmt(a.value)}->{fmt(b.value)}={fmt(actual, True)}"
                ok = close(actual, stated, p["tolerance"]) or abs(actual - stated) <= spread
                tol, stated_text = f"tol {percent(p['tolerance'])}", fmt(stated, True)
            elif c.unit in ("percent", "percentage_point"):
                relative = relative_range(a, b)
                gain = b.value - a.value
                points = (gain, (gain - spread, gain + spread)) if a.claim.unit == "percent" else None
                if c.unit == "percent" and a.claim.unit != "percent":
                    candidates = [relative]
                elif c.unit == "percent":
                    candidates = [relative, points]
                else:
                    candidates = [points]
                found = [x for x in candidates if x is not None]
                if not found:
                    continue
                best, best_range = min(found, key=lambda x: off_range(stated, x[1]))
                suffix = "%" if c.unit == "percent" else " points"
                shown = f"{fmt(a.value)}->{fmt(b.value)}={best:+.3g}{suffix}"
                ok = off_range(stated, best_range) <= p["percent_tolerance_points"]
                tol, stated_text = f"tol {p['percent_tolerance_points']:g} points", f"{stated:+g}{suffix}"
            else:
                continue
            flag = f"ok({shown},{tol})" if ok else f"mismatch({shown}!={stated_text},{tol})"
            yield Finding(flag, (change.id, a.id, b.id))


def about_pair(change: Fig, pair: tuple[Fig, Fig], view: ArticleView) -> bool:
    """Whether a change of the sentence is the change from A to B: one the parse links with them,
    when it links any change with them; else any not linked with other figures. "profit rose 12%
    to $41 million from $36.6 million on a 30% rise in sales": 30% is of sales."""
    linked = {i for end in pair for i in end.linked}
    theirs = {f.id for f in view.sentence(change.claim.sentence_index) if f.claim.role == "change"} & linked
    if theirs:
        return change.id in theirs
    return not change.linked or bool(change.linked & {end.id for end in pair})


def shares_over_100(view: ArticleView, p: dict) -> Iterator[Finding]:
    """Shares of one total listed together must not add to more than 100 percent: "cars (20
    percent), phones (15 percent)"."""
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
    """"Doubled", "tripled", "halved" against the two values of "from A to B"."""
    cues = p["cues"]
    for a, b in from_to_pairs(view):
        first = min((a, b), key=lambda f: f.claim.start)
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
    """One measure stated with two values for one period in different sentences: "$240 billion"
    here, "$250 billion" there. Only figures whose period the text states (not a default such as
    the publication date) and whose party their own sentence names are compared; a mismatch
    says which sentences and what they share ("sentences 0+1,revenue|USD|2023|Acme")."""
    groups: dict[tuple, list[Fig]] = defaultdict(list)
    for f in measured_levels(view.figs, p["vague_subjects"]):
        c = f.claim
        if (c.time_value and c.time_source not in p["unstated_periods"] and c.qualifier in ("exact", "approx")
                and party_named(c)):
            groups[(f.measure, c.unit, c.time_value, c.entities)].append(f)
    tol = f"tol {percent(p['tolerance'])}"
    for (measure, unit, period, entities), members in groups.items():
        for (a, _), (b, _), figs in class_pairs(members, same=True, gap=p["max_sentence_gap"]):
            if max(a, b) >= p["max_ratio"] * min(a, b):
                continue  # that far apart it is a slip of scale (the scale-slip check), not a second estimate
            where = "+".join(str(i) for i in sorted({f.claim.sentence_index for f in figs}))
            flag = (f"ok({fmt(a)}={fmt(b)},{tol})" if close(a, b, p["tolerance"]) else
                    f"mismatch({fmt(a)}!={fmt(b)},{tol},sentences {where},{measure}|{unit}|{period}|{entities})")
            yield Finding(flag, tuple(f.id for f in figs))


def party_named(claim: Claim) -> bool:
    """Whether a figure's own sentence names whose figure it is: its entities are not only the
    topic of the paragraph or the headline ("Among college graduates, the rate was 2.7
    percent" under a headline about Europe names no party). A name counts when its first word is
    in the sentence ("Northwind" for Northwind Steel Corp.)."""
    names = [name for name in claim.entities.split("; ") if name]
    words = set(re.findall(r"\w+", claim.sentence.lower()))
    return bool(names) and all(_first_word(name) in words for name in names)


def _first_word(name: str) -> str:
    found = re.findall(r"\w+", name.lower())
    return found[0] if found else ""


def scale_slip(view: ArticleView, p: dict) -> Iterator[Finding]:
    """Two values of one measure a scale word apart (a million/billion slip): "$240 billion" and
    "$240 million"."""
    groups: dict[tuple, list[Fig]] = defaultdict(list)
    for f in measured_levels(view.figs, p["vague_subjects"]):
        groups[(f.measure, f.claim.unit, f.claim.entities)].append(f)
    for members in groups.values():
        for (a, ta), (b, tb), figs in class_pairs(members, same=False, gap=p["max_sentence_gap"]):
            big, small = max(a, b), min(a, b)
            if (not ta or not tb or ta == tb) and close(big, p["ratio"] * small, p["tolerance"]):
                yield Finding(f"mismatch({fmt(big)}/{fmt(small)}={big / small:.4g})", tuple(f.id for f in figs))


def measured_levels(figs: list[Fig], vague: Iterable[str]) -> list[Fig]:
    """Levels with a subject of their own that says what is measured ("goods", "the figure" and a
    party's bare name do not), the figures that may be compared as "the same measure"."""
    vague = set(vague)
    return [f for f in figs if f.claim.role == "level" and f.own_measure and f.measure not in vague
            and not f.names_party_only]


ValueClass = tuple[float, str]
"""A value and a period, as class_pairs groups a measure's figures."""


def class_pairs(members: list[Fig], same: bool, gap: int) -> Iterator[tuple[ValueClass, ValueClass, list[Fig]]]:
    """Pairs of (value, period) classes among figures of one measure, in text order, with the
    figures of both; with ``same``, a class also pairs with itself. Two classes pair only when a
    figure of one is at most ``gap`` sentences from a figure of the other, in another sentence:
    two values of one measure in a sentence are a comparison ("rose to $5.9 billion from $5.2
    billion"), one value twice in it is no restatement, and a figure hundreds of sentences away
    in a very long text is rarely the same measure. Working on each sentence's classes and within
    the window keeps a measure stated many times, in an article of any length, linear in its
    figures, however many of them one sentence holds."""
    classes: dict[ValueClass, list[Fig]] = defaultdict(list)
    for f in members:
        classes[(f.value, f.claim.time_value)].append(f)
    number = {key: i for i, key in enumerate(classes)}
    keys = list(classes)
    in_sentence: dict[int, set[int]] = defaultdict(set)  # a sentence's classes: its figures of one value count once
    for f in members:
        in_sentence[f.claim.sentence_index].add(number[(f.value, f.claim.time_value)])
    placed = sorted(in_sentence.items())
    paired: set[tuple[int, int]] = set()
    for here, (sentence, firsts) in enumerate(placed):
        for later in range(here + 1, len(placed)):  # not a copy of the rest for each sentence
            other, seconds = placed[later]
            if other - sentence > gap:
                break
            paired.update((min(first, second), max(first, second)) for first in firsts for second in seconds
                          if same or first != second)
    for first, second in sorted(paired):
        yield keys[first], keys[second], classes[keys[first]] + (classes[keys[second]] if second != first else [])


def date_arithmetic(view: ArticleView, p: dict) -> Iterator[Finding]:
    """A stated date against the date it is said to be from another: "May 31 ... three months
    later, on August 30"."""
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


def names_of(fig: Fig) -> set[str]:
    """The claim's entities, lower-cased: "China; Russia" -> {"china", "russia"}."""
    return {name.strip().lower() for name in fig.claim.entities.split(";") if name.strip()}


def names_in(fig: Fig) -> set[str]:
    """The entities its subject names ("trade with China"): parts of it must name them too."""
    return {name for name in names_of(fig) if re.search(rf"\b{re.escape(name)}\b", fig.measure)}


def same_unit_period(a: Fig, b: Fig) -> bool:
    """Whether two figures can be added or compared: the same unit and the same time scope."""
    return a.claim.unit == b.claim.unit and a.claim.time_value == b.claim.time_value


def close(a: float, b: float, tolerance: float) -> bool:
    """Whether two numbers agree within ``tolerance`` of the larger: 236e9 and 240e9 within 0.02."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def percent(fraction: float) -> str:
    """A tolerance as a flag shows it: 0.02 -> "2%"."""
    return f"{fraction * 100:g}%"


def as_year(value: str) -> int | None:
    """The year of a time value that is one ("2022" -> 2022); None for a month, a span or a decade."""
    return int(value) if re.fullmatch(r"\d{4}", value) else None


def as_day(value: str) -> date | None:
    """The day of a time value that is one ("2022-02-04"); None for anything coarser and for a day
    no calendar has ("2023-02-30")."""
    try:
        return date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def read_count(word: str, number_words: dict) -> float | None:
    """The number in "20 days" or "three weeks": digits or a number word; None for anything else."""
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

