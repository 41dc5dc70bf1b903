"""The period of a stake told as what a company is: the day the article speaks for.

"The 45% state-owned Norsk Kjemi had 9 million kroner of charges in the third quarter" and
"Vestra, 60%-owned by the Halvorsen family, earned $5 million in the quarter" describe the company
as it is when the story is told: such a stake is checked against the article's day
(``time_source`` `published`), not the quarter or the year its clause reports. A stake is a
percent before a participle of holding (``holding_participles`` in rules/lexicons.yml: "owned",
"state-owned", "controlled") that describes a noun ("the 45% state-owned maker", "Vestra,
60%-owned by ..."). Counter-examples: "Halvorsen bought 45% of Vestra in 2019" and "the state
owned 45% at the end of June" are stakes at a time their clause gives; "which was 40%-owned by
the bank until 2001" is a predicate told in the past; a day that dates the sentence stays.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.records import TimeScope
from pipeline.time.scope import is_single_day

PERCENT = "percent"


def stake_scopes(figures: list[Span], scopes: list[TimeScope | None], units: list[str | None],
                 day: TimeScope | None, participles: frozenset[str]) -> list[TimeScope | None]:
    """Each figure's scope, a stake that describes its holder given the article's ``day`` unless a
    day dates it; other figures keep theirs."""
    return [day if unit == PERCENT and day is not None and describes_holder(span, participles)
            and not (scope and is_single_day(scope.value)) else scope
            for span, scope, unit in zip(figures, scopes, units)]


def describes_holder(figure: Span, participles: frozenset[str]) -> bool:
    """Whether a percent is the stake of a participle that describes a noun: "the 45% state-owned
    maker", "the 28%-owned unit", "Vestra, 60%-owned by the family,"; not "is 60%-owned" nor "owns 60%"."""
    participle = _participle(figure, participles)
    return participle is not None and participle.dep_ in ("amod", "acl") and figure.root.head.i in (
        participle.i, participle.head.i) and participle.head.pos_ in ("NOUN", "PROPN")


def _participle(figure: Span, participles: frozenset[str]) -> Token | None:
    """The participle of holding within three words after a figure, past the words of who holds
    ("state", "government") and hyphens: "45% state-owned", "28%-owned"."""
    for token in figure.doc[figure.end:figure.end + 3]:
        if token.lower_.rsplit("-", 1)[-1] in participles:
            return token
        if token.pos_ not in ("NOUN", "PUNCT", "ADV"):
            return None
    return None
