"""The period of a comparison base: the figure a change or a result is measured against.

In "net income fell 6% to $20.6 million from $22 million a year earlier", $20.6 million is the
current period's and $22 million the year-ago one's: "a year earlier" belongs to the base, not
to the first figure. A base is found from the parse: the object of a base preposition
("from", "versus", "against") or of "compared with" (``base_prepositions``, ``comparing_words``
in rules/lexicons.yml), and any figure that restates it ("from $41 million, or 52 cents a
share"). A base that the text does not date takes the period before the one of the figure it is
compared with: for a quarter, a span of months or a year, the same period a year earlier (the
way results are reported: "third-quarter profit rose to $83 million from $76 million" compares
with the third quarter of the year before); for a month the month before, for a day the day
before ("the yield slipped to 4.81 percent from 4.86 percent"). The start of a change written "from
X to Y" is no base: both ends lie in the period named ("rose from 4 percent to 4.2 percent in the
second quarter").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from spacy.tokens import Span, Token

from pipeline.nlp.structure import by_sentence, preposition_objects
from pipeline.records import TimeScope
from pipeline.rules import RuleSet
from pipeline.time.fallback import PUBLISHED, UNDATED_SOURCES
from pipeline.time.owners import restated_alternatives

BASE = "base"
"""``time_source`` of a comparison base dated from the figure it is compared with."""

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class BaseWords:
    """The words that make the figure after them a comparison base, and those of a look back."""

    base_prepositions: frozenset[str]
    comparing_words: frozenset[str]
    looking_back: frozenset[str]
    sequential: tuple[str, ...]
    """Phrases of a comparison with the period just before ("sequentially", "quarter on quarter")."""
    changes: frozenset[str]
    """Nouns of a change, whose "from" opens a base ("a 9% increase from $40 million")."""
    period_nouns: frozenset[str]
    """Nouns of a span of time ("quarter", "year"): "for the year-ago quarter" dates a base, "for the
    Dow" names another party."""
    origin_verbs: frozenset[str]
    """Verbs whose "from" names where something came from, not what it changed from ("The loss
    stems from $12 million of write-downs")."""

    @classmethod
    def from_rules(cls, rules: RuleSet) -> BaseWords:
        """From lexicons.yml."""
        lexicons = rules.lexicons
        return cls(frozenset(lexicons["base_prepositions"]), frozenset(lexicons["comparing_words"]),
                   frozenset(lexicons["relative_back"]), tuple(lexicons["sequential_words"]),
                   frozenset(lexicons["rising_nouns"]) | frozenset(lexicons["falling_nouns"]),
                   frozenset(lexicons["time_units"]) | frozenset(lexicons["time_units"].values()),
                   frozenset(lexicons["origin_verbs"]))


def comparison_bases(figures: list[Span], measures: list[tuple[str, str]], words: BaseWords) -> list[bool]:
    """Which figures are comparison bases: "to $3.14 billion from $2.96 billion", "compared with
    earnings a year earlier of $215.4 million", "from $41 million, or 52 cents a share". A base
    measures what another figure of its sentence measures (``measures``: each figure's kind and
    unit), so "to 412 orders from 38 customers" has none; nor is the start of "from 4 percent to
    4.2 percent" one."""
    sentences = by_sentence(figures)
    starts = {figure.start for figure in figures}
    in_figures = {i for figure in figures for i in range(figure.start, figure.end)}
    own = [_after_base_word(figure, in_figures, words) and not _starts_range(figure, starts)
           and any(j != i and measures[j] == measures[i] for j in sentences[figure.sent.start])
           for i, figure in enumerate(figures)]
    flags = restated_alternatives(own, figures)
    return [flag or any(flags[j] for j in _governing(figure, figures, sentences[figure.sent.start]))
            for figure, flag in zip(figures, flags)]


def _governing(figure: Span, figures: list[Span], sentence: list[int]) -> list[int]:
    """'from last year's $2.81 a share on earnings of $512.3 million': the figure another one hangs
    from through nouns and prepositions only (``sentence``: the indices of its sentence's
    figures), which it describes: a base's is a base too, and an undated one takes its period."""
    token = figure.root
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
        found = [j for j in sentence if figures[j].start <= token.i < figures[j].end and figures[j] != figure]
        if found:
            return found
    return []


def base_scopes(figures: list[Span], scopes: list[TimeScope | None], bases: list[bool], words: BaseWords,
                published: date | None) -> list[TimeScope | None]:
    """Every figure's scope, the bases' set apart from the figure they are compared with (the
    nearest one before them in their sentence that is no base): a base that shares that figure's
    scope takes the period before it; one dated by a look back of a year ("from $84 million a
    year earlier", "in the year-ago quarter") takes the same period a year before. A base compared
    with a figure stated as current ("412, up from 380"; "now 412, up from 380") has no period: the text does not
    say when it was; one compared with a figure of a period after ``published`` keeps it (a
    forecast revised from an earlier one). A figure after "from" that only figures after it could
    be compared with is no such base ("The loss stems from $357 million of write-downs on its
    $4 billion portfolio, which holds $3 billion of bonds"): it keeps its scope."""
    out = list(scopes)
    sentences = by_sentence(figures)
    for i, (scope, is_base) in enumerate(zip(scopes, bases)):
        compared = _compared(i, sentences[figures[i].sent.start], bases)
        theirs = scopes[compared] if compared is not None else None
        if not is_base or scope is None or theirs is None:
            continue
        shared = (scope.text, scope.value) == (theirs.text, theirs.value)  # from the clause, the sentence...
        if theirs.source == PUBLISHED or theirs.reference == "present":
            out[i] = None if shared and compared < i else scope
        elif published is not None and theirs.value[:10] > published.isoformat():
            continue  # a forecast's base is the forecast it revises: "cut its estimate for 2025 to $2 from $3"
        elif shared and _for_another(figures[i], words.period_nouns):
            continue  # "fell 4.3% last week, compared with 3.3% for the S&P 500": the same week
        elif shared:  # "rose 2% sequentially to $5 billion from $4.9 billion": the quarter before
            before = (previous_period if _sequential(figures[i].sent, words.sequential) else period_before)(theirs.value)
            out[i] = TimeScope(theirs.text, before, BASE) if before else scope
        elif _looks_back_one(scope.text, words.looking_back, theirs.value):  # "from 11% in the previous quarter"
            out[i] = TimeScope(scope.text, previous_period(theirs.value), BASE)
        elif _looks_back_a_year(scope.text, words.looking_back) and year_earlier(theirs.value):
            out[i] = TimeScope(scope.text, year_earlier(theirs.value), BASE)
    for i, figure in enumerate(figures):  # "from last year's $2.81 a share on earnings of $512.3 million"
        described = [j for j in _governing(figure, figures, sentences[figure.sent.start])
                     if bases[j] == bases[i] and out[j] is not None and out[j].source not in UNDATED_SOURCES]
        if described and out[i] is not None and out[i].source in UNDATED_SOURCES:
            out[i] = replace(out[described[0]], source=BASE) if bases[i] else out[described[0]]
    return out


def _for_another(figure: Span, period_nouns: frozenset[str]) -> bool:
    """Whether a base is told for another party ("compared with 3.3% for the S&P 500", "against 2.1%
    for Spain"): the same measure of something else over the same period, not an earlier one. Not
    a period after "for" ("$3 million for the year-ago quarter")."""
    return any(obj.ent_type_ not in ("DATE", "TIME") and obj.lemma_.lower() not in period_nouns
               for obj in preposition_objects([figure.root], ("for",)))


def after_unread_base(span: Span, figures: list[Span], bases: set[str]) -> bool:
    """'has 13 plants, up from nine a year ago': a date right after a base preposition and a
    number that no figure reads (``figures``: those of the sentence) is that base's, which the
    figures before it are compared with; "down from 365 five years ago" is the figure 365's own
    (``owning_figure``)."""
    doc, start = span.doc, span.start
    return start > 1 and doc[start - 2].lower_ in bases and doc[start - 1].like_num and not any(
        f.start <= start - 1 < f.end for f in figures)

def period_before(value: str) -> str:
    """The period a base is compared against when the text does not say: '1989-07/1989-09' ->
    '1988-07/1988-09', '1989' -> '1988', '1998-01' -> '1997-12', '1998-02-06' -> '1998-02-05';
    '' for values it cannot move (a decade, an open interval)."""
    if _DAY.fullmatch(value):
        return (date.fromisoformat(value) - timedelta(days=1)).isoformat()
    if month := _MONTH.fullmatch(value):
        year, number = int(month[1]), int(month[2])
        return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"
    return year_earlier(value)


def previous_period(value: str) -> str:
    """The period just before, of the same length: '1989-07/1989-09' -> '1989-04/1989-06' (the
    quarter before), '1998-01' -> '1997-12', '1989' -> '1988', a day the day before; '' for values
    it cannot move."""
    ends = value.split("/")
    if len(ends) == 2 and all(_MONTH.fullmatch(end) for end in ends):
        first, last = (date(int(end[:4]), int(end[5:7]), 1) for end in ends)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        first, last = (d - relativedelta(months=months) for d in (first, last))
        return f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}"
    return period_before(value)


def year_earlier(value: str) -> str:
    """The same period a year before: '1989-01/1989-09' -> '1988-01/1988-09', '2024' -> '2023',
    '2023/2024' -> '2022/2023', '2024-03' -> '2023-03'; '' for anything else."""
    ends = value.split("/")
    if len(ends) > 2 or not all(_YEAR.fullmatch(end[:4]) and re.fullmatch(r"\d{4}(-\d\d){0,2}", end) for end in ends):
        return ""
    shifted = []
    for end in ends:
        if end[4:] == "-02-29":
            end = end[:8] + "28"
        shifted.append(f"{int(end[:4]) - 1}{end[4:]}")
    return "/".join(shifted)


def _after_base_word(figure: Span, in_figures: set[int], words: BaseWords) -> bool:
    """The figure is the object of a base preposition that hangs from a verb, an adverb ("up
    from"), another figure ("to $2 from $3"; ``in_figures``: the tokens of every figure, a set
    rather than a walk through the figures for each) or the noun of a change that a figure
    measures ("$44 million, a 10% increase from $40 million"), not from another noun ("orders
    from 47 customers") nor from a verb of origin ("stems from $12 million of write-downs",
    ``origin_verbs``); or the object of "compared with", maybe through the noun it qualifies ("compared
    with earnings a year earlier of $215.4 million"). When the parse hangs a glued scale word
    apart from the number ("compared to $4.1bn", "bn" an adverb of the verb), the number's own
    place is read."""
    return any(_object_of_base_word(token, in_figures, words) for token in
               [figure.root] + [t for t in figure if t.like_num and t.dep_ == "pobj" and t != figure.root])


def _object_of_base_word(token: Token, in_figures: set[int], words: BaseWords) -> bool:
    """Whether a word of a figure is the object of a base preposition or of "compared with"."""
    if token.dep_ == "pobj" and token.head.lower_ in words.base_prepositions:
        head = token.head.head
        if head.lemma_.lower() in words.origin_verbs:
            return False  # "stems from $12 million of write-downs": where the loss came from
        return (head.pos_ not in ("NOUN", "PROPN") or head.i in in_figures
                or (head.lemma_.lower() in words.changes and any(c.i in in_figures for c in head.children)))
    for _ in range(3):
        if token.dep_ != "pobj":
            return False
        preposition = token.head
        if preposition.lower_ in ("with", "to") and preposition.head.lower_ in words.comparing_words:
            return True
        token = preposition.head  # through a noun, or a look back on it ("earnings a year earlier of $215.4 million")
        if token.pos_ == "ADV" and token.head.pos_ in ("NOUN", "PROPN"):
            token = token.head
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
    return False


def _starts_range(figure: Span, starts: set[int]) -> bool:
    """'from 4 percent to 4.2 percent': a figure (``starts``: where each begins) after "to" right
    behind this one."""
    doc = figure.doc
    return any(start in starts and doc[start - 1].lower_ == "to" for start in range(figure.end + 1, figure.end + 4))


def _compared(index: int, sentence: list[int], bases: list[bool]) -> int | None:
    """The figure a base is compared with: the nearest one before it in its sentence (``sentence``:
    the indices of its figures) that is no base, else the first one after it."""
    same = [j for j in sentence if not bases[j]]
    before = [j for j in same if j < index]
    return before[-1] if before else next((j for j in same if j > index), None)


def _sequential(sent: Span, phrases: tuple[str, ...]) -> bool:
    """'rose 2% sequentially', 'quarter-on-quarter', 'q/q': compared with the period just before."""
    text = " " + " ".join(t.lower_ for t in sent if t.text not in ("-", "–") and not t.is_space) + " "
    return any(f" {phrase} " in text for phrase in phrases)


def _looks_back_one(text: str, looking_back: frozenset[str], compared: str) -> bool:
    """'the previous quarter', 'the prior month', 'the preceding period': one period back from
    the compared figure's own, when the words name its length (a quarter for three months, a
    month for a month; "period" for any). A year back is ``_looks_back_a_year``'s."""
    words = re.findall(r"[a-z]+", text.lower())
    if "year" in words or not any(word in looking_back for word in words) or re.search(r"\d", text):
        return False
    ends = compared.split("/")
    months = [(int(e[:4]) * 12 + int(e[5:7])) for e in ends if _MONTH.fullmatch(e)]
    length = months[-1] - months[0] + 1 if len(months) == len(ends) else 0
    return ("quarter" in words and length == 3) or ("month" in words and length == 1) or \
        ("period" in words and length > 0)


def _looks_back_a_year(text: str, looking_back: frozenset[str]) -> bool:
    """'a year earlier', 'the year-ago quarter', 'last year'."""
    words = re.findall(r"[a-z]+", text.lower())
    return "year" in words and any(word in looking_back for word in words)
