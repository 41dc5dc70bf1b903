"""Dates scored against a TimeML corpus as in TempEval-3 task A, per kind of gold value, with the error groups.

``evaluate_timeml`` is the job behind ``claims eval --timeml DIR``: read the corpus (``timeml.py``),
run the pipeline and the dateparser baseline, score both.

Gold is every ``type="DATE"`` TIMEX3 of the text. A system's predictions are its date mentions,
written as TIMEX3s (``timex.py``): values in TIMEX3 notation, an interval as its bounds. Detection is strict (the same span) and
relaxed (overlapping spans, paired one to one as everywhere in the evaluation); value P/R/F1 are
TempEval-3's: the relaxed matches whose value is right, over all predictions and over all gold.
A prediction that overlaps a gold TIME, DURATION or SET timex (and no DATE) is set aside: it found
a time expression the scoring leaves out, so it is neither right nor wrong.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluate.baseline_dates import baseline_dates
from pipeline.evaluate.counts import Detection, FieldScore
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import Prediction, match, overlap
from pipeline.evaluate.timeml import TimeMLDocument, Timex, read_timeml_corpus
from pipeline.evaluate.timex import canonical_timex3, timex3_spans
from pipeline.extract import extract_articles
from pipeline.records import DateMention
from pipeline.resources import Resources

SCORED_TYPE = "DATE"
KINDS = ("year", "month", "day", "quarter", "season", "week", "decade_century", "ref", "other")
_KIND_PATTERNS = (
    ("year", re.compile(r"^\d{4}$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
    ("season", re.compile(r"^\d{4}-(SP|SU|FA|WI)$")),
    ("week", re.compile(r"^\d{4}-W\d{2}$")),
    ("decade_century", re.compile(r"^\d{2,3}$")),
    ("ref", re.compile(r"^(PRESENT|PAST|FUTURE)_REF$")),
)
TOP = 8
"""How many surface forms each error group shows."""

def value_kind(value: str) -> str:
    """The kind of a TIMEX3 value, to see where a system is weak: ``1998-W33`` is a week,
    ``198`` a decade, ``PRESENT_REF`` a reference to now; unanchored ``XXXX-WI``, durations
    ``P1W``, half years and intervals are "other"."""
    return next((kind for kind, pattern in _KIND_PATTERNS if pattern.match(value)), "other")


def surface_form(text: str) -> str:
    """A span's text as errors are grouped: lower case, digits as ``#`` ("March 1990" and
    "March 1989" are one form, ``march ####``)."""
    return re.sub(r"\d", "#", " ".join(text.lower().split()))


@dataclass(frozen=True)
class KindScores:
    """Strict and relaxed detection and the value score for one kind of gold value (or "all")."""

    gold: int
    strict: Detection
    relaxed: Detection
    value: FieldScore

    def to_dict(self) -> dict:
        return {"gold": self.gold, "strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict(),
                "value": self.value.to_dict()}


@dataclass(frozen=True)
class Slip:
    """A missed gold date, a false hit, or a found date with a wrong value, for a reader to look up."""

    document: str
    text: str
    kind: str
    expected: str
    got: str

    def to_dict(self) -> dict:
        return {"document": self.document, "text": self.text, "kind": self.kind,
                "expected": self.expected, "got": self.got}


@dataclass(frozen=True)
class SystemResult:
    """One system's scores per kind and every slip it made."""

    scores: Mapping[str, KindScores]
    misses: tuple[Slip, ...]
    false_hits: tuple[Slip, ...]
    wrong_values: tuple[Slip, ...]
    set_aside: int

    def to_dict(self) -> dict:
        return {"kinds": {kind: s.to_dict() for kind, s in self.scores.items()}, "set_aside": self.set_aside,
                "error_groups": self.error_groups(),
                "misses": [m.to_dict() for m in self.misses], "false_hits": [m.to_dict() for m in self.false_hits],
                "wrong_values": [m.to_dict() for m in self.wrong_values]}

    def error_groups(self) -> dict:
        """The most frequent missed forms per kind, false hits, and wrong values by kinds."""
        missed = {kind: _top(surface_form(m.text) for m in self.misses if m.kind == kind) for kind in KINDS}
        wrong = Counter(_wrong_group(m) for m in self.wrong_values)
        return {"missed": {kind: forms for kind, forms in missed.items() if forms},
                "false_hits": _top(surface_form(m.text) for m in self.false_hits),
                "wrong_values": {group: _top(surface_form(m.text) for m in self.wrong_values if _wrong_group(m) == group)
                                 for group, _ in wrong.most_common(TOP)}}


def _wrong_group(slip: Slip) -> str:
    """The kinds of the gold value and of the value given: ``day -> year``, ``ref -> empty``."""
    return f"{slip.kind} -> {value_kind(slip.got) if slip.got else 'empty'}"


@dataclass(frozen=True)
class TimeMLReport:
    """The TempEval-3 scores of every system on one TimeML corpus."""

    documents: int
    systems: Mapping[str, SystemResult] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"documents": self.documents, "systems": {name: r.to_dict() for name, r in self.systems.items()}}

    def format_text(self) -> str:
        lines = [f"timeml: {self.documents} documents, type=DATE timexes; strict = same span, relaxed = overlap, "
                 "value = TIMEX3 value right among relaxed matches (P over predictions, R over gold)",
                 f"{'system':<11}{'kind':<15}{'gold':>5}{'strict P':>9}{'R':>6}{'F1':>6}"
                 f"{'relaxed P':>10}{'R':>6}{'F1':>6}{'value P':>8}{'R':>6}{'F1':>6}"]
        for system, result in self.systems.items():
            for kind, s in result.scores.items():
                lines.append(f"{system:<11}{kind:<15}{s.gold:>5}{s.strict.precision:>9.3f}{s.strict.recall:>6.3f}"
                             f"{s.strict.f1:>6.3f}{s.relaxed.precision:>10.3f}{s.relaxed.recall:>6.3f}"
                             f"{s.relaxed.f1:>6.3f}{s.value.precision:>8.3f}{s.value.recall:>6.3f}{s.value.f1:>6.3f}")
        for system, result in self.systems.items():
            groups = result.error_groups()
            lines += ["", f"{system}: {result.set_aside} prediction(s) set aside (on a TIME, DURATION or SET timex)",
                      f"{system}: most frequent missed forms, by kind of gold value"]
            lines += [f"  {kind:<15}{_show(forms)}" for kind, forms in groups["missed"].items()]
            lines += [f"{system}: most frequent false hits", f"  {_show(groups['false_hits'])}",
                      f"{system}: wrong values, by kind of gold value -> kind of the value given"]
            lines += [f"  {group:<24}{sum(forms.values()):>4}  {_show(forms)}"
                      for group, forms in groups["wrong_values"].items()]
        return "\n".join(lines)


def evaluate_timeml(folder: Path, res: Resources, report: Callable[[str], None]) -> TimeMLReport:
    """Read every ``.tml`` file under ``folder``, run the pipeline and the dateparser baseline on
    their texts (each anchored at its creation time) and score both."""
    documents = read_timeml_corpus(folder, report)
    found = [extraction.dates for extraction in extract_articles([d.article for d in documents], res)]
    return score_timeml(documents, {"pipeline": found, "dateparser": [baseline_dates(d.article) for d in documents]})


def score_timeml(documents: Sequence[TimeMLDocument], systems: Mapping[str, Sequence[Sequence[DateMention]]]) -> TimeMLReport:
    """Score each system's dates (one sequence per document, in the order of ``documents``)."""
    return TimeMLReport(documents=len(documents),
                        systems={name: score_system(documents, found) for name, found in systems.items()})


def score_system(documents: Sequence[TimeMLDocument], found: Sequence[Sequence[DateMention]]) -> SystemResult:
    """Counts per kind summed over documents, never averaged, and every slip."""
    tally = {kind: Counter() for kind in KINDS + ("all",)}
    misses, false_hits, wrong, set_aside = [], [], [], 0
    for document, dates in zip(documents, found, strict=True):
        gold = [_gold_item(t) for t in document.timexes if t.type == SCORED_TYPE]
        others = [t for t in document.timexes if t.type != SCORED_TYPE]
        preds = [Prediction(start, end, text, "date", value) for d in dates
                 for start, end, text, value in timex3_spans(d.start, d.text, d.value, d.reference, d.fiscal_quarter)]
        kept = [p for p in preds if any(overlap(p.start, p.end, g.start, g.end) for g in gold)
                or not any(overlap(p.start, p.end, t.start, t.end) for t in others)]
        set_aside += len(preds) - len(kept)
        name = document.article.id
        for item in gold:
            _add(tally, _kind(item), gold=1)
        _count_strict(kept, gold, tally)
        pairs = match(kept, gold)
        for i, j in pairs:
            pred, item = kept[i], gold[j]
            right = pred.source == item.value
            _add(tally, _kind(item), relaxed_tp=1, value_correct=int(right),
                 relaxed_exact=int((pred.start, pred.end) == (item.start, item.end)))
            if not right:
                wrong.append(Slip(name, item.text, _kind(item), str(item.value), pred.source))
        paired_preds, paired_gold = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, pred in enumerate(kept):
            if i not in paired_preds:
                _add(tally, value_kind(pred.source), relaxed_fp=1)
                false_hits.append(Slip(name, pred.text, value_kind(pred.source), "", pred.source))
        for j, item in enumerate(gold):
            if j not in paired_gold:
                misses.append(Slip(name, item.text, _kind(item), str(item.value), ""))
    return SystemResult(scores={kind: _scores(counts) for kind, counts in tally.items()}, misses=tuple(misses),
                        false_hits=tuple(false_hits), wrong_values=tuple(wrong), set_aside=set_aside)


def _count_strict(preds: Sequence[Prediction], gold: Sequence[GoldItem], tally: dict[str, Counter]) -> None:
    """A prediction is a strict hit when its span is a gold span not already taken."""
    spans = {(g.start, g.end): g for g in gold}
    taken: set[tuple[int, int]] = set()
    for pred in preds:
        span = (pred.start, pred.end)
        if span in spans and span not in taken:
            taken.add(span)
            _add(tally, _kind(spans[span]), strict_tp=1)
        else:
            _add(tally, value_kind(pred.source), strict_fp=1)


def _gold_item(timex: Timex) -> GoldItem:
    """A gold DATE as the matcher takes it, its value in the one notation of ``canonical_timex3``."""
    return GoldItem(start=timex.start, end=timex.end, text=timex.text, kind="date", value=canonical_timex3(timex.value),
                    modifier=timex.mod or None)


def _kind(item: GoldItem) -> str:
    return value_kind(str(item.value))


def _add(tally: dict[str, Counter], kind: str, **counts: int) -> None:
    for key in (kind, "all"):
        tally[key].update(counts)


def _scores(counts: Counter) -> KindScores:
    """Strict: every unmatched gold span is a miss; relaxed likewise over the one-to-one pairs."""
    gold, strict_tp, relaxed_tp = counts["gold"], counts["strict_tp"], counts["relaxed_tp"]
    return KindScores(
        gold=gold,
        strict=Detection(tp=strict_tp, fp=counts["strict_fp"], fn=gold - strict_tp, exact=strict_tp),
        relaxed=Detection(tp=relaxed_tp, fp=counts["relaxed_fp"], fn=gold - relaxed_tp, exact=counts["relaxed_exact"]),
        value=FieldScore(correct=counts["value_correct"], total=relaxed_tp, false_hits=counts["relaxed_fp"],
                         misses=gold - relaxed_tp),
    )


def _top(forms: Iterable[str]) -> dict[str, int]:
    return dict(Counter(forms).most_common(TOP))


def _show(forms: Mapping[str, int]) -> str:
    return ", ".join(f"\"{form}\" {count}" for form, count in forms.items())
