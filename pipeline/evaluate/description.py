"""Subject, entities and speaker of found items, scored against the gold items that give them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from pipeline.evaluate.counts import harmonic_mean, ratio
from pipeline.evaluate.matching import ArticleResult
from pipeline.evaluate.metrics import FieldError


@dataclass(frozen=True)
class Description:
    """How found items say what they measure, whom they are about and who says them, where the
    gold gives it: subject by token-overlap F1 (mean over items), entities by set equality and by
    precision and recall over single entities, speaker by exact match of the set of names."""

    subject_items: int = 0
    subject_f1_sum: float = 0.0
    subject_exact: int = 0
    entity_items: int = 0
    entity_exact: int = 0
    entity_tp: int = 0
    entity_fp: int = 0
    entity_fn: int = 0
    speaker_items: int = 0
    speaker_correct: int = 0
    errors: tuple[FieldError, ...] = ()

    @property
    def subject_f1(self) -> float:
        return self.subject_f1_sum / self.subject_items if self.subject_items else 0.0

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

    def to_dict(self) -> dict:
        return {
            "subject": {"items": self.subject_items, "token_f1": self.subject_f1, "exact": self.subject_exact},
            "entities": {"items": self.entity_items, "exact": self.entity_exact, "accuracy": self.entity_accuracy,
                         "precision": self.entity_precision, "recall": self.entity_recall,
                         "f1": harmonic_mean(self.entity_precision, self.entity_recall)},
            "speaker": {"items": self.speaker_items, "correct": self.speaker_correct,
                        "accuracy": self.speaker_accuracy},
            "errors": [e.to_dict() for e in self.errors],
        }

    def format_text(self) -> str:
        lines = ["description (found items whose gold gives the field)",
                 f"  subject   token F1 {self.subject_f1:.3f}  exact {self.subject_exact}/{self.subject_items}",
                 f"  entities  exact {self.entity_exact}/{self.entity_items} ({self.entity_accuracy:.3f})  "
                 f"P {self.entity_precision:.3f}  R {self.entity_recall:.3f}",
                 f"  speaker   {self.speaker_correct}/{self.speaker_items} ({self.speaker_accuracy:.3f})",
                 f"description errors ({len(self.errors)})"]
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
            if item.entities is not None:
                got, want = set(_names(claim.entities)), set(item.entities)
                counts["entity_items"] += 1
                counts["entity_exact"] += got == want
                counts["entity_tp"] += len(got & want)
                counts["entity_fp"] += len(got - want)
                counts["entity_fn"] += len(want - got)
                if got != want:
                    wrong("entities", "; ".join(item.entities), claim.entities)
            if item.speaker is not None:
                counts["speaker_items"] += 1
                right = set(_names(claim.speaker)) == set(_names(item.speaker))
                counts["speaker_correct"] += right
                if not right:
                    wrong("speaker", item.speaker, claim.speaker)
    return Description(subject_f1_sum=f1_sum, errors=tuple(errors), **counts)


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


def _names(joined: str) -> list[str]:
    return [name.strip() for name in joined.split(";") if name.strip()]
