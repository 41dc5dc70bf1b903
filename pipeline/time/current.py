"""The figure a "now" or "currently" stands beside, which it makes current whatever else its clause dates.

"The debt, currently at 95% of GDP, will rise to 120% in 2014": the forecast year dates the
120%, but "currently" right before the 95% says that one is the level at the time of writing. A
"now" further off in the clause ("it now sees sales of $21 billion for fiscal 2025") only says
when something is said, and gives way to a date of its clause.
"""
from __future__ import annotations

from spacy.tokens import Span


def beside_now(span: Span, reference: str, figures: list[Span]) -> Span | None:
    """The figure right after a "now" or "currently" ("currently at 95%", "now 41% of the
    total"; a preposition may come between) or right before it ("stands at 95% now"), else
    None; ``reference`` is the date's, "present" for such words."""
    if reference != "present":
        return None
    doc = span.doc
    after = span.end + int(span.end < len(doc) and doc[span.end].pos_ == "ADP")
    return next((f for f in figures if f.start == after or f.end == span.start), None)
