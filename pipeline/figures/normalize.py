"""Normalizes a matched figure span: value (or range), unit and currency, the unit as
``UnitReader`` (pipeline/figures/unit_reading.py) reads it.

Works on the span's words and the lexicons only; which words are numbers, scales, currencies and
units is decided by ``rules/lexicons.yml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.figures.numbers import parse_fraction, parse_number, without_float_noise
from pipeline.figures.unit_reading import UnitReader
from pipeline.matching.candidates import SIGN_WORDS

_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DECIMAL = re.compile(r"^\d[\d,]*\.\d+$")
_SIGNS = (*SIGN_WORDS, "-")  # a sign word, or a hyphen only a rule for signed amounts starts a span with ("-$48m")

@dataclass(frozen=True)
class Amount:
    """What a figure's words say, as ``FigureNormalizer.normalize`` reads them: "$5-6 billion" is
    value None, value_low 5e9, value_high 6e9, unit "USD". Words that hold no number give no value
    at all (``readable`` is False), and the span is then no figure."""

    value: float | None
    value_low: float | None = None
    value_high: float | None = None
    unit: str = ""
    value_si: float | None = None
    unit_si: str = ""
    """The value in the SI unit of the units table (a single value only; empty for ranges)."""
    direction: str = ""
    """Only multipliers know their own direction: above 1 up ("doubled"), below 1 down ("halved")."""

    @property
    def readable(self) -> bool:
        """Whether the span read as a number or a range at all."""
        return self.value is not None or self.value_low is not None


class FigureNormalizer(UnitReader):
    """Built once from the lexicons; ``normalize`` is then a pure function of a span's words. The unit
    of a span is read as ``UnitReader`` reads it."""

    def __init__(self, lexicons: dict):
        super().__init__(lexicons)
        self.range_links = set(lexicons["range_links"])
        self.unit_scales = dict(lexicons["unit_scales"])
        self.multipliers = dict(lexicons["multipliers"])
        self.share_nouns = frozenset(lexicons["priced_share_nouns"])

    def normalize(self, kind: str, words: list[str], lemmas: list[str], sets: dict) -> Amount:
        """Value and unit of a figure of the given kind from its words (and their lemmas).
        A span that reads as no number, or as a range whose ends are not two numbers rising from
        low to high ("2021 to 5.5 percent", "the 3-2 win"), gets no value: it is no figure."""
        return self._read(kind, words, lemmas, sets)

    def whole_count(self, words: list[str], amount: Amount) -> bool:
        """Whether a count of things reads as whole numbers, with no decimals unless a scale
        follows them ("1.5 million people" is whole, "10769.00 points" is a level, not a count). A
        bare number counts no named thing and may be any number ("1,674,200.5"); nor need a
        fraction of a scale ("a third of a million people"). Whole is read past the noise of binary
        floats: "132.8 million shares" is 132800000, though 132.8 * 1e6 is not. Shares are counted
        in parts where an exchange or a right gives them ("converts into 1.25 shares for each
        preferred share", "one-half share"): a count of shares may be any number."""
        lower = [w.lower() for w in words]
        if not amount.unit or amount.unit in self.share_nouns or (any(w in self.fractions for w in lower) and any(w in self.scales for w in lower)):
            return True  # "a third of a million people" is a whole count, if not a whole number
        values = [without_float_noise(v) for v in (amount.value, amount.value_low, amount.value_high) if v is not None]
        if any(v != int(v) for v in values):
            return False
        return any(w.lower() in self.scales for w in words) or not any(_DECIMAL.match(w) for w in words)

    def _read(self, kind: str, words: list[str], lemmas: list[str], sets: dict) -> Amount:
        if kind == "count":
            words, lemmas = _without_class_letters(words, lemmas)
        phrase = self.unit_phrase(words)
        if phrase:  # "422 parts per million": the unit's words are no part of the number
            words, lemmas, sets = words[:-len(phrase)], lemmas[:-len(phrase)], {**sets, "unit": self.unit_phrases[phrase]}
        unit = sets.get("unit") or self.unit(kind, words, lemmas)
        form = sets.get("form")
        if form == "scale_first":  # "MSEK 500": the scale before the code and number applies to the number
            words, lemmas = words[1:] + words[:1], lemmas[1:] + lemmas[:1]
        if form == "fraction_of_percent":  # "half a percent" -> 0.5 percent
            lower = [w.lower() for w in words]
            fraction = self._fraction(lower)
            points = lower[-1] in ("point", "points")
            value = None if fraction is None else round(fraction, 6)
            return Amount(value, unit="percentage_point" if points else unit)
        if form == "fraction_of_unit":  # "half a mile" -> 0.5 mile, "a quarter of an hour" -> 0.25 hour
            lower = [w.lower() for w in words]  # "one-half share" counts half a share
            unit = self.counted_noun(words[-1], lemmas[-1]) if kind == "count" else self.unit(kind, words[-1:], lemmas[-1:])
            fraction = self._fraction(lower)
            if fraction is None and lower[0] in self.fractions and lower[1] == "-":  # "quarter-acre": one quarter
                fraction = 1 / self.fractions[lower[0]]
            value = None if fraction is None else round(fraction, 6)  # the unit alone: "a mile" is no rate
            return Amount(value, unit=unit, **self.to_si(value, unit))
        if form in ("fraction", "ratio", "multiplier"):
            return self._proportion(form, [w.lower() for w in words], [m.lower() for m in lemmas], unit)
        if form == "feet_inches":  # "5 ft 2 in" -> 62 inch
            feet, inches = (parse_number([w], self.number_words, self.scales) for w in words if self.is_number_word(w)
                            and w.lower() not in self.scales)
            value = None if feet is None or inches is None or inches >= 12 else feet * 12 + inches
            return Amount(value, unit=unit, **self.to_si(value, unit))
        if form == "exchange_rate":  # "151 per dollar": the number's currency is its sentence's (``exchange_rates``)
            numbers = [w for w in words if self.is_number_word(w)]
            return Amount(parse_number(numbers, self.number_words, self.scales))
        if form == "group_size":  # "a crew of six" -> 6 crew member
            value = parse_number([w for w in words[2:] if self.is_number_word(w)], self.number_words, self.scales)
            return Amount(value, unit=f"{self.counted_noun(words[0], lemmas[0])} member")
        if form == "strong_size":  # "a 50-strong mob" -> 50 mob member, the group's size before it
            at = [w.lower() for w in words].index("strong")
            value = parse_number([w for w in words[:at] if self.is_number_word(w)], self.number_words, self.scales)
            return Amount(value, unit=f"{self.counted_noun(words[-1], lemmas[-1])} member")
        if form == "main_and_subunit":  # "3 dollars 50 cents" -> 3.5 USD
            value = self._main_and_subunit(words)
            return Amount(value, unit=unit, **self.to_si(value, unit))
        if form == "letter_unit":  # "1.8m tall", "10 m/s": the letter after the number is the unit, no scale
            value = parse_number(words[:1], self.number_words, self.scales)
            per = self.per([w.lower() for w in words])
            unit = f"{unit} per {per}" if per else unit
            return Amount(value, unit=unit, **self.to_si(value, unit))
        if form == "couple":  # "couple of hundred fans" -> 200 fan
            scale = parse_number([w for w in words if w.lower() in self.scales], self.number_words, self.scales)
            return Amount(None if scale is None else 2 * scale, unit=self.counted_noun(words[-1], lemmas[-1]))
        if form == "count_rate":  # "240 frames per second" -> 240 frame per second
            lower = [w.lower() for w in words]
            at = lower.index("per")
            value = parse_number(words[:at - 1], self.number_words, self.scales)
            return Amount(value, unit=f"{self.counted_noun(words[at - 1], lemmas[at - 1])} per {self.per(lower[at - 1:])}")
        if form == "per_capita":  # "1,237 cases per 100,000 inhabitants" -> 1237 case per 100,000 people
            at = [w.lower() for w in words].index("per")
            bare = self.is_number_word(words[-1])  # "300 per 100,000": the people are left unsaid too
            per = " ".join(words[at + 1:] if bare else words[at + 1:-1])
            if self.is_number_word(words[at - 1]):  # "212 per 100,000 residents": the noun is left unsaid
                return Amount(parse_number(words[:at], self.number_words, self.scales), unit=f"per {per} people")
            value = parse_number(words[:at - 1], self.number_words, self.scales)
            return Amount(value, unit=f"{self.counted_noun(words[at - 1], lemmas[at - 1])} per {per} people")
        lower = [w.lower() for w in words]
        factor = 0.01 if kind == "money" and any(w in self.currency_subunits for w in lower) else 1.0
        if kind == "quantity":  # "55 bcm" is 55 billion cubic meters
            factor = next((float(self.unit_scales[w]) for w in lower if w in self.unit_scales), 1.0)
        cut = self._range_link(words)
        if cut is None and form in ("range", "near_range"):  # a range rule whose words hold no two-ended range
            return Amount(None, unit=unit)
        if cut is None:
            numeric = [w for i, w in enumerate(words) if self.is_number_word(w) or w.lower() == "and"  # "2 and a half"
                       or (w.lower() == "point" and 0 < i < len(words) - 1 and self.is_number_word(words[i + 1]))]
            value = parse_number(numeric, self.number_words, self.scales)
            scaled = self._scaled_fraction(lower)
            scaled = scaled if scaled is not None else self._fraction_after_scale(lower)
            value = scaled if scaled is not None else value
            value = None if value is None else value * factor * (-1 if lower[0] in _SIGNS else 1)
            return Amount(value, unit=unit, **self.to_si(value, unit))
        low, high = self._range_ends(words[:cut], words[cut + 1:])
        years = [any(_YEAR.match(w) for w in side) for side in (words[:cut], words[cut + 1:])]
        if low is None or high is None or low >= high or all(years):
            return Amount(None, unit=unit)  # "2019-2023" is a span of years, a date
        if form == "near_range" and 2 * low < high:  # "fell 12,000 to 310,000 claims": a change and a level
            return Amount(None, unit=unit)
        return Amount(None, low * factor, high * factor, unit)

    def _main_and_subunit(self, words: list[str]) -> float | None:
        """A currency and its hundredths ("thirteen dollars and forty-five cents" -> 13.45, "17
        USD 25" -> 17.25, "$ 100 and fifty" -> 100.5): the number before the currency's name or
        code (or, after a symbol, before the last "and") plus a hundredth of the one after it,
        under 100."""
        lower = [w.lower() for w in words]
        first = next((i for i, w in enumerate(words) if self.is_number_word(w) and w.lower() not in ("a", "an")), 0)
        named = [i for i in range(first + 1, len(words))
                 if lower[i] in self.currency_words or words[i] in self.currency_marks]
        at = named[0] if named else max((i for i, w in enumerate(lower) if w == "and"), default=len(words))
        main, hundredths = (parse_number([w for w in part if self.is_number_word(w)], self.number_words, self.scales)
                            for part in (words[first:at], words[at + 1:]))
        if main is None or hundredths is None or not 0 <= hundredths < 100:
            return None
        return round(main + hundredths / 100, 2)

    def _proportion(self, form: str, lower: list[str], lemmas: list[str], unit: str) -> Amount:
        """Fractions and ratios as a percent ("two-thirds" -> 66.667, "one in four" -> 25), and
        multipliers as times ("tripled" -> 3, "halve" -> 0.5, "3.5 times" -> 3.5, "twofold" -> 2)."""
        number = lambda part: parse_number(part, self.number_words, self.scales)  # noqa: E731
        if form == "fraction":
            fraction = self._fraction(lower)
            return Amount(None if fraction is None else round(100 * fraction, 3), unit=unit)
        if form == "ratio":  # "one in twenty-five", "two out of five hundred", "7 out of every 1,000"
            at = next(i for i, w in enumerate(lower) if w in ("in", "out"))
            part, whole = number(lower[:at]), number([w for w in lower[at + 1:] if w not in ("of", "every")])
            readable = part is not None and whole and part < whole
            return Amount(round(100 * part / whole, 3) if readable else None, unit=unit)
        value = next((float(self.multipliers[m]) for m in lemmas + lower if m in self.multipliers), None)
        if value is None and lower[-1].endswith("fold"):
            value = number([lower[-1].removesuffix("fold").rstrip("-")])
        if value is None and lower[-1] == "times":
            value = number(lower[:-1])
        direction = "" if value is None or value == 1 else ("up" if value > 1 else "down")
        return Amount(value, unit=unit, direction=direction)

    def _fraction(self, lower: list[str]) -> float | None:
        """The fraction the words name, as a number: "two-thirds" -> 0.667, "a tenth of a percent"
        -> 0.1, "half a percent" -> 0.5, "2/3" -> 0.667. A bare "third" is an ordinal ("her third of four
        attempts"); "half" is not."""
        at = next((i for i, w in enumerate(lower) if w in self.fractions), None)
        if at is None:  # "2/3 of voters"
            return next((f for f in map(parse_fraction, lower) if f is not None), None)
        head = [w for w in lower[:at] if w != "-"]
        if head in ([], ["a"], ["an"]):
            numerator = 1.0 if head or lower[at] == "half" else None
        else:
            numerator = parse_number(head, self.number_words, self.scales)
        return None if numerator is None else numerator / self.fractions[lower[at]]

    def _scaled_fraction(self, lower: list[str]) -> float | None:
        """A fraction of a scale: "a quarter million" -> 250000, "three quarters billion" ->
        750000000, "a third of a million" -> 333333.33; None for words with no fraction right
        before a scale word or "of a" and one."""
        def scale_after(i: int) -> int | None:  # where the scale word after the fraction at i stands
            at = i + 3 if lower[i + 1:i + 3] in (["of", "a"], ["of", "an"]) else i + 1
            return at if at < len(lower) and lower[at] in self.scales else None

        at = next((i for i, w in enumerate(lower[:-1]) if w in self.fractions and scale_after(i) is not None), None)
        if at is None or "and" in lower[:at]:  # "five and a half million" is 5.5 million
            return None
        fraction = self._fraction(lower[:at + 1]) if at else 1 / self.fractions[lower[at]]  # "quarter million"
        scale = parse_number([lower[scale_after(at)]], self.number_words, self.scales)
        return None if fraction is None or scale is None else fraction * scale

    def _fraction_after_scale(self, lower: list[str]) -> float | None:
        """A number with a fraction of its scale after "and": "3 million and a quarter" ->
        3250000, "five billion and three quarters" -> 5750000000; None for other words ("two and
        a half" is read by ``parse_number``)."""
        if len(lower) < 4 or lower[-1] not in self.fractions or "and" not in lower:
            return None
        at = len(lower) - 1 - lower[::-1].index("and")
        head = lower[:at]
        if not head or head[-1] not in self.scales:
            return None
        whole, fraction = parse_number(head, self.number_words, self.scales), self._fraction(lower[at + 1:])
        return None if whole is None or fraction is None else whole + fraction * float(self.scales[head[-1]])

    def _range_link(self, words: list[str]) -> int | None:
        """Where a range word stands between two numbers ("5-6 billion", "between 3 and 4"); a
        hyphen inside a written compound ("twenty-five") links no range, nor does "and" without
        "between" before it."""
        numbers = [i for i, w in enumerate(words)
                   if self.is_number_word(w) and w.lower() not in ("a", "an") and w.lower() not in self.scales]
        for i, word in enumerate(words):
            if word.lower() == "and" and "between" not in (w.lower() for w in words[:i]):
                continue  # "two hundred and two thousand" is one number; "between 200 and 2,000" a range
            if word.lower() in self.range_links and numbers and numbers[0] < i < numbers[-1]:
                if not self._is_compound(words[i - 1], word, words[i + 1]) and not self._joins(words, i):
                    return i
        return None

    def _joins(self, words: list[str], at: int) -> bool:
        """Whether the "and" at ``at`` joins the parts of one number: after a scale word, before a
        number smaller than that scale ("one hundred and sixteen", "two thousand and two hundred");
        "between one hundred and two hundred" is a range. "and a half" ends a number ("two and a
        half billion", "3 million and a half")."""
        if words[at].lower() == "and" and [w.lower() for w in words[at + 1:at + 3]] in (["a", "half"], ["one", "half"]):
            return True
        scale = self.scales.get(words[at - 1].lower()) if words[at].lower() == "and" else None
        after = [w for w in words[at + 1:] if self.is_number_word(w)]
        rest = parse_number(after, self.number_words, self.scales) if scale else None
        return rest is not None and rest < scale

    def _is_compound(self, left: str, link: str, right: str) -> bool:
        tens, unit = self.number_words.get(left.lower()), self.number_words.get(right.lower())
        return (link == "-" and tens is not None and unit is not None
                and tens >= 20 and tens % 10 == 0 and 1 <= unit <= 9)

    def _range_ends(self, left: list[str], right: list[str]) -> tuple[float | None, float | None]:
        """Both ends of a range; a scale written only after the high end applies to both."""
        left = [w for w in left if self.is_number_word(w)]
        right = [w for w in right if self.is_number_word(w)]
        right_scale = [w for w in right if w.lower() in self.scales]
        if right_scale and not any(w.lower() in self.scales for w in left):
            left = left + right_scale
        return (parse_number(left, self.number_words, self.scales),
                parse_number(right, self.number_words, self.scales))


def _without_class_letters(words: list[str], lemmas: list[str]) -> tuple[list[str], list[str]]:
    """The words of a count without the capital letter that names a class after a capitalised word
    ("1.1 million Class C warrants", "Series B shares"): a name's letter is no unit ("C") and no
    scale ("B"), and counts nothing."""
    keep = [i for i, w in enumerate(words)
            if not (len(w) == 1 and w.isupper() and i > 0 and words[i - 1].istitle() and len(words[i - 1]) > 1)]
    return [words[i] for i in keep], [lemmas[i] for i in keep]
