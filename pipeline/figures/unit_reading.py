"""The unit of a figure read from its words: a currency's ISO code ("$5 million" -> USD, "Hong Kong
dollars" -> HKD), a measure's canonical unit with its SI value ("2,615-mile" -> mile, 4208434.56
meter), the counted noun ("troops" -> troop) and what a rate is per ("per diluted share" -> share).
Split from pipeline/figures/normalize.py, which reads the number; which words are units,
currencies and numbers is decided by ``rules/lexicons.yml`` and ``rules/units.yml``.
"""
from __future__ import annotations

from pipeline.figures.numbers import parse_number


class UnitReader:
    """Built once from the lexicons; its readings are pure functions of a span's words."""

    def __init__(self, lexicons: dict):
        self.number_words = dict(lexicons["number_words"])
        self.scales = dict(lexicons["scales"])
        self.fractions = dict(lexicons["fractions"])
        self.currency_marks = {**lexicons["currency_symbols"], **lexicons["currency_codes"]}
        self.dollar_codes = frozenset(code for symbol, code in lexicons["currency_symbols"].items() if "$" in symbol)
        self.currency_words = {**lexicons["currency_words"], **lexicons["ambiguous_currency_words"]}
        self.currency_subunits = dict(lexicons["currency_subunits"])
        self.nationalities = dict(lexicons["currency_nationalities"])
        self.units = dict(lexicons["units"])
        self.cased_units = {**lexicons["unit_letters"], **lexicons["unit_cased_readings"]}
        self.letters_after_slash = {letter.lower(): unit for letter, unit in lexicons["unit_letters"].items()}
        self.unit_modifiers = dict(lexicons["unit_modifiers"])
        self.time_units = dict(lexicons["time_units"])
        self.rate_times = {**lexicons["rate_words"], **lexicons["rate_times"]}  # "per annum": per year
        self.conversions = dict(lexicons["unit_conversions"])
        self.count_unit_names = dict(lexicons["count_unit_names"])
        self.count_nouns = frozenset(lexicons["count_nouns"])
        self.numbered_model_noun = lexicons["numbered_model_noun"]
        self.unit_phrases = {tuple(k.split()): v for k, v in lexicons["unit_phrases"].items()}

    def unit(self, kind: str, words: list[str], lemmas: list[str]) -> str:
        """The unit a figure of this kind is given in: "percent", a currency's code and what it is
        per ("$2 a share" -> "USD/share"), a measure's unit, or the counted noun ("4 ferries" ->
        ferry); "" where the words name none."""
        lower = [w.lower() for w in words]
        if kind == "percent":
            return "percent"
        if kind == "money":
            mark = self.currency_mark(words)
            code = self.currency_marks[mark] if mark else None
            per = self.per(lower)
            code = code or self._currency_name(lower, [m.lower() for m in lemmas])
            return f"{code}/{per}" if per else code
        if kind == "quantity":
            return self._measure_unit(lower, words)
        if kind == "count":  # the counted thing: the last word after the number ("3 million and a quarter": none)
            numbers = [i for i, w in enumerate(words) if self.is_number_word(w) or w.lower() in self.fractions]
            if numbers and numbers[-1] < len(words) - 3 and words[-2] == "-":  # "e-bikes" -> e-bike
                return f"{words[-3].lower()}-{self.counted_noun(words[-1], lemmas[-1])}"
            if numbers and numbers[-1] < len(words) - 1:
                return self.counted_noun(words[-1], lemmas[-1])
            return ""
        return ""

    def unit_phrase(self, words: list[str]) -> tuple[str, ...]:
        """The several-word unit the span ends with ("parts per million"), or ()."""
        lower = tuple(w.lower() for w in words)
        return next((p for p in self.unit_phrases if len(p) < len(lower) and lower[-len(p):] == p), ())

    def currency_mark(self, words: list[str]) -> str:
        """The currency symbol or code a money span is written with, as the lexicons spell it:
        "$" in "$5 million", "HK$" in "HK $4,500" and in "hk $ 10.05 billion" (a sign written apart
        from its country's letters), "" for a span with none ("5 million euros")."""
        for i, word in enumerate(words):
            joined = word + words[i + 1] if i + 1 < len(words) and words[i + 1] == "$" else ""
            for form in (joined, joined.upper(), word):
                if form and form in self.currency_marks:
                    return form
        return ""

    def _currency_name(self, lower: list[str], lemmas: list[str]) -> str:
        """ISO code of a currency written as a word, a nationality before it deciding which
        ("Hong Kong dollars" -> HKD, "dollars" -> USD, "cents" -> USD). A subunit after a nationality
        is a hundredth of that nation's currency of the same name ("Canadian cents" -> CAD, as
        "Canadian dollars")."""
        for i, word in enumerate(lower):
            named = self.nationalities.get(lower[i - 1], {}) if i else {}
            if word in self.currency_subunits:
                code = self.currency_subunits[word]
                return next((own for main, own in named.items() if self.currency_words.get(main) == code), code)
            if word in self.currency_words:
                return named.get(lemmas[i], named.get(word, self.currency_words[word]))
        return ""

    def counted_noun(self, word: str, lemma: str) -> str:
        """Singular counted noun: 'troops' -> troop, 'people' -> person, a designation or a name keeps
        its case ('F-16s' -> F-16, 'Americans' -> American, 'MPs' -> MP, 'Swiss'); the plural of a bare
        model number counts what the number names ('737s' -> plane)."""
        if word[:-1].isdigit() and word.endswith("s"):
            return self.numbered_model_noun
        if any(c.isdigit() for c in word) or (word[:1].isupper() and not word.isupper() and lemma == word):
            return word[:-1] if word.endswith("s") and not word.endswith("ss") else word  # "Swiss"
        if word[:-1].isupper() and word.endswith("s"):  # "MPs" -> MP
            return word[:-1]
        lemma = lemma.lower()
        return self.count_unit_names.get(word.lower(), self.count_unit_names.get(lemma, lemma))

    def _measure_unit(self, lower: list[str], words: list[str]) -> str:
        """'cubic meters per year' -> 'cubic metre per year', '2,615-mile' -> 'mile', '30 years' ->
        'year', '380 Nm' -> 'newton meter' (a reading that holds only as written: '7nm' is nanometers), '65 W'
        glued -> 'watt'."""
        words = [w for w in words if w != "-"]  # "1,800-square-foot", "40 megawatt-hours"
        lower = [w for w in lower if w != "-"]
        at = next((i for i, w in enumerate(lower) if w in self.units or words[i] in self.cased_units), None)
        if at is None:  # "14 per month" is a rate of things left unsaid, "30 years" a duration
            per = self.per(lower)
            return f"per {per}" if per else next((self.time_units[w] for w in lower if w in self.time_units), "")
        before = [self.unit_modifiers[w] for w in lower[at - 1:at] if w in self.unit_modifiers]
        after = [self.unit_modifiers[w] for w in lower[at + 1:at + 2] if w in self.unit_modifiers]
        name = " ".join(before + [self.cased_units.get(words[at]) or self.units[lower[at]]] + after)
        name = self.units.get(name, name)  # "metric ton" is a tonne
        per = self.per(lower)
        return f"{name} per {self.time_units.get(per, per)}" if per else name

    def per(self, lower: list[str]) -> str:
        """The unit after "per"/"a"/"/" at the end of a rate, by its canonical name ("per day" ->
        day, "a litre" -> liter, "per megawatt hour" and "per megawatt-hour", "/ms" -> millisecond,
        "/L" -> liter: a unit letter stands alone after a slash); a word before it that names no unit
        describes it ("per diluted share", "a common share" -> share)."""
        for i, word in enumerate(lower[:-1]):
            if word in ("per", "a", "an", "each", "/") and i > 0 and not self.is_number_word(lower[i + 1]):
                after = [w for w in lower[i + 1:] if w != "-"]
                if word == "/" and len(after) == 1 and after[0] in self.letters_after_slash:
                    return self.letters_after_slash[after[0]]
                if len(after) == 2 and after[0] not in {**self.units, **self.time_units, **self.unit_modifiers, **self.scales}:
                    after = after[1:]
                return " ".join(self.units.get(w, self.time_units.get(w, self.rate_times.get(w, w))) for w in after)
        return ""
    def to_si(self, value: float | None, unit: str) -> dict:
        """``value_si``/``unit_si`` from the units table: "2615 mile" -> 4208434.56 meter, a rate
        "barrel per day" -> cubic meter per second; nothing for units the table does not list."""
        parts = [unit] if unit in self.conversions else unit.split(" per ")  # "mile per hour" is one unit
        conversions = [self.conversions.get(part) for part in parts]
        if value is None or len(parts) > 2 or None in conversions:
            return {}
        first = conversions[0]
        if len(parts) == 1:
            si_value, si_unit = value * first["factor"] + first.get("offset", 0), first["si"]
        elif "offset" in first:
            return {}
        else:
            si_value, si_unit = value * first["factor"] / conversions[1]["factor"], f"{first['si']} per {conversions[1]['si']}"
        return {"value_si": float(f"{si_value:.10g}"), "unit_si": si_unit}

    def is_number_word(self, word: str) -> bool:
        """Whether a word is a number, a number word or a scale ("12", "twelve", "million"), or "a"
        and "an", which count one before a scale ("a million")."""
        lower = word.lower()
        return (lower in self.number_words or lower in self.scales or lower in ("a", "an")
                or parse_number([lower], self.number_words, self.scales) is not None)
