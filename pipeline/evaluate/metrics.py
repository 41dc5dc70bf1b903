"""Score extractions against hand-made gold: did we find each figure and date, and normalize it right?

Detection and normalization are scored separately so that a boundary slip ("$190" vs
"$190 billion") shows up as a value error on a found item, not as one miss plus one false hit.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Protocol, Sequence

from pipeline.errors import E_ENCODING, E_GOLD, E_MISSING, E_OUTPUT, PipelineError
from pipeline.records import FIGURE_KINDS, KINDS, Claim, Extraction, Figure

GOLD_KINDS = KINDS + ("quote",)
"""Kinds a gold item may have: the figures, dates, and quotes with their speaker."""
TOP_K = 10
"""The ranking score is the precision of the top TOP_K rows by check-worthiness."""

VALUE_UNIT = "value+unit"
"""Value (or range) and unit both right: what a fact-checker needs before the number is usable."""

NORMALIZED_FIELDS = ("value", "value_low", "value_high", "unit", VALUE_UNIT, "time", "qualifier", "role", "direction")
"""Fields scored on matched pairs, each only where the gold item gives it (``value+unit``: a unit)."""

_STRING_FIELDS = ("unit", "time", "role", "qualifier", "direction", "modifier", "subject_hint", "subject", "speaker")
_RANGE_FIELDS = ("value_low", "value_high")
_BOOL_FIELDS = ("relative", "required")
_GOLD_KEYS = ("start", "end", "text", "kind", "value") + _RANGE_FIELDS + _STRING_FIELDS + _BOOL_FIELDS + ("entities",)


@dataclass(frozen=True)
class GoldItem:
    """One hand-annotated figure or date; ``value`` is a number for figures and EDTF for dates.

    ``required=False`` marks items a good extractor may find but need not: finding them is
    rewarded, missing them is not punished.
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | str | None
    value_low: float | None = None
    value_high: float | None = None
    unit: str | None = None
    time: str | None = None
    role: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    relative: bool | None = None
    modifier: str | None = None
    subject_hint: str | None = None
    subject: str | None = None
    speaker: str | None = None
    entities: tuple[str, ...] | None = None
    required: bool = True


@dataclass(frozen=True)
class Prediction:
    """A figure or a date seen through the fields they share, so both are matched alike.

    ``source`` is the extractor's record (a Figure, a DateMention or another extractor's figure);
    its normalized fields are read as attributes of the same names.
    """

    start: int
    end: int
    text: str
    kind: str
    source: object
    claim: Claim | None = None
    """Its row in the claims table, which carries subject, entities and speaker; None for another
    extractor's figures and for dates that scope a figure."""


@dataclass(frozen=True)
class Mention:
    """A miss (gold value) or a false hit (predicted value), located for a reader to look up."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    value: float | str | None


@dataclass(frozen=True)
class FieldError:
    """A found item whose normalized ``field`` differs from the gold."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    field: str
    expected: object
    got: object


@dataclass(frozen=True)
class Detection:
    """Counts for one kind; ``exact`` is how many true positives also have identical boundaries."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _harmonic_mean(self.precision, self.recall)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "exact": self.exact,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class FieldScore:
    """One normalized field of one kind. ``accuracy`` is over found items whose gold gives the
    field. Precision, recall and F1 are end to end: an item counts only when it is both found and
    right, false hits of the kind count against precision, and missed gold items that give the
    field count against recall."""

    correct: int = 0
    total: int = 0
    false_hits: int = 0
    misses: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.total + self.false_hits)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.total + self.misses)

    @property
    def f1(self) -> float:
        return _harmonic_mean(self.precision, self.recall)

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "false_hits": self.false_hits,
                "misses": self.misses, "accuracy": self.accuracy, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class ArticleResult:
    """The matching for one article: found pairs, predictions with no gold, required gold not found."""

    article_id: str
    matched: tuple[tuple[Prediction, GoldItem], ...]
    false_hits: tuple[Prediction, ...]
    misses: tuple[GoldItem, ...]
    claims: tuple[Claim, ...] = ()
    gold: tuple[GoldItem, ...] = ()


@dataclass(frozen=True)
class FieldCheck:
    """One normalized field of one found item, compared with the gold."""

    article_id: str
    pred: Prediction
    field: str
    expected: object
    got: object

    @property
    def ok(self) -> bool:
        return agrees(self.field, self.expected, self.got)


class Section(Protocol):
    """A further block of scores (such as the temporal scores) printed and saved with the report."""

    def to_dict(self) -> dict: ...

    def format_text(self) -> str: ...


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
        return _ratio(self.entity_exact, self.entity_items)

    @property
    def entity_precision(self) -> float:
        return _ratio(self.entity_tp, self.entity_tp + self.entity_fp)

    @property
    def entity_recall(self) -> float:
        return _ratio(self.entity_tp, self.entity_tp + self.entity_fn)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_correct, self.speaker_items)

    def to_dict(self) -> dict:
        return {
            "subject": {"items": self.subject_items, "token_f1": self.subject_f1, "exact": self.subject_exact},
            "entities": {"items": self.entity_items, "exact": self.entity_exact, "accuracy": self.entity_accuracy,
                         "precision": self.entity_precision, "recall": self.entity_recall,
                         "f1": _harmonic_mean(self.entity_precision, self.entity_recall)},
            "speaker": {"items": self.speaker_items, "correct": self.speaker_correct,
                        "accuracy": self.speaker_accuracy},
            "errors": [_error_dict(e) for e in self.errors],
        }

    def format_text(self) -> str:
        lines = ["description (found items whose gold gives the field)",
                 f"  subject   token F1 {self.subject_f1:.3f}  exact {self.subject_exact}/{self.subject_items}",
                 f"  entities  exact {self.entity_exact}/{self.entity_items} ({self.entity_accuracy:.3f})  "
                 f"P {self.entity_precision:.3f}  R {self.entity_recall:.3f}",
                 f"  speaker   {self.speaker_correct}/{self.speaker_items} ({self.speaker_accuracy:.3f})",
                 f"description errors ({len(self.errors)})"]
        return "\n".join(lines + [_error_line(e) for e in self.errors])


@dataclass(frozen=True)
class Ranking:
    """Precision of the check-worthiness ranking: of the top ``k`` rows of each article, how many
    are required gold figures."""

    k: int = TOP_K
    hits: int = 0
    slots: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.hits, self.slots)

    def to_dict(self) -> dict:
        return {"k": self.k, "hits": self.hits, "rows": self.slots, "precision": self.precision}

    def format_text(self) -> str:
        return (f"check-worthiness top-{self.k} precision {self.precision:.3f} "
                f"({self.hits}/{self.slots} rows are required gold figures)")


@dataclass(frozen=True)
class Report:
    """Detection per kind (plus "all"), normalization per kind and field, and every error listed."""

    detection: Mapping[str, Detection]
    normalization: Mapping[str, Mapping[str, FieldScore]]
    misses: tuple[Mention, ...]
    false_hits: tuple[Mention, ...]
    errors: tuple[FieldError, ...]
    sections: Mapping[str, Section] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "detection": {kind: score.to_dict() for kind, score in self.detection.items()},
            "normalization": {kind: {name: score.to_dict() for name, score in fields.items()}
                              for kind, fields in self.normalization.items()},
            "misses": [_mention_dict(m) for m in self.misses],
            "false_hits": [_mention_dict(m) for m in self.false_hits],
            "errors": [_error_dict(e) for e in self.errors],
        } | {name: section.to_dict() for name, section in self.sections.items()}

    def format_text(self) -> str:
        lines = [f"{'kind':<9}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}{'exact':>7}"]
        lines += [f"{kind:<9}{d.precision:>7.3f}{d.recall:>7.3f}{d.f1:>7.3f}{d.tp:>5}{d.fp:>5}{d.fn:>5}{d.exact:>7}"
                  for kind, d in self.detection.items()]
        lines += ["", f"{'kind':<9}{'field':<11}{'acc':>7}{'right':>7}{'of':>5}{'P':>7}{'R':>7}{'F1':>7}"]
        lines += [f"{kind:<9}{name:<11}{s.accuracy:>7.3f}{s.correct:>7}{s.total:>5}"
                  f"{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                  for kind, fields in self.normalization.items() for name, s in fields.items()]
        lines += ["", f"misses ({len(self.misses)})"]
        lines += [f"  {m.article_id}  \"{m.text}\"  {m.kind}  expected={_show(m.value)}" for m in self.misses]
        lines += [f"false hits ({len(self.false_hits)})"]
        lines += [f"  {m.article_id}  \"{m.text}\"  {m.kind}  value={_show(m.value)}" for m in self.false_hits]
        lines += [f"normalization errors ({len(self.errors)})"]
        lines += [_error_line(e) for e in self.errors]
        lines += [line for section in self.sections.values() for line in ("", section.format_text())]
        return "\n".join(lines)


# --- gold ---------------------------------------------------------------------------------------


def load_gold(path: Path) -> list[GoldItem]:
    """Read one article's gold JSONL; any bad line stops the run, naming file and line."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(E_MISSING, str(path), "gold file not found") from exc
    except UnicodeDecodeError as exc:
        raise PipelineError(E_ENCODING, str(path), "gold file is not UTF-8") from exc
    return [_gold_item(line, f"{path}:{lineno}")
            for lineno, line in enumerate(content.splitlines(), start=1) if line.strip()]


def load_negatives(path: Path) -> list[str]:
    """Strings that must never be reported as figures; blank lines and ``#`` comments are skipped."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(E_MISSING, str(path), "negatives file not found") from exc
    return [line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _gold_item(line: str, where: str) -> GoldItem:
    """Parse and validate one gold line, so scoring never runs on a malformed annotation."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PipelineError(E_GOLD, where, f"not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise PipelineError(E_GOLD, where, "expected a JSON object")
    problem = _gold_problem(data)
    if problem:
        raise PipelineError(E_GOLD, where, problem)
    optional = {key: data[key] for key in _RANGE_FIELDS + _STRING_FIELDS + ("relative",)
                if data.get(key) is not None}
    entities = data.get("entities")
    return GoldItem(start=data["start"], end=data["end"], text=data["text"], kind=data["kind"],
                    value=data["value"], entities=tuple(entities) if entities is not None else None,
                    required=data.get("required", True), **optional)


def _gold_problem(data: dict) -> str:
    """What is wrong with a parsed gold object, or "" if nothing is."""
    missing = [key for key in ("start", "end", "text", "kind", "value") if key not in data]
    if missing:
        return f"missing key(s): {', '.join(missing)}"
    unknown = sorted(set(data) - set(_GOLD_KEYS))
    if unknown:
        return f"unknown key(s): {', '.join(unknown)}"
    start, end, text, kind, value = (data[k] for k in ("start", "end", "text", "kind", "value"))
    if kind not in GOLD_KINDS:
        return f"kind {kind!r} is not one of {', '.join(GOLD_KINDS)}"
    if not (_is_int(start) and _is_int(end) and 0 <= start < end):
        return f"start/end must be integers with 0 <= start < end, got {start!r}/{end!r}"
    if not isinstance(text, str) or len(text) != end - start:
        return f"text {text!r} does not span {start}:{end}"
    if kind == "quote" and value is not None:
        return f"a quote's value must be null, got {value!r}"
    if kind == "date" and not (isinstance(value, str) and (value or data.get("relative") is True)):
        return f"a date value must be an EDTF string, empty only for a relative date, got {value!r}"
    is_range = all(_is_number(data.get(key)) for key in _RANGE_FIELDS)
    if kind in FIGURE_KINDS and not (_is_number(value) or (value is None and is_range)):
        return f"a {kind} value must be a number (or null with value_low and value_high), got {value!r}"
    for key in _RANGE_FIELDS:
        if data.get(key) is not None and not _is_number(data[key]):
            return f"{key} must be a number, got {data[key]!r}"
    for key in _STRING_FIELDS:
        if data.get(key) is not None and not isinstance(data[key], str):
            return f"{key} must be a string, got {data[key]!r}"
    for key in _BOOL_FIELDS:
        if data.get(key) is not None and not isinstance(data[key], bool):
            return f"{key} must be true or false, got {data[key]!r}"
    entities = data.get("entities")
    if entities is not None and not (isinstance(entities, list) and all(isinstance(e, str) for e in entities)):
        return f"entities must be a list of strings, got {entities!r}"
    return ""


def _check_offsets(gold: Sequence[GoldItem], text: str, article_id: str) -> None:
    """Refuse gold whose offsets do not point at its text: every score after that would be noise."""
    for item in gold:
        if text[item.start:item.end] != item.text:
            raise PipelineError(E_GOLD, article_id, f"gold item {item.text!r} at {item.start}:{item.end} "
                                                    f"does not match the article text {text[item.start:item.end]!r}")


# --- matching -----------------------------------------------------------------------------------


def predictions(extraction: Extraction) -> list[Prediction]:
    """Figures, dates and quotes of one extraction as uniform predictions, each with its claims
    table row where it has one (a date that scopes a figure has none)."""
    rows = {(c.start, c.end, c.kind): c for c in extraction.claims}
    found = ([(f, f.kind) for f in extraction.figures] + [(d, "date") for d in extraction.dates]
             + [(q, "quote") for q in extraction.quotes])
    return [Prediction(item.start, item.end, item.text, kind, item, rows.get((item.start, item.end, kind)))
            for item, kind in found]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(preds: Sequence[Prediction], gold: Sequence[GoldItem]) -> list[tuple[int, int]]:
    """Greedy one-to-one (prediction index, gold index) pairs of the same kind with overlapping spans.

    Largest overlap wins; ties go to the pair whose lengths are closest, then to text order,
    so the result does not depend on set iteration or float noise.
    """
    candidates = sorted(
        (-shared, abs((p.end - p.start) - (g.end - g.start)), i, j)
        for i, p in enumerate(preds) for j, g in enumerate(gold)
        if p.kind == g.kind and (shared := overlap(p.start, p.end, g.start, g.end)) > 0
    )
    used_preds: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_preds and j not in used_gold:
            used_preds.add(i)
            used_gold.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score_article(extraction: Extraction, gold: Sequence[GoldItem]) -> ArticleResult:
    """Match one article's extraction to its gold; unmatched optional gold is not a miss. Quotes
    are scored only where the gold annotates some (older gold files do not annotate quotes)."""
    preds = predictions(extraction)
    if not any(item.kind == "quote" for item in gold):  # this gold does not annotate quotes
        preds = [p for p in preds if p.kind != "quote"]
    result = score_predictions(extraction.article.id, extraction.article.text, preds, gold)
    return replace(result, claims=extraction.claims)


def score_predictions(article_id: str, text: str, preds: Sequence[Prediction],
                      gold: Sequence[GoldItem]) -> ArticleResult:
    """Match any extractor's predictions for one article to its gold, the same way for every extractor."""
    _check_offsets(gold, text, article_id)
    pairs = match(preds, gold)
    matched_preds = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    return ArticleResult(
        article_id=article_id,
        matched=tuple((preds[i], gold[j]) for i, j in pairs),
        false_hits=tuple(sorted((p for i, p in enumerate(preds) if i not in matched_preds),
                                key=lambda p: (p.start, p.end))),
        misses=tuple(g for j, g in enumerate(gold) if j not in matched_gold and g.required),
        gold=tuple(gold),
    )


# --- scoring ------------------------------------------------------------------------------------


def predicted_field(pred: Prediction, name: str) -> object:
    """What the extractor said for a normalized field; None where the record has no such field."""
    if name == "time":
        scope = getattr(pred.source, "time", None)
        return scope.value if scope is not None else None
    return getattr(pred.source, name, None)


def agrees(name: str, expected: object, got: object) -> bool:
    """Numbers compare with a relative tolerance, as scaling "2.3 billion" in floats is inexact; all else exactly.

    ``value+unit`` compares (value, value_low, value_high, unit) part by part.
    """
    if name == VALUE_UNIT:
        return all(agrees(part, e, g) for part, e, g in zip(_VALUE_UNIT_PARTS, expected, got))
    if name in ("value",) + _RANGE_FIELDS and _is_number(expected):
        return _is_number(got) and math.isclose(got, expected, rel_tol=1e-9)
    return got == expected


_VALUE_UNIT_PARTS = ("value", "value_low", "value_high", "unit")


def gold_field(item: GoldItem, name: str) -> object:
    """What the gold says for a field; None where it does not say (``value+unit`` needs a unit)."""
    if name == VALUE_UNIT:
        return tuple(getattr(item, part) for part in _VALUE_UNIT_PARTS) if item.unit is not None else None
    return getattr(item, name)


def field_checks(article_id: str, pred: Prediction, item: GoldItem,
                 fields: Sequence[str] = NORMALIZED_FIELDS) -> list[FieldCheck]:
    """A check for every field in ``fields`` the gold item gives; fields it leaves out are not scored."""
    return [FieldCheck(article_id, pred, name, expected, _predicted(pred, name))
            for name in fields if (expected := gold_field(item, name)) is not None]


def _predicted(pred: Prediction, name: str) -> object:
    if name == VALUE_UNIT:
        return tuple(predicted_field(pred, part) for part in _VALUE_UNIT_PARTS)
    return predicted_field(pred, name)


def evaluate(pairs: Iterable[tuple[Extraction, list[GoldItem]]]) -> Report:
    """Score many articles at once; counts are summed over articles, never averaged. The
    description of found items and the check-worthiness ranking come as sections."""
    results = [score_article(extraction, gold) for extraction, gold in pairs]
    report = build_report(results)
    return replace(report, sections={"description": describe_results(results), "ranking": rank_results(results)})


def build_report(results: Sequence[ArticleResult], fields: Sequence[str] = NORMALIZED_FIELDS) -> Report:
    """Aggregate per-article matchings into per-kind detection and normalization of ``fields``
    (an extractor that cannot give a field, such as a role, is not scored on it)."""
    seen = {p.kind for r in results for p in r.false_hits} | {p.kind for r in results for p, _ in r.matched}
    kinds = KINDS + tuple(sorted(seen - set(KINDS)))
    detection = {kind: _detection(results, kind) for kind in kinds} | {"all": _detection(results, None)}
    checks = [c for r in results for p, g in r.matched for c in field_checks(r.article_id, p, g, fields)]
    misses = [g for r in results for g in r.misses]
    normalization = {kind: scores for kind in kinds
                     if (scores := _field_scores(checks, kind, detection[kind].fp, misses, fields))}
    return Report(
        detection=detection,
        normalization=normalization,
        misses=tuple(Mention(r.article_id, g.start, g.end, g.text, g.kind, g.value) for r in results for g in r.misses),
        false_hits=tuple(Mention(r.article_id, p.start, p.end, p.text, p.kind, getattr(p.source, "value", None))
                         for r in results for p in r.false_hits),
        errors=tuple(FieldError(c.article_id, c.pred.start, c.pred.end, c.pred.text, c.pred.kind,
                                c.field, c.expected, c.got) for c in checks if not c.ok and c.field != VALUE_UNIT),
    )


def _field_scores(checks: Sequence[FieldCheck], kind: str, false_hits: int,
                  misses: Sequence[GoldItem], fields: Sequence[str]) -> dict[str, FieldScore]:
    """Scores per field for one kind, leaving out fields no gold item of that kind gives."""
    scores = {}
    for name in fields:
        outcomes = [c.ok for c in checks if c.pred.kind == kind and c.field == name]
        missed = sum(g.kind == kind and gold_field(g, name) is not None for g in misses)
        if outcomes or missed:
            scores[name] = FieldScore(correct=sum(outcomes), total=len(outcomes),
                                      false_hits=false_hits, misses=missed)
    return scores


def _detection(results: Sequence[ArticleResult], kind: str | None) -> Detection:
    """Counts for one kind, or for all kinds when ``kind`` is None."""
    def wanted(k: str) -> bool:
        return kind is None or k == kind

    matched = [(p, g) for r in results for p, g in r.matched if wanted(p.kind)]
    return Detection(
        tp=len(matched),
        fp=sum(wanted(p.kind) for r in results for p in r.false_hits),
        fn=sum(wanted(g.kind) for r in results for g in r.misses),
        exact=sum(p.start == g.start and p.end == g.end for p, g in matched),
    )


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


def rank_results(results: Sequence[ArticleResult], k: int = TOP_K) -> Ranking:
    """Of each article's ``k`` most check-worthy rows (ties in text order), those that are
    required gold figures."""
    hits = slots = 0
    for r in results:
        ranked = sorted(r.claims, key=lambda c: (-float(c.checkworthiness or 0), c.start))[:k]
        wanted = [g for g in r.gold if g.required and g.kind in FIGURE_KINDS]
        hits += sum(any(c.kind == g.kind and overlap(c.start, c.end, g.start, g.end) for g in wanted) for c in ranked)
        slots += len(ranked)
    return Ranking(k=k, hits=hits, slots=slots)


def token_f1(predicted: str, expected: str) -> float:
    """Overlap of the lower-cased words of two phrases, as F1 over word counts."""
    got, want = _words(predicted), _words(expected)
    shared = sum(min(got.count(w), want.count(w)) for w in set(got))
    if not shared:
        return 1.0 if not got and not want else 0.0
    return _harmonic_mean(shared / len(got), shared / len(want))


def _words(phrase: str) -> list[str]:
    return re.findall(r"\w+", phrase.lower())


def _names(joined: str) -> list[str]:
    return [name.strip() for name in joined.split(";") if name.strip()]


# --- side by side -------------------------------------------------------------------------------

FIGURES = "figures"
"""The row that sums all figure kinds (money, percent, quantity, count), dates left out."""


def side_by_side(reports: Mapping[str, Report]) -> dict[str, dict[str, dict[str, float | None]]]:
    """Per figure kind (and all figures), per extractor: detection P/R/F1, value F1, value+unit F1,
    and qualifier and direction accuracy. None where the extractor cannot give the field or no
    gold item of the kind has it."""
    return {kind: {name: _summary(report, kinds) for name, report in reports.items()}
            for kind, kinds in [(k, (k,)) for k in FIGURE_KINDS] + [(FIGURES, FIGURE_KINDS)]}


def _summary(report: Report, kinds: Sequence[str]) -> dict[str, float | None]:
    detection = Detection(*(sum(getattr(report.detection.get(k, Detection()), part) for k in kinds)
                            for part in ("tp", "fp", "fn", "exact")))

    def field(name: str) -> FieldScore | None:
        scores = [report.normalization[k][name] for k in kinds if name in report.normalization.get(k, {})]
        if not scores:
            return None
        return FieldScore(*(sum(getattr(s, part) for s in scores)
                            for part in ("correct", "total", "false_hits", "misses")))

    value, value_unit, qualifier, direction = (field(n) for n in ("value", VALUE_UNIT, "qualifier", "direction"))
    return {"precision": detection.precision, "recall": detection.recall, "f1": detection.f1,
            "value_f1": value.f1 if value else None, "value_unit_f1": value_unit.f1 if value_unit else None,
            "qualifier_accuracy": qualifier.accuracy if qualifier else None,
            "direction_accuracy": direction.accuracy if direction else None}


@dataclass(frozen=True)
class SideBySide:
    """A report section: figure scores of several extractors on the same gold, the first being ours.

    Saved as the table plus the full reports of the other extractors (the baselines).
    """

    reports: Mapping[str, Report]

    def to_dict(self) -> dict:
        return {"table": side_by_side(self.reports),
                "baselines": {name: report.to_dict() for name, report in list(self.reports.items())[1:]}}

    def format_text(self) -> str:
        return "figures side by side on the same gold\n" + format_side_by_side(side_by_side(self.reports))


def format_side_by_side(table: Mapping[str, Mapping[str, Mapping[str, float | None]]]) -> str:
    """The side-by-side table as aligned text, one line per kind and extractor."""
    columns = ("precision", "recall", "f1", "value_f1", "value_unit_f1", "qualifier_accuracy", "direction_accuracy")
    headers = ("P", "R", "F1", "val F1", "v+u F1", "qual", "dir")
    lines = [f"{'kind':<10}{'extractor':<12}" + "".join(f"{h:>8}" for h in headers)]
    for kind, rows in table.items():
        for name, row in rows.items():
            lines.append(f"{kind:<10}{name:<12}" + "".join(
                f"{row[c]:>8.3f}" if row[c] is not None else f"{'-':>8}" for c in columns))
    return "\n".join(lines)


# --- negatives and output -----------------------------------------------------------------------


def negative_hits(extraction: Extraction, negatives: list[str]) -> list[Figure]:
    """Figures that are really part of a name or model number ("S-400"), which must never count.

    A figure hits when its own text, or the article around its span, holds a negative as a whole
    word, so a short negative such as "Xi" does not condemn a figure that touches "Xinhua".
    """
    patterns = [_whole_word(neg) for neg in negatives if neg]
    spans = [m.span() for pattern in patterns for m in pattern.finditer(extraction.article.text)]
    return [f for f in extraction.figures
            if any(pattern.search(f.text) for pattern in patterns)
            or any(overlap(f.start, f.end, start, end) for start, end in spans)]


def _whole_word(needle: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


def write_metrics(report: Report, path: Path) -> None:
    """Write the report as JSON, stable key order, so metric files diff cleanly between runs."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PipelineError(E_OUTPUT, str(path), f"cannot write metrics: {exc.strerror}") from exc


def _error_dict(e: FieldError) -> dict:
    return {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text,
            "kind": e.kind, "field": e.field, "expected": e.expected, "got": e.got}


def _error_line(e: FieldError) -> str:
    return f"  {e.article_id}  \"{e.text}\"  {e.field}  expected={_show(e.expected)}  got={_show(e.got)}"


def _mention_dict(m: Mention) -> dict:
    return {"article_id": m.article_id, "start": m.start, "end": m.end, "text": m.text,
            "kind": m.kind, "value": m.value}


def _harmonic_mean(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _show(value: object) -> str:
    """Numbers without a spurious ".0" (190000000000, not 1.9e+11); None as "-", empty as ""."""
    if value is None:
        return "-"
    if value == "":
        return '""'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
