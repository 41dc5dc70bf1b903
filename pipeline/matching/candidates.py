"""The spans extraction rules matched, and which of the overlapping ones are kept: exclusions drop
the figures they touch, then the longest span wins, then the rule's priority, then the label
order, then the rule's order in ``rules/``.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from pipeline.rules import EXTRACTION_LABELS, Rule

LABEL_ORDER = ("date", "money", "percent", "quantity", "count")
"""Which label wins between equally long spans of equal priority."""


class Candidate(NamedTuple):
    """A span a rule matched, in tokens; ``label`` is the kind it was matched as. A named tuple, made
    in half the time of a frozen dataclass: one is made for every match of every rule."""

    start: int
    end: int
    label: str
    rule: Rule


def resolve_overlaps(candidates: list[Candidate], usable: Callable[[Candidate], bool] = lambda c: True) -> list[Candidate]:
    """Drop figures that touch an exclusion, then keep the best of overlapping spans; between
    equals, the one that comes first in ``candidates``. Candidates that are not ``usable`` (their
    guards fail, say) count as absent; the test is made only of exclusions and of candidates that
    overlap none kept so far, as only those can matter."""
    excluded = {i for c in candidates if c.label == "exclude" and usable(c) for i in range(c.start, c.end)}
    kept = [c for c in candidates if c.label in EXTRACTION_LABELS and c.label != "exclude"
            and not (c.label != "date" and any(i in excluded for i in range(c.start, c.end)))]
    kept.sort(key=lambda c: (-(c.end - c.start), -c.rule.priority, LABEL_ORDER.index(c.label), c.start))
    taken: set[int] = set()
    chosen = []
    for cand in kept:
        if any(i in taken for i in range(cand.start, cand.end)) or not usable(cand):
            continue
        taken.update(range(cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def overlaps(a, b) -> bool:
    """Whether two token ranges (candidates or spans: anything with start and end) overlap."""
    return a.start < b.end and b.start < a.end


TENS = range(20, 100, 10)

SIGN_WORDS = ("minus", "negative", "\u2212")
"""Words that make the number after them negative ("minus 20 degrees", "negative 0.5 percent"), and
the typeset minus sign the tokenizer splits from its digits ("\u221218C")."""


def joined_number(doc, start: int, end: int, number_words: dict, and_scales: frozenset[str],
                  fractions: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The span of a figure widened over the rest of a number written in words that the rules cut
    at "and" or a hyphen: "one hundred and sixteen" (a rule matched "one hundred"), "two hundred
    and fifty people" ("fifty people"), "three thousand two hundred and fifty troops", "twenty-one
    trillion" ("one trillion"), "one in twenty-one" ("one in twenty"), "three thousand nine
    hundred" ("three thousand"), or before its scale: "a quarter million people" ("million
    people"), and over a fraction: "five and a half million people" ("a half million people"), "3
    million and a quarter" ("3 million"). Runs of spaces between the words are stepped over. ``(start,
    end)`` when there is nothing to join; never over a small number that counts a noun of its own
    ("$2 million and ten jobs")."""
    def value(i: int) -> float | None:
        return number_words.get(doc[i].lower_) if 0 <= i < len(doc) else None

    def small(i: int) -> bool:  # a number word below a hundred
        return (value(i) or 100) < 100

    def number(i: int) -> bool:
        return i >= 0 and (doc[i].like_num or doc[i].lower_ in ("a", "an"))

    def before(i: int) -> int:  # the word before token i, over spaces ("two  thousand")
        i -= 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        return i

    new_start = start
    if start >= 2 and doc[start - 1].lower_ == "point" and value(start) is not None and doc[start - 2].like_num:
        new_start = start - 2  # "three point" before "two percent"
        while new_start >= 1 and doc[new_start - 1].like_num and doc[new_start - 1].is_alpha:
            new_start -= 1  # "two hundred point"
        return new_start, end
    margin = start >= 2 and (doc[start - 2].lower_ in ("/", "plus")
                             or doc[start - 2].lower_ == "or" and start >= 3 and doc[start - 3].lower_ == "plus")
    if start >= 1 and doc[start - 1].lower_ in SIGN_WORDS and doc[start].like_num and not margin:
        return start - 1, end  # "minus 20 degrees", "4 kelvin, or minus 269"; "plus or minus 50 basis points" is a margin
    while True:
        one, two = before(new_start), before(before(new_start))
        if new_start >= 2 and _hyphenated_tens(doc, new_start - 2, value):
            new_start -= 2  # "twenty-" before "one trillion"
        elif two >= 1 and small(new_start) and doc[one].lower_ == "and" \
                and doc[two].lower_ in and_scales and number(before(two)):
            new_start = before(two)  # "two hundred and" before "fifty people"
        elif one >= 1 and new_start < start and doc[one].lower_ in and_scales and number(before(one)):
            new_start = before(one)  # "three thousand" before "two hundred and fifty"
        elif new_start == start and _half_after_and(doc, new_start) is not None and number(_half_after_and(doc, new_start)):
            new_start = _half_after_and(doc, new_start)  # "five and" before "a half million people"
            break
        elif new_start == start and doc[new_start].lower_ in and_scales and new_start >= 1 \
                and doc[new_start - 1].lower_ in fractions:
            new_start -= 1  # "quarter" before "million people"
            if new_start >= 1 and (doc[new_start - 1].lower_ in ("a", "an") or small(new_start - 1)):
                new_start -= 1  # "a quarter", "three quarters"
            break
        else:
            break
    if end >= 1 and _hyphenated_tens(doc, end - 1, value):
        return new_start, end + 2  # "one in twenty" and "-one"
    if (doc[end - 1].lower_ in and_scales and end + 2 < len(doc) and doc[end].lower_ == "and"
            and (doc[end + 1].lower_ in ("a", "an", "one") or small(end + 1)) and doc[end + 2].lower_ in fractions
            and not (end + 3 < len(doc) and (doc[end + 3].pos_ in ("NOUN", "PROPN", "NUM") or doc[end + 3].like_num))):
        return new_start, end + 3  # "3 million" and "and a half", "and a quarter"
    new_end = _rest_after_scale(doc, end, and_scales, value, small)
    def digit(i: int) -> bool:  # a number word said after "point": "zero" too
        return (value(i) if value(i) is not None else 100) < 100

    if new_end + 1 < len(doc) and doc[new_end].lower_ == "point" and doc[new_end - 1].like_num and digit(new_end + 1):
        new_end += 2  # "two hundred" and "point zero three"
        while new_end < len(doc) and (digit(new_end) or (doc[new_end].text == "-" and digit(new_end + 1))):
            new_end += 1
    return new_start, new_end


def _rest_after_scale(doc, end: int, and_scales: frozenset[str], value: Callable, small: Callable) -> int:
    """Where a number in words ends that goes on after the scale word at ``end - 1``: over "and"
    and a number below a hundred ("one hundred and sixty-one", "and thirty one"), and over a
    number word with a scale of its own ("three thousand nine hundred", "one thousand and five
    hundred"); ``end`` when nothing goes on. A number joined by "and" that counts a noun of its
    own stays apart ("$2 million and ten jobs")."""
    def after(i: int) -> int:  # token i, or the word after the spaces at i
        while i < len(doc) and doc[i].is_space:
            i += 1
        return i

    at = end
    while at >= 1 and doc[at - 1].lower_ in and_scales:
        first = after(at)
        joined = first < len(doc) and doc[first].lower_ == "and"
        first = after(first + 1) if joined else first
        last = _small_number_end(doc, first, value, small)
        nxt = after(last)
        spelled = at >= 2 and doc[at - 2].is_alpha  # "three thousand nine hundred", not "$5 million two hundred"
        if last > first and nxt < len(doc) and doc[nxt].lower_ in and_scales and (joined or spelled):
            at = nxt + 1  # "nine hundred", "and five hundred": a part with a scale of its own
            continue
        if last > first and joined and not (nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN")):
            at = last  # "and sixteen"; "and ten jobs" counts jobs
        break
    return at


def _small_number_end(doc, i: int, value: Callable, small: Callable) -> int:
    """The end of a number in words below a hundred that starts at token ``i`` ("five",
    "sixty-one", "thirty one"); ``i`` when none does."""
    if i >= len(doc) or not small(i):
        return i
    if _hyphenated_tens(doc, i, value):
        return i + 3
    if value(i) in TENS and 1 <= (value(i + 1) or 0) <= 9:
        return i + 2
    return i + 1


def _hyphenated_tens(doc, i: int, value: Callable) -> bool:
    """Whether tokens ``i`` to ``i + 2`` are a tens word, a hyphen and a unit ("twenty - one")."""
    return (i + 2 < len(doc) and doc[i + 1].text == "-" and value(i) in TENS
            and 1 <= (value(i + 2) or 0) <= 9)


def _half_after_and(doc, start: int) -> int | None:
    """Where the whole number starts whose "and a half" a span starts with ("five and a half
    million": the span "a half million" or "half million" starts at "a" or "half"); None if the
    span starts with no "a half" after "and" and a number."""
    at = start - 1 if doc[start].lower_ == "half" and start >= 1 and doc[start - 1].lower_ in ("a", "an") else start
    if doc[at].lower_ not in ("a", "an") or at < 2 or doc[at - 1].lower_ != "and" or doc[at - 2].lower_ in ("a", "an"):
        return None
    return at - 2


def without_compound_number(doc, start: int, end: int) -> int:
    """The end of a figure span that a rule ran into the number of a hyphenated word after it:
    in "a $31 million one-time gain" or "5,000 two-year bonds" the "one" and "two" describe the
    next noun, so "$31 million" and "5,000" end before them."""
    if (end - start > 1 and end + 1 < len(doc) and doc[end - 1].like_num and doc[end].text == "-"
            and doc[end + 1].is_alpha and not doc[end + 1].like_num and doc[end - 2].like_num):
        return end - 1
    return end
