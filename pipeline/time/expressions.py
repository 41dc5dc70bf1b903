"""What a date resolver is given: the expression with what it is resolved against, and the lexicons."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateparser.date import DateDataParser

from pipeline.time.points import Point, narrative_label, published_anchor


@dataclass(frozen=True)
class Expression:
    """A matched time expression ("the third quarter", "20 days later") and its surroundings: the
    publication date, the last date the narrative set, and the tense of its clause, which places
    a month or weekday named without a year on the right side of the publication date ("added
    jobs in October" -> the last one). ``order`` ("dmy" or "mdy") is how a rule of type numeric
    reads "13/2/2022"; ``modifier`` is the one its words carry ("early", "mid", "fiscal");
    ``fiscal_end`` the month the company's fiscal year ends when the article states it, else 0."""

    words: list[str]
    lower: list[str]
    published: date | None
    narrative: Point | None
    narrative_text: str = ""
    tense: str = ""
    order: str = ""
    modifier: str = ""
    fiscal_end: int = 0

    def narrative_anchor(self) -> tuple[Point, str]:
        """The last date the narrative set, and how the anchor column names it."""
        return self.narrative, narrative_label(self.narrative, self.narrative_text)

    def published_anchor(self) -> tuple[Point | None, str]:
        """The publication date as an anchor, and how the anchor column names it."""
        return published_anchor(self.published)


@dataclass(frozen=True)
class DateWords:
    """The lexicons the resolvers look words up in, as tables built once per process, and the one
    dateparser reader of written calendar dates ("February 4, 2022"); ``results`` are the nouns of a
    company's results ("profit", "sales"), which tie a look back to the reporting frame."""

    months: dict[str, int]
    time_units: dict[str, str]
    number_words: dict
    scales: dict
    modifiers: dict[str, str]
    back: set[str]
    forward: set[str]
    same: set[str]
    weekdays: dict[str, int]
    quarters: dict[str, int]
    halves: dict[str, int]
    seasons: dict
    results: frozenset[str]
    calendar: DateDataParser

    @classmethod
    def from_lexicons(cls, lexicons: dict, calendar: DateDataParser) -> DateWords:
        """The tables of lexicons.yml, months, weekdays and ordinals with lower-cased keys, so that
        a word's lower-case form finds them ("Sept." -> "sept." -> 9)."""
        return cls(
            months={k.lower(): int(v) for k, v in lexicons["months"].items()},
            time_units=dict(lexicons["time_units"]),
            number_words=dict(lexicons["number_words"]),
            scales=dict(lexicons["scales"]),
            modifiers=dict(lexicons["date_modifiers"]),
            back=set(lexicons["relative_back"]),
            forward=set(lexicons["relative_forward"]),
            same=set(lexicons["relative_same"]),
            weekdays={k.lower(): int(v) for k, v in lexicons["weekdays"].items()},
            quarters={str(k).lower(): int(v) for k, v in lexicons["quarter_ordinals"].items()},
            halves={str(k).lower(): int(v) for k, v in lexicons["half_ordinals"].items()},
            seasons=dict(lexicons["seasons"]),
            results=frozenset(lexicons["results_measures"]),
            calendar=calendar,
        )
