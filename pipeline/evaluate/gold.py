"""Hand-made gold: the items a gold file annotates, read and checked line by line, and the never-a-figure lists."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from pipeline.errors import E_ENCODING, E_GOLD, E_MISSING, PipelineError
from pipeline.evaluate.occurrences import UnlocatedItem, is_occurrence_form, with_offsets
from pipeline.records import FIGURE_KINDS, KINDS

GOLD_KINDS = KINDS + ("quote",)
"""Kinds a gold item may have: the figures, dates, and quotes with their speaker."""

RANGE_FIELDS = ("value_low", "value_high")
"""The two ends of a range ("between 2 and 3 percent"), numbers like ``value``."""
_STRING_FIELDS = ("unit", "time", "role", "qualifier", "direction", "modifier", "subject_hint", "subject", "speaker")
_BOOL_FIELDS = ("relative", "required")
_GOLD_KEYS = ("start", "end", "text", "kind", "value") + RANGE_FIELDS + _STRING_FIELDS + _BOOL_FIELDS + ("entities",)


@dataclass(frozen=True)
class GoldItem:
    """One hand-annotated figure or date; ``value`` is a number for figures and EDTF for dates.

    ``required=False`` marks items a good extractor may find but need not: finding them is
    rewarded, missing them is not punished. A field left None is one the gold does not give for
    this item, and it is not scored there.
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


def load_gold(path: Path, article_text: str | None = None,
              report: Callable[[str], None] | None = None) -> list[GoldItem]:
    """Read one article's gold JSONL, each item given by offsets or by text + occurrence.

    Occurrence items ("the 2nd '2022'") are located in ``article_text``, so a gold folder made by
    naming strings is scored as it is. An item the article does not hold is one ``report`` line
    naming file and line, and the rest of the file is still scored (with no ``report`` it stops the
    run); any other bad line stops the run, naming file and line.
    """
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(E_MISSING, str(path), "gold file not found") from exc
    except UnicodeDecodeError as exc:
        raise PipelineError(E_ENCODING, str(path), "gold file is not UTF-8") from exc
    items = []
    for lineno, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(_gold_item(gold_record(line, f"{path}:{lineno}", article_text)))
        except UnlocatedItem as err:
            if report is None:
                raise
            report(str(err))
    return items


def load_negatives(path: Path) -> list[str]:
    """Strings that must never be reported as figures; blank lines and ``#`` comments are skipped."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PipelineError(E_MISSING, str(path), "negatives file not found") from exc
    return [line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def gold_record(line: str, where: str, article_text: str | None = None) -> dict:
    """One gold line as a checked record in offset form, so scoring never runs on a malformed
    annotation; an occurrence-form line is first located in ``article_text`` (UnlocatedItem when
    the article does not hold it)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PipelineError(E_GOLD, where, f"not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise PipelineError(E_GOLD, where, "expected a JSON object")
    if is_occurrence_form(data):
        if article_text is None:
            raise PipelineError(E_GOLD, where, "an item given by occurrence needs its article to be located in")
        data = with_offsets(data, article_text, where)
    problem = _gold_problem(data)
    if problem:
        raise PipelineError(E_GOLD, where, problem)
    return data


def _gold_item(data: dict) -> GoldItem:
    """A checked record as a GoldItem; keys it leaves out take their defaults."""
    optional = {key: data[key] for key in RANGE_FIELDS + _STRING_FIELDS + ("relative",)
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
    is_range = all(is_number(data.get(key)) for key in RANGE_FIELDS)
    if kind in FIGURE_KINDS and not (is_number(value) or (value is None and is_range)):
        return f"a {kind} value must be a number (or null with value_low and value_high), got {value!r}"
    for key in RANGE_FIELDS:
        if data.get(key) is not None and not is_number(data[key]):
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


def check_offsets(gold: Sequence[GoldItem], text: str, article_id: str) -> None:
    """Refuse gold whose offsets do not point at its text: every score after that would be noise.

    A gold "$190 billion" at offsets that read "190 billion," in the article (the text was edited
    after annotation) stops the evaluation with E_GOLD instead of counting a miss.
    """
    for item in gold:
        if text[item.start:item.end] != item.text:
            raise PipelineError(E_GOLD, article_id, f"gold item {item.text!r} at {item.start}:{item.end} "
                                                    f"does not match the article text {text[item.start:item.end]!r}")


def is_number(x: object) -> bool:
    """A finite int or float, never a bool: JSON's ``true`` is not the number 1 in a gold value."""
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)
