"""The period of a figure told as what its holder is: the day the article speaks for.

"The 45% state-owned Norsk Kjemi had 9 million kroner of charges in the third quarter" and
"Vestra, 60%-owned by the Halvorsen family, earned $5 million in the quarter" describe the company
as it is when the story is told: such a stake is checked against the article's day
(``time_source`` `published`), not the quarter or the year its clause reports. A stake is a
percent before a participle of holding (``holding_participles`` in rules/lexicons.yml: "owned",
"state-owned", "controlled") that describes a noun ("the 45% state-owned maker", "Vestra,
60%-owned by ..."). Counter-examples: "Halvorsen bought 45% of Vestra in 2019" and "the state
owned 45% at the end of June" are stakes at a time their clause gives; "which was 40%-owned by
the bank until 2001" is a predicate told in the past; a day that dates the sentence stays.

A size written before the name of what has it is the same: "The $1.5 billion Alder Income Fund
has had outflows of $150 million in the past two months" and "At the $900 million Tarn Trust,
investors pulled $80 million this year" give the fund's size the article's day, while the
outflows keep their months. So does a size before a noun of something measured by what it holds
(``size_nouns``: "Tarn's $4 billion bond portfolio lost $30 million in the quarter"). Only a
definite noun ("the", a possessive) is one the reader knows by that size; counter-examples: "the
$25 billion Alder buyout closed in February" (a deal, no name) and "Alder grew into a $2 billion
fund in 2019" (a size its clause dates).
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Span, Token

from pipeline.records import TimeScope
from pipeline.time.scope import is_single_day

PERCENT = "percent"
MONEY = "money"


class HolderWords(NamedTuple):
    """``holding_participles`` and ``size_nouns`` of rules/lexicons.yml."""
    participles: frozenset[str]
    size_nouns: frozenset[str]


def stake_scopes(figures: list[Span], scopes: list[TimeScope | None], readings: list[tuple[str, str | None]],
                 day: TimeScope | None, words: HolderWords) -> list[TimeScope | None]:
    """Each figure's scope, a stake or a size that describes its holder given the article's
    ``day`` unless a day dates it; other figures keep theirs. ``readings`` are each figure's
    (kind, unit)."""
    return [day if day is not None and not (scope and is_single_day(scope.value))
            and (unit == PERCENT and describes_holder(span, words.participles)
                 or kind == MONEY and sizes_holder(span, words.size_nouns)) else scope
            for span, scope, (kind, unit) in zip(figures, scopes, readings)]


def describes_holder(figure: Span, participles: frozenset[str]) -> bool:
    """Whether a percent is the stake of a participle that describes a noun: "the 45% state-owned
    maker", "the 28%-owned unit", "Vestra, 60%-owned by the family,"; not "is 60%-owned" nor "owns 60%"."""
    participle = _participle(figure, participles)
    return participle is not None and participle.dep_ in ("amod", "acl") and figure.root.head.i in (
        participle.i, participle.head.i) and participle.head.pos_ in ("NOUN", "PROPN")


def sizes_holder(figure: Span, size_nouns: frozenset[str]) -> bool:
    """Whether an amount is the size written before a known holder: "the $1.5 billion Alder
    Income Fund", "its $4 billion bond portfolio"; not "the $25 billion Alder buyout" (a deal) nor
    "a $2 billion fund" (no holder the reader knows)."""
    root = figure.root
    if root.dep_ not in ("nummod", "compound", "amod") or root.head.i < figure.end:
        return False
    noun = root.head
    named = noun.pos_ == "PROPN" and noun.ent_type_ in ("ORG", "")
    return (named or noun.lemma_.lower() in size_nouns) and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children)


def _participle(figure: Span, participles: frozenset[str]) -> Token | None:
    """The participle of holding within three words after a figure, past the words of who holds
    ("state", "government") and hyphens: "45% state-owned", "28%-owned"."""
    for token in figure.doc[figure.end:figure.end + 3]:
        if token.lower_.rsplit("-", 1)[-1] in participles:
            return token
        if token.pos_ not in ("NOUN", "PUNCT", "ADV"):
            return None
    return None
