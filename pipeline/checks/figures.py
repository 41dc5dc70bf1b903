"""The figures a check reads from claims: each figure's number, the measure it is of and the words
before it, the cue words found in those words, and numbers written short for flags."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from pipeline.records import Claim

WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
"""The digits a figure is written with, its decimals apart ("27.7" in "$27.7 million")."""

LEADING_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


@dataclass(frozen=True)
class Fig:
    """A figure claim as the checks see it: its number, the measure it is of, the words before it."""

    claim: Claim
    value: float
    measure: str
    """What the figure measures, to compare between figures: its subject without leading articles
    and possessives ("bilateral trade"), else that of the figure of its unit in the sentence before."""
    own_measure: bool
    """False when ``measure`` was taken from the sentence before."""
    before: str
    """Its sentence up to the figure, where the cues are looked for ("China has imported ... worth")."""

    @property
    def id(self) -> str:
        return self.claim.claim_id

    @property
    def linked(self) -> set[str]:
        """The ids of the figures the parse links this one with ("rose 5% to $21 million from $20
        million": the change, its start and its end)."""
        return {i.strip() for i in self.claim.linked_to.split(";") if i.strip()}

    @cached_property
    def half_step(self) -> float:
        """How far the true number may lie from the one written, which is rounded to its last
        digit: "$27.7 million" is 27.65 to 27.75 million, "$94 million" 93.5 to 94.5 million; 0
        for a number written in words ("seventy million")."""
        found = WRITTEN_NUMBER.search(self.claim.text)
        written = float(found.group(0).replace(",", "")) if found else 0.0
        if not written:
            return 0.0
        return 0.5 * 10 ** -len(found.group(1) or "") * abs(self.value) / written

    @property
    def names_party_only(self) -> bool:
        """Whether its measure is only the name of its party ("Norton had net of ... or $3.87 a
        share" and "Norton had operating profit of ... or $3.66 a share"): the subject says whose
        figure it is, not what it measures."""
        return self.measure in {name.strip().lower() for name in self.claim.entities.split(";")}


def relative_range(a: Fig, b: Fig) -> tuple[float, tuple[float, float]] | None:
    """The percent change from A to B as written, and its lowest and highest over what their
    rounding allows."""
    if not a.value:
        return None
    written = (b.value / a.value - 1) * 100
    low, high = a.value - a.half_step, a.value + a.half_step
    if low <= 0:
        return written, (written, written)
    ends = ((b.value - b.half_step) / high - 1) * 100, ((b.value + b.half_step) / low - 1) * 100
    return written, (min(ends), max(ends))


def off_range(stated: float, found: tuple[float, float]) -> float:
    """How far a stated number lies outside a range: 0 inside it."""
    return max(found[0] - stated, stated - found[1], 0.0)


def figures_of(claims: Sequence[Claim]) -> list[Fig]:
    """The figure claims with a single value, in text order, each with its measure: its own
    subject, else the subject of a figure of the same unit in the sentence just before."""
    figs: list[Fig] = []
    seen: dict[tuple[int, str], int] = defaultdict(int)
    last_measure: dict[tuple[int, str], str] = {}
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.kind == "date" or not claim.value or claim.value_low or claim.value_high:
            continue
        try:
            value = float(claim.value)
        except ValueError:
            continue
        occurrence = seen[(claim.sentence_index, claim.text)]
        seen[(claim.sentence_index, claim.text)] += 1
        own = normalize_measure(claim.subject)
        measure = own or last_measure.get((claim.sentence_index - 1, claim.unit), "")
        if measure:
            last_measure[(claim.sentence_index, claim.unit)] = measure
        figs.append(Fig(claim, value, measure, bool(own), words_before(claim.sentence, claim.text, occurrence)))
    return figs


def normalize_measure(subject: str) -> str:
    """A subject as a measure to compare: "The bilateral trade" and "their bilateral trade" are both
    "bilateral trade"."""
    words = subject.lower().replace("’", "'").split()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def words_before(sentence: str, text: str, occurrence: int) -> str:
    """The sentence up to the ``occurrence``-th copy of the figure's text."""
    position = -1
    for _ in range(occurrence + 1):
        position = sentence.find(text, position + 1)
        if position < 0:
            return ""
    return sentence[:position]


def word_list(text: str) -> list[str]:
    """The lower-case words of a text, so cues match whatever the case and punctuation ("Imports," is
    "imports")."""
    return re.findall(r"[a-z]+", text.lower())


def has_word(text: str, words: Iterable[str]) -> bool:
    """Whether any of ``words`` is a word of ``text``: "total trade" has the total cue "total"."""
    return bool(set(word_list(text)) & set(words))


def ends_with_word(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` ends with one of ``words``, e.g. the words before a figure end with "to" in
    "rose from $5 billion to $6 billion"."""
    found = word_list(text)
    return bool(found) and found[-1] in set(words)


def last_cue(text: str, groups: dict[str, list[str]]) -> tuple[str, ...] | None:
    """The cue list whose word comes last in ``text``, the one nearest the figure: in "China
    imported oil and exported cars worth $111 billion" the figure is of exports."""
    for word in reversed(word_list(text)):
        for cues in groups.values():
            if word in cues:
                return tuple(cues)
    return None


def fmt(value: float, signed: bool = False) -> str:
    """A number short enough to read in a flag: 129000000000 -> 129e9, 139.7e9, 36, 2.5."""
    sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
    magnitude, exponent = abs(value), 0
    if magnitude >= 1e6:
        while magnitude >= 1000:
            magnitude, exponent = magnitude / 1000, exponent + 3
    text = f"{magnitude:.4g}"
    if "e" in text:  # 4 significant digits of a number of 10,000 or more
        text = f"{magnitude:.0f}"
    return sign + text + (f"e{exponent}" if exponent else "")

