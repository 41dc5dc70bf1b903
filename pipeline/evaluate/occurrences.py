"""Gold given as text + occurrence ("the 3rd '2022'"), located at character offsets in its article.

Annotators find it easiest to name an item by its text and the how-many-th time that exact string
appears; the evaluator needs offsets. Every match counts, also inside longer phrases, so "2022"
inside "February 4, 2022" is one of the occurrences of "2022".
"""
from __future__ import annotations

from pipeline.errors import E_GOLD, PipelineError


class UnlocatedItem(PipelineError):
    """An occurrence-form gold item the article does not hold (the text was edited, or the count
    is off): only that item is lost, the rest of its gold file is still scored."""

    def __init__(self, where: str, message: str):
        super().__init__(E_GOLD, where, message)


def is_occurrence_form(record: dict) -> bool:
    """A gold record that names its item by ``occurrence`` rather than by ``start``/``end``."""
    return "occurrence" in record


def locate(text: str, surface: str, occurrence: int) -> int | None:
    """Start of the ``occurrence``-th (1-based) match of ``surface`` in ``text``, counting every
    match: the 2nd "2022" of "In 2022 and again in 2022" starts at 21."""
    start = -1
    for _ in range(occurrence):
        start = text.find(surface, start + 1)
        if start < 0:
            return None
    return start


def count(text: str, surface: str) -> int:
    """How many times ``surface`` occurs in ``text``, overlapping matches included ("aa" in "aaa": 2)."""
    total, start = 0, text.find(surface)
    while start >= 0:
        total, start = total + 1, text.find(surface, start + 1)
    return total


def with_offsets(record: dict, text: str, where: str) -> dict:
    """The record in offset form: ``start`` and ``end`` first, then its own keys but ``occurrence``.

    A record that is malformed as an occurrence (no text, occurrence 0, offsets given as well)
    raises PipelineError; one whose occurrence the article does not hold raises UnlocatedItem,
    which names how many the article has: ``occurrence 2 of '$5 billion' not found (the article has 1)``.
    """
    surface, occurrence = record.get("text"), record["occurrence"]
    if "start" in record or "end" in record:
        raise PipelineError(E_GOLD, where, "give either start/end or occurrence, not both")
    if not isinstance(surface, str) or not surface or isinstance(occurrence, bool) \
            or not isinstance(occurrence, int) or occurrence < 1:
        raise PipelineError(E_GOLD, where, "text must be a non-empty string and occurrence a positive integer, "
                                           f"got {surface!r} and {occurrence!r}")
    start = locate(text, surface, occurrence)
    if start is None:
        raise UnlocatedItem(where, f"occurrence {occurrence} of {surface!r} not found "
                                   f"(the article has {count(text, surface)})")
    rest = {key: value for key, value in record.items() if key != "occurrence"}
    return {"start": start, "end": start + len(surface)} | rest
