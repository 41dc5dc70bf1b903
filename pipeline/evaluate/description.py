"""Subject, entities and speaker of found items, scored against the gold items that give them, and
per figure kind the period, entities and speaker a fact-checker needs to look a figure up."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from pipeline.evaluate.counts import harmonic_mean, ratio
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import ArticleResult
from pipeline.evaluate.metrics import FieldError
from pipeline.evaluate.periods import compatible
from pipeline.records import FIGURE_KINDS, Claim


@dataclass(frozen=True)
class PartyCounts:
    """Whose figure it is and who says it, counted where the gold gives them: entities by set
    equality and by precision and recall over single names, speaker by the set of names."""

    entity_items: int = 0
    entity_exact: int = 0
    entity_tp: int = 0
    entity_fp: int = 0
    entity_fn: int = 0
    speaker_items: int = 0
    speaker_correct: int = 0

    @property
    def entity_accuracy(self) -> float:
        return ratio(self.entity_exact, self.entity_items)

    @property
    def entity_precision(self) -> float:
        return ratio(self.entity_tp, self.entity_tp + self.entity_fp)

    @property
    def entity_recall(self) -> float:
        return ratio(self.entity_tp, self.entity_tp + self.entity_fn)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.speaker_items)


@dataclass(frozen=True)
class FigurePeriods(PartyCounts):
    """Found figures whose gold gives a period (``time``): the row's period exactly the gold's,
    compatible with it (one contains the other: "2023" and "2023-03"), or not given at all; and,
    where the gold gives them, the entities (exact set, and P/R over single names) and the speaker."""

    items: int = 0
    period_exact: int = 0
    period_compatible: int = 0
    period_none: int = 0

    def to_dict(self) -> dict:
        return {
            "items": self.items,
            "period": {"exact": self.period_exact, "compatible": self.period_compatible, "none": self.period_none,
                       "exact_share": ratio(self.period_exact, self.items),
                       "compatible_share": ratio(self.period_compatible, self.items),
                       "none_share": ratio(self.period_none, self.items)},
            "entities": {"items": self.entity_items, "exact": self.entity_exact,
                         "accuracy": self.entity_accuracy,
                         "precision": self.entity_precision, "recall": self.entity_recall},
            "speaker": {"items": self.speaker_items, "correct": self.speaker_correct,
                        "accuracy": self.speaker_accuracy},
        }

    def format_row(self, kind: str) -> str:
        return (f"  {kind:<9}{self.items:>6}{ratio(self.period_exact, self.items):>7.3f}"
                f"{ratio(self.period_compatible, self.items):>8.3f}{ratio(self.period_none, self.items):>7.3f}"
                f"{self.entity_accuracy:>10.3f}{self.entity_precision:>7.3f}"
                f"{self.entity_recall:>7.3f}{self.speaker_accuracy:>9.3f}")


@dataclass(frozen=True)
class Description(PartyCounts):
    """How found items say what they measure, whom they are about and who says them, where the
    gold gives it: subject by token-overlap F1 (mean over items), entities by set equality and by
    precision and recall over single entities, speaker by exact match of the set of names."""

    subject_items: int = 0
    subject_f1_sum: float = 0.0
    subject_exact: int = 0
    errors: tuple[FieldError, ...] = ()
    periods: Mapping[str, FigurePeriods] = field(default_factory=dict)
    """Per figure kind (and "all"), the found figures whose gold gives a period."""

    @property
    def subject_f1(self) -> float:
        return self.subject_f1_sum / self.subject_items if self.subject_items else 0.0

    def to_dict(self) -> dict:
        return {
            "subject": {"items": self.subject_items, "token_f1": self.subject_f1, "exact": self.subject_exact},
            "entities": {"items": self.entity_items, "exact": self.entity_exact, "accuracy": self.entity_accuracy,
                         "precision": self.entity_precision, "recall": self.entity_recall,
                         "f1": harmonic_mean(self.entity_precision, self.entity_recall)},
            "speaker": {"items": self.speaker_items, "correct": self.speaker_correct,
                        "accuracy": self.speaker_accuracy},
            "figures_with_period": {kind: score.to_dict() for kind, score in self.periods.items()},
            "errors": [e.to_dict() for e in self.errors],
        }

    def format_text(self) -> str:
        lines = ["description (found items whose gold gives the field)",
                 f"  subject   token F1 {self.subject_f1:.3f}  exact {self.subject_exact}/{self.subject_items}",
                 f"  entities  exact {self.entity_exact}/{self.entity_items} ({self.entity_accuracy:.3f})  "
                 f"P {self.entity_precision:.3f}  R {self.entity_recall:.3f}",
                 f"  speaker   {self.speaker_correct}/{self.speaker_items} ({self.speaker_accuracy:.3f})"]
        if self.periods:
            lines += ["figures whose gold gives a period, found: period exact, compatible (one contains the other),",
                      "none given; entities exact set, P and R over single names; speaker",
                      f"  {'kind':<9}{'found':>6}{'exact':>7}{'compat':>8}{'none':>7}{'ent exact':>10}{'P':>7}{'R':>7}"
                      f"{'speaker':>9}"]
            lines += [score.format_row(kind) for kind, score in self.periods.items()]
        lines.append(f"description errors ({len(self.errors)})")
        return "\n".join(lines + [e.format_line() for e in self.errors])


def describe_results(results: Sequence[ArticleResult]) -> Description:
    """Subject, entities and speaker of found items against the gold that gives them."""
    counts = dict.fromkeys(("subject_items", "subject_exact", "entity_items", "entity_exact", "entity_tp",
                            "entity_fp", "entity_fn", "speaker_items", "speaker_correct"), 0)
    f1_sum = 0.0
    errors = []
    for r in results:
        for pred, item in r.matched:
            claim = pred.claim
            if claim is None:
                continue

            def wrong(name: str, expected: object, got: object) -> None:
                errors.append(FieldError(r.article_id, pred.start, pred.end, pred.text, pred.kind, name, expected, got))

            if item.subject is not None:
                f1 = token_f1(claim.subject, item.subject)
                counts["subject_items"] += 1
                counts["subject_exact"] += f1 == 1.0
                f1_sum += f1
                if f1 < 1.0:
                    wrong("subject", item.subject, claim.subject)
            for name in _count_parties(counts, claim, item):
                wrong(name, "; ".join(item.entities or ()) if name == "entities" else item.speaker,
                      getattr(claim, name))
    return Description(subject_f1_sum=f1_sum, errors=tuple(errors), periods=figure_periods(results), **counts)


def figure_periods(results: Sequence[ArticleResult]) -> dict[str, FigurePeriods]:
    """Per figure kind and over all figures, what a fact-checker needs to look a found figure up:
    its period ("Q3 2023" given as "2023" is compatible, not exact), whose figure it is, who says it."""
    found = [(pred.kind, pred.claim, item) for r in results for pred, item in r.matched
             if pred.kind in FIGURE_KINDS and pred.claim is not None and item.time is not None]
    if not found:
        return {}
    kinds = [kind for kind in FIGURE_KINDS if any(k == kind for k, _, _ in found)]
    return {kind: _tally_periods([(claim, item) for k, claim, item in found if k == kind]) for kind in kinds} | {
        "all": _tally_periods([(claim, item) for _, claim, item in found])}


def _tally_periods(pairs: Sequence[tuple[Claim, GoldItem]]) -> FigurePeriods:
    counts = dict.fromkeys(("period_exact", "period_compatible", "period_none", "entity_items", "entity_exact",
                            "entity_tp", "entity_fp", "entity_fn", "speaker_items", "speaker_correct"), 0)
    for claim, item in pairs:
        counts["period_exact"] += claim.time_value == item.time
        counts["period_compatible"] += compatible(claim.time_value, item.time)
        counts["period_none"] += not claim.time_value
        _count_parties(counts, claim, item)
    return FigurePeriods(items=len(pairs), **counts)


def _count_parties(counts: dict[str, int], claim: Claim, item: GoldItem) -> list[str]:
    """Add one found item's entities and speaker to ``counts`` where its gold gives them; the
    fields that are wrong ("entities", "speaker")."""
    wrong = []
    if item.entities is not None:
        right, extra, missing = entity_counts(claim, item)
        counts["entity_items"] += 1
        counts["entity_exact"] += not extra and not missing
        counts["entity_tp"] += right
        counts["entity_fp"] += extra
        counts["entity_fn"] += missing
        if extra or missing:
            wrong.append("entities")
    if item.speaker is not None:
        counts["speaker_items"] += 1
        counts["speaker_correct"] += speaker_right(claim, item)
        if not speaker_right(claim, item):
            wrong.append("speaker")
    return wrong


def entity_counts(claim: Claim, item: GoldItem) -> tuple[int, int, int]:
    """Single names of the row's entities against the gold's, as (right, extra, missing):
    "China; Russia" against ("Russia",) is (1, 1, 0)."""
    got, want = {name_key(n) for n in _names(claim.entities)}, {name_key(n) for n in item.entities or ()}
    return len(got & want), len(got - want), len(want - got)


def speaker_right(claim: Claim, item: GoldItem) -> bool:
    """The row names the gold's speakers, in any order: "Xi Jinping; Vladimir Putin" is
    "Vladimir Putin; Xi Jinping"."""
    return {name_key(n) for n in _names(claim.speaker)} == {name_key(n) for n in _names(item.speaker or "")}


def token_f1(predicted: str, expected: str) -> float:
    """Overlap of the lower-cased words of two phrases, as F1 over word counts: a subject that is
    nearly right scores nearly 1 ("trade" against "bilateral trade" is 0.667); two empty phrases
    agree (1.0)."""
    got, want = _words(predicted), _words(expected)
    shared = sum(min(got.count(w), want.count(w)) for w in set(got))
    if not shared:
        return 1.0 if not got and not want else 0.0
    return harmonic_mean(shared / len(got), shared / len(want))


def _words(phrase: str) -> list[str]:
    return re.findall(r"\w+", phrase.lower())


def name_key(name: str) -> str:
    """A name as compared: the same letters and digits whatever the case, spaces, punctuation
    or "&" for "and" ("Du Pont" is "DuPont", "Lease & Finance Co." is "Lease and Finance Co"),
    so a spelling the article uses matches the gold's; a different word ("Russel" for "Russell")
    does not."""
    return re.sub(r"[\W_]+", "", name.casefold().replace("&", "and"))


def _names(joined: str) -> list[str]:
    return [name.strip() for name in joined.split(";") if name.strip()]
