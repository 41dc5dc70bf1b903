"""What every consistency check looks at, an article's figures by sentence and its dates, and what
a check finds: a flag and the claims it goes on."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pipeline.checks.figures import Fig, ends_with_word, figures_of
from pipeline.records import Claim, DateMention


@dataclass(frozen=True)
class Finding:
    """One result of a check: the flag text and the claims it goes on."""

    flag: str
    claim_ids: tuple[str, ...]


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
        """The figures of sentence ``index``; none for a sentence without figures or past either
        end of the article, so that a check can look a few sentences either side of a figure
        without bounds checks."""
        return self.by_sentence.get(index, [])


def article_view(claims: Sequence[Claim], dates: Sequence[DateMention], number_words: dict[str, float],
                 from_to: dict[str, list[str]]) -> ArticleView:
    """The article as the checks see it, built once per article so that every check shares one
    index of its figures by sentence."""
    figs = figures_of(claims)
    by_sentence: dict[int, list[Fig]] = defaultdict(list)
    for fig in figs:
        by_sentence[fig.claim.sentence_index].append(fig)
    date_claims = {c.start: c.claim_id for c in claims if c.kind == "date"}
    return ArticleView(figs, dates, number_words, from_to, dict(by_sentence), date_claims)


def from_to_pair(start: Fig, view: ArticleView) -> tuple[Fig, Fig] | None:
    """``start`` and the figure it goes to in "from A to B" (or "to B from A"): the same unit, one
    right after a from-word, the other right after a to-word, in one sentence; and, when the parse
    links ``start`` to figures, one of them: in "net rose to $94 million, including gains of $31
    million, up from $10 million", $10 million goes with the gains, not to $94 million."""
    if not ends_with_word(start.before, view.from_to["from"]):
        return None
    ends = [f for f in view.sentence(start.claim.sentence_index) if f is not start
            and f.claim.unit == start.claim.unit and ends_with_word(f.before, view.from_to["to"])
            and (not start.linked or f.id in start.linked)]
    return (start, ends[0]) if len(ends) == 1 else None


def from_to_pairs(view: ArticleView) -> Iterator[tuple[Fig, Fig]]:
    """Every "from A to B" of the article (``from_to_pair``), A first, in text order of A."""
    for start in view.figs:
        pair = from_to_pair(start, view)
        if pair is not None:
            yield pair

