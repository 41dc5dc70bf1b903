"""The figure a time expression belongs to, when it qualifies one rather than its clause.

"to 6.1 per cent from 6.2 per cent in August": the month dates the base, 6.2 per cent, and not
the 6.1 per cent the sentence reports; "the 19.2 percent recorded in March" and "its March 3
low of 2140.55" date the figure the participle or the noun describes. The scoper gives such a
date to its owner alone; the bases of a change ("from 6.2 per cent", "than 2%") are found here
too, since a date right after one is the base's.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head
from pipeline.time.relatives import noun_after, relative_on


def owning_figure(span: Span, figures: list[Span], comparison_heads: frozenset[str] = frozenset()) -> Span | None:
    """The figure a time expression qualifies: "6.2 per cent in August", "the 19.2 percent
    recorded in March", "the 11.1 per cent peak reached in October 2022", "its March 2023 low of
    2140.55". Found by walking up the parse from the expression to its clause's verb, through
    participles and relative clauses that describe a noun and the "when" clauses that date them
    ("the 6.2 million who were jobless when the slump began in March 2007"); a comparison word met
    first ("1.6 degrees above the 1850-1900 average") means the date is the base the figure is
    measured against."""
    doc = span.doc
    bases = restated_alternatives([is_base_figure(figure) for figure in figures], figures)
    for figure, base in zip(figures, bases):  # "to 6.1 per cent from 6.2 per cent in August": the base's date
        if base and span.start >= figure.end and _right_after(doc[figure.end:span.start]):
            return figure
    if (after := noun_after(span)) is not None and (measured := _of_figure(after, span, figures)) is not None:
        return measured  # "its March 3, 2023 low of 2140.55", however the parse hangs the date
    if (described := relative_on(span, figures)) is not None:
        return described  # "over $2,400, which was set on April 3"
    nouns = {_described_noun(f): f for f in figures}
    token, described = span.root, None
    while token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):  # "its record high set on Aug. 6": the date of the high
            described = token.head
        token = token.head
        if token.lower_ in comparison_heads:
            return None
        for figure in figures:
            if figure.start <= token.i < figure.end:  # not "within 45 points of its peak set on May 12"
                return figure if described is None or figure.start <= described.i < figure.end else None
        if token.i in nouns:
            return nouns[token.i]
        if (measured := _of_figure(token, span, figures)) is not None:
            return measured
        if token.dep_ == "advcl" and token.head.dep_ in ("acl", "relcl") and any(c.lower_ == "when" for c in
                                                                                   token.children):
            continue  # "the 6.2 million who were jobless when the slump began in March 2007": the slump's month
        if token.pos_ in ("VERB", "AUX") and (token.dep_ not in ("acl", "relcl") or any(
                clause_head(f.root).i == token.i for f in figures)):  # "a plan to cut 6,000 jobs by year end"
            return None
    return None


def _right_after(between: Span) -> bool:
    """Whether a date follows a figure with at most one preposition and commas between them ("or
    52 cents, in the year-ago quarter"): read up to the second other word, not the whole stretch,
    since a sentence's figures far from the date were each read up to it."""
    words = 0
    for token in between:
        if token.text != ",":
            words += 1
            if words > 1 or token.pos_ != "ADP":
                return False
    return True


def _of_figure(noun: Token, span: Span, figures: list[Span]) -> Span | None:
    """'its March 3, 2023 low of 2140.55', 'a cut of $300 million by the end of the year':
    the figure a noun the date modifies (straight or through its preposition) is the amount of."""
    head = span.root.head
    if noun.i not in (head.i, head.head.i if head.pos_ == "ADP" else head.i, span.end) \
            or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    objects = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return next((f for f in figures for g in objects if f.start <= g.i < f.end), None)


def is_base_figure(figure: Span) -> bool:
    """'from 6.2 per cent', 'from roughly 10 million bpd', 'than 2%': the figure a change or a
    comparison starts from (its own modifiers, "roughly", are passed over)."""
    start, doc = figure.start, figure.doc
    while start > 0 and doc[start - 1].dep_ in ("advmod", "quantmod") and doc[start - 1].head.i >= figure.start:
        start -= 1
    return start > 0 and doc[start - 1].lower_ in ("from", "than", "with")


def restated_alternatives(flags: list[bool], figures: list[Span]) -> list[bool]:
    """``flags`` passed on to the figures that restate a flagged one as an alternative: in "from
    $41 million, or 52 cents a share", 52 cents is a base as $41 million is."""
    out = list(flags)
    for i in range(1, len(figures)):
        if out[i - 1] and restates_as_alternative(figures[i - 1], figures[i]):
            out[i] = True
    return out


def restates_as_alternative(first: Span, second: Span) -> bool:
    """'$41 million, or 52 cents a share': the second figure is the first said another way."""
    return [t.lower_ for t in second.doc[first.end:second.start]] in (["or"], [",", "or"])


def _described_noun(figure: Span) -> int:
    """'the 11.1 per cent peak': the noun a figure modifies, else the figure's own root."""
    return figure.root.head.i if figure.root.dep_ in ("compound", "amod", "nmod", "nummod") else figure.root.i
