"""Dates the scoper reads as one period of the figures, where the rules read two.

- Months without a year, then "of" and their year: "between April and June of 2011" is
  2007-09/2007-10 for the figures (``with_year_after``).
- A range whose two ends the rules read apart, a day and a weekday: "bought 254,000 shares between
  May 2 and Friday" is the days from May 2 to that Friday (``with_range_ends``); "from Sept. 14 to
  Thursday" is one date of the rules already (``date-day-to-weekday``). Counter-example: "rose from 4% in May to 5% in June" (the two
  dates are each a figure's) stays two dates.

The date rows keep what the rules read.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.time.anchoring import RANGE_WORDS
from pipeline.time.scope import is_single_day


def with_year_after(doc: Doc, dated: list[tuple[Span, object]]) -> list[tuple[Span, object]]:
    """'between April and June of 2011', 'from March to June of 2008': months read without
    a year, followed by "of" and the year they are in, are one period of that year (the months of
    the later end fall in it, an earlier start that would come after it in the year before)."""
    out = list(dated)
    for i in range(len(out) - 1, 0, -1):
        (months, mention), (year, named) = out[i - 1], out[i]
        ends = mention.value.split("/")
        if (year.start != months.end + 1 or doc[months.end].lower_ != "of" or not re.fullmatch(r"\d{4}", named.value)
                or not all(re.fullmatch(r"\d{4}-\d\d", end) for end in ends)):
            continue
        moved = [f"{named.value}-{end[5:]}" for end in ends]
        if len(moved) == 2 and moved[0] > moved[1]:
            moved[0] = f"{int(named.value) - 1}-{ends[0][5:]}"
        whole = doc[months.start:year.end]
        out[i - 1:i + 1] = [(whole, replace(mention, value="/".join(moved), text=whole.text))]
    return out


def with_range_ends(doc: Doc, dated: list[tuple[Span, object]]) -> list[tuple[Span, object]]:
    """'between May 2 and Friday', 'from May 2 to May 9': two days the rules read apart,
    written as the two ends of one range, are one period for the figures, from the first day to the
    second (the opening word in its span, so the range is not read as a comparison's base)."""
    out = list(dated)
    for i in range(len(out) - 1, 0, -1):
        (first, start), (last, end) = out[i - 1], out[i]
        opener = doc[first.start - 1].lower_ if first.start > 0 else ""
        if (last.start != first.end + 1 or (opener, doc[first.end].lower_) not in RANGE_WORDS
                or not (is_single_day(start.value) and is_single_day(end.value)) or start.value >= end.value):
            continue
        whole = doc[first.start - 1:last.end]
        out[i - 1:i + 1] = [(whole, replace(start, value=f"{start.value}/{end.value}", text=whole.text))]
    return out
