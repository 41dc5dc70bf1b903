"""Quantities in short news sentences: any extractor's figures scored on value and on value with unit.

A quantity benchmark of news sentences annotates every quantity with its value and unit, whatever
its kind ("a 6.1-inch screen", "AU$1.2 billion", "eighteen new wide-body jets"), and scores an
extractor on two things: the value it reads, and the value with the unit. This module reads such a
set (JSON lines: ``{"text", "quantities": [{"text", "value" | "low"+"high", "unit", "required"}]}``;
a quantity's ``text`` is located by its first occurrence in the sentence) and scores the figures of
the pipeline or of quantulum3 on it, each paired with the quantity its span overlaps, one to one
(``matching.match``). A quantity marked ``"required": false`` ("dozens of homes") is neither
missed nor a false hit; a ``"unit": null`` scores its value alone.
"""
from __future__ import annotations

import json
from datetime import date
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from pipeline.evaluate.baseline_quantulum import quantulum_figures
from pipeline.evaluate.counts import FieldScore
from pipeline.evaluate.gold import GoldItem
from pipeline.evaluate.matching import Prediction, match
from pipeline.evaluate.recognizers import same_unit
from pipeline.extract import extract_articles
from pipeline.records import Article
from pipeline.resources import Resources

SENTENCE_DAY = date(2024, 4, 9)
"""The publication date each sentence is read with: the sets date nothing, but "last year" needs a day."""

FIGURE = "figure"
"""The one kind both sides are matched as: the benchmark scores quantities whatever their kind."""


@dataclass(frozen=True)
class Sentence:
    text: str
    quantities: tuple[GoldItem, ...]


@dataclass(frozen=True)
class NewsScore:
    """Value and value+unit scores over a set, and the quantities each got wrong, as
    ``(sentence, quantity text, what was expected, what was found)``."""

    value: FieldScore
    value_unit: FieldScore
    wrong: tuple[tuple[str, str, str, str], ...]


def load_sentences(path: Path) -> list[Sentence]:
    """The sentences of a JSON-lines set, each with its quantities as figure gold items."""
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            sentences.append(Sentence(row["text"], tuple(_gold(row["text"], q) for q in row["quantities"])))
    return sentences


def _gold(text: str, quantity: dict) -> GoldItem:
    start = text.index(quantity["text"])
    return GoldItem(start=start, end=start + len(quantity["text"]), text=quantity["text"], kind=FIGURE,
                    value=quantity.get("value"), value_low=quantity.get("low"), value_high=quantity.get("high"),
                    unit=quantity.get("unit"), required=quantity.get("required", True))


def score_sentences(sentences: Sequence[Sentence], found: Iterable[Sequence[object]]) -> NewsScore:
    """Score each sentence's found figures (anything with ``start``, ``end``, ``text``, ``value``
    and ``unit``; ``value_low``/``value_high`` where it reads ranges) against its quantities."""
    value, value_unit, wrong = [0, 0, 0, 0], [0, 0, 0, 0], []  # correct, total, false hits, misses
    for sentence, figures in zip(sentences, found):
        preds = [Prediction(f.start, f.end, f.text, FIGURE, f) for f in figures]
        gold = sentence.quantities
        pairs = match(preds, gold)
        paired_preds, paired_gold = {i for i, _ in pairs}, {j for _, j in pairs}
        for counts in (value, value_unit):
            counts[2] += len(preds) - len(paired_preds)
            counts[3] += sum(1 for j, g in enumerate(gold) if j not in paired_gold and g.required)
        wrong += [(sentence.text, g.text, _shown(g), "nothing") for j, g in enumerate(gold)
                  if j not in paired_gold and g.required]
        wrong += [(sentence.text, p.text, "nothing", _shown(p.source)) for i, p in enumerate(preds)
                  if i not in paired_preds]
        for i, j in pairs:
            figure, want = preds[i].source, gold[j]
            if not want.required:
                continue
            right_value = _same_value(figure, want)
            right_unit = right_value and (want.unit is None or same_unit(figure.unit or "", want.unit))
            value[0] += right_value
            value_unit[0] += right_unit
            value[1] += 1
            value_unit[1] += 1
            if not right_unit:
                wrong.append((sentence.text, want.text, _shown(want), _shown(figure)))
    return NewsScore(FieldScore(*value), FieldScore(*value_unit), tuple(wrong))


def _same_value(figure: object, want: GoldItem) -> bool:
    if want.value_low is not None:
        return _close(getattr(figure, "value_low", None), want.value_low) \
            and _close(getattr(figure, "value_high", None), want.value_high)
    return _close(figure.value, want.value)


def _close(found: float | None, wanted: float | None) -> bool:
    """Equal to the gold's written precision ("a third" is 33.333 percent)."""
    return found is not None and wanted is not None and math.isclose(found, wanted, rel_tol=1e-4, abs_tol=1e-9)


def _shown(item: object) -> str:
    low = getattr(item, "value_low", None)
    value = f"{low:g}-{item.value_high:g}" if low is not None else \
        ("-" if item.value is None else f"{item.value:g}")
    return f"{value} {item.unit or ''}".strip()


def score_pipeline(sentences: Sequence[Sentence], res: Resources) -> NewsScore:
    """The pipeline's figures of each sentence, read as one short article, scored against its quantities."""
    articles = [Article(id=f"s{i}", text=s.text, published=SENTENCE_DAY) for i, s in enumerate(sentences)]
    return score_sentences(sentences, [e.figures for e in extract_articles(articles, res)])


def score_quantulum(sentences: Sequence[Sentence]) -> NewsScore:
    """quantulum3's quantities of each sentence scored the same way: the reference point."""
    return score_sentences(sentences, [quantulum_figures(s.text) for s in sentences])


def format_scores(scores: dict[str, NewsScore], wrong_of: str) -> str:
    """One line per extractor (value and value+unit P, R, F1), then what ``wrong_of`` read wrong,
    as ``claims eval --news`` prints it."""
    lines = [f"{'extractor':<12} {'value P':>7} {'R':>6} {'F1':>6}   {'value+unit P':>12} {'R':>6} {'F1':>6}"]
    for name, score in scores.items():
        v, vu = score.value, score.value_unit
        lines.append(f"{name:<12} {v.precision:7.3f} {v.recall:6.3f} {v.f1:6.3f}   "
                     f"{vu.precision:12.3f} {vu.recall:6.3f} {vu.f1:6.3f}")
    wrong = scores[wrong_of].wrong
    lines.append(f"{wrong_of}: read wrong or missed ({len(wrong)}): sentence | quantity | expected | found")
    lines += [f"  {' | '.join(row)}" for row in wrong]
    return "\n".join(lines)
