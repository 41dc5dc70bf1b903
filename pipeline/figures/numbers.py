"""Pure functions that turn the words of a figure into numbers.

They take plain strings and the lexicons, so they can be tested without spaCy.
"""
from __future__ import annotations

import re
import unicodedata

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d{1,2}(,\d{2})+,\d{3}|\d+)(\.\d+)?$")
"""Plain digits with English ("1,234,567") or Indian ("12,34,567") grouping."""
_LEADING_ZERO = re.compile(r"^[+-]?0\d")
_SPACE_GROUPED = re.compile(r"^\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(\.\d+)?$")
"""Thousands grouped by spaces ("1 000 000", "2\u2009500", "1 234 567.89"), every group after the first of three digits."""
_FRACTION = re.compile(r"^(\d{1,2})/(2|3|4|8|16|32|64)$")
"""A fraction in digits as news and market copy write them ("1/2", "3/4", "7/8", "5/16"); "9/11"
and "24/7" are names, not fractions."""
VULGAR_FRACTION = re.compile(r"^(\d*)([\u00bc-\u00be\u2150-\u215e])$")
"""A whole number and a fraction typeset as one character ("2½", "¾", "3⅓"), as some papers print them."""
_DECIMAL_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d{1,2}$")
"""European notation that cannot be English: "1,5", "2,25", "1.234,5" (a comma then one or two digits)."""


def parse_digits(word: str) -> float | None:
    """'2,615' -> 2615.0, '1,23,456' -> 123456.0, '1.5' -> 1.5, '1,5' -> 1.5, '2½' -> 2.5; None for anything that is not a plain number.

    A comma followed by three digits is always a thousands separator, so "1,500" stays 1500.
    Digits with a leading zero ("000", "007", "020") are codes or the tail of a number split by a
    space ("12 000"), never a figure of their own."""
    if _SPACE_GROUPED.match(word):  # "1 000 000", one token (pipeline/nlp/digitgroups.py)
        word = re.sub(r"\s", "", word)
    if _LEADING_ZERO.match(word):
        return None
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    if _DECIMAL_COMMA.match(word):
        return float(word.replace(".", "").replace(",", "."))
    vulgar = VULGAR_FRACTION.match(word)
    if vulgar:  # "2½" -> 2.5
        return int(vulgar.group(1) or 0) + unicodedata.numeric(vulgar.group(2))
    return None


def parse_fraction(word: str) -> float | None:
    """'1/2' -> 0.5, '3/4' -> 0.75; None for anything else, "9/11" among them."""
    match = _FRACTION.match(word)
    if match is None or int(match.group(1)) >= int(match.group(2)):
        return None
    return int(match.group(1)) / int(match.group(2))


def parse_number(words: list[str], number_words: dict, scales: dict) -> float | None:
    """Read a number written in digits, words or both: '1.5 million', 'two billion',
    'twenty-five', 'a hundred', 'half a million', '10 1/2', '1/4', '2 and a half', '3 million and
    a half' (3.5 million), 'three point two' (3.2, as said aloud). Returns None when the words are
    not a number, among them two numbers side by side ("2021 5.5", "10 4", "10.4 million four": a
    number with decimals ends at its scale): they are two figures, never a sum."""
    lowered = [w.lower().strip() for w in words]
    if "point" in lowered[1:-1]:  # "three point two", "two hundred point zero three", "four point five million"
        at = lowered.index("point")
        tail = lowered[at + 1:]
        scale = 1.0
        while tail and tail[-1] in scales:
            scale, tail = scale * float(scales[tail[-1]]), tail[:-1]
        whole, decimals = parse_number(words[:at], number_words, scales), spoken_digits(tail, number_words)
        if whole is None or decimals is None or whole != int(whole):
            return None
        return float(f"{int(whole)}.{decimals}") * scale
    total, last_scale = 0.0, 1.0
    current: float | None = None
    seen = after_scale = after_digits = after_and = article = decimal = False
    for raw in words:
        word = raw.lower().strip()
        if word in ("and", ",", "-"):
            after_and = after_and or word == "and"
            continue
        if after_and and seen and float(number_words.get(word, 1)) < 1:
            part = float(number_words[word])  # "2 and a half"; "3 million and a half" is 3.5 million
            if current is None and after_scale:
                total += part * last_scale
            else:
                current = (current or 0.0) + part
            after_digits = after_and = False
            continue
        if word not in ("a", "an"):
            after_and = False
        fraction = parse_fraction(word)
        if fraction is not None:  # "10 1/2" is ten and a half; a fraction ends the number's digits
            if after_scale or (current is not None and (not after_digits or current != int(current))):
                return None
            current = (current or 0.0) + fraction
            seen, after_digits = True, True
            continue
        if word in ("a", "an"):  # "a million", "half a million", "one and a half"; not "1 million a day"
            article = current is None and not seen
            current = current if current is not None or seen else 1.0
            continue
        value = parse_digits(word)
        if value is None and "-" in word:
            value = parse_number(word.split("-"), number_words, scales)
        if value is not None or word in number_words:
            if article:  # "a two hundred dollar jacket": the article counts nothing
                current, article = None, False
            if after_digits or (value is not None and current is not None and not after_scale) \
                    or (decimal and after_scale and value is None):
                return None
            decimal = decimal or (value is not None and value != int(value))
            after_digits = value is not None and "-" not in word
            value = value if value is not None else float(number_words[word])
            current = (current or 0.0) + value
            seen, after_scale = True, False
            continue
        if word in scales:
            article = False
            factor = float(scales[word])
            if current is None and after_scale and factor >= 1000:
                total *= factor  # stacked scales: "20 lakh crore", "a thousand billion"
            elif factor >= 1000:
                total += (1.0 if current is None else current) * factor
                current, last_scale = None, factor
            else:
                current = (1.0 if current is None else current) * factor
            seen = after_scale = True
            after_digits = False
            continue
        return None
    if not seen:
        return None
    return total + (current or 0.0)


def spoken_digits(words: list[str], number_words: dict) -> str | None:
    """The digits said after "point", word by word: "zero three" -> "03", "seventy-one" and
    "seventy one" -> "71", "five" -> "5"; None when a word is no number below a hundred."""
    words = [w for w in words if w != "-"]
    digits, i = "", 0
    while i < len(words):
        value = number_words.get(words[i])
        if value is None or not 0 <= value < 100 or value != int(value):
            return None
        if value >= 20 and value % 10 == 0 and i + 1 < len(words) and 1 <= number_words.get(words[i + 1], 0) <= 9:
            value, i = value + number_words[words[i + 1]], i + 1  # "seventy-one"
        digits, i = digits + str(int(value)), i + 1
    return digits or None


SIGNIFICANT_DIGITS = 15
"""Digits a float holds exactly; past them is the noise of binary arithmetic, never the text's."""


def without_float_noise(value: float) -> float:
    """``value`` cut to the digits any text can give: "$17.1bn" is 17.1 * 1e9, which binary
    floats make 17100000000.000002; it is 17100000000."""
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def format_number(value: float | None) -> str:
    """A plain CSV number with the precision of the text: 190000000000, 2.5, 17100000000 for
    "$17.1bn"; never 1.9e+11 or 17100000000.000002."""
    if value is None:
        return ""
    value = without_float_noise(value)
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return repr(value)
