"""Reads the word lists of ``rules/lexicons.yml`` and joins to them the units of ``rules/units.yml``:
the unit words and their SI conversions, drawn from pint's registry (``unit_table``) with the
file's own readings and conversions winning."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE, PipelineError
from pipeline.rules.files import read_yaml
from pipeline.rules.currency_table import cached_currency_table
from pipeline.rules.unit_table import cached_unit_table

LEXICON_FILE = "lexicons.yml"
CURRENCIES_FILE = "currencies.yml"
"""The currencies: how babel's CLDR data is read (``cldr``) and the news forms that win over it;
they join the lexicons as ``currency_symbols``, ``currency_codes``, ``currency_words``,
``ambiguous_currency_words`` and ``currency_nationalities``, with ``currency_symbol_heads`` ("HK"
of "HK $4,500") and ``currency_signs`` (the symbols that are no English word, written after a number
too: "40 €", "500 zł") drawn from the symbols."""
UNITS_FILE = "units.yml"
"""The units: pint's registry as ``registry`` narrows it, news ``readings`` and SI ``conversions``
that win over pint's; they join the lexicons as ``units``, ``unit_symbols`` and ``unit_conversions``."""


def read_lexicons(rules_dir: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The word lists, plus the units (``units``: a lower-case word -> its canonical unit;
    ``unit_symbols``: the symbols as written, which the tokenizer splits from a number: "3.2GHz";
    ``unit_cased_readings``: readings that hold only as written, "Nm" newton meters where "nm"
    stays nanometers; ``unit_letters``: pint's symbols of one letter read only glued to a number,
    "65W" watts; ``rate_times``: the units of time a rate may be per, "ms" in "50 km/ms"),
    their conversions as ``unit_conversions``, the units left without an SI value as
    ``units_without_si`` and the surfaces left out as words or other readings
    (``unit_skipped_surfaces``: "gal"), and every problem with either file. The lists are None when
    ``lexicons.yml`` cannot be used, since no rule that names one ("@scales") can be read without
    it; a problem in the units file leaves them usable."""
    lexicons, problems = _word_lists(rules_dir / LEXICON_FILE)
    currencies, currency_problems = _currencies(rules_dir / CURRENCIES_FILE)
    if lexicons is None:
        return None, problems + currency_problems + _units_table(rules_dir / UNITS_FILE, {})[1]
    units, unit_problems = _units_table(rules_dir / UNITS_FILE, lexicons)
    return {**lexicons, **currencies, **units}, problems + currency_problems + unit_problems


def _word_lists(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return None, [str(err)]
    if not isinstance(data, dict):
        return None, [f"[{E_RULE}] {path}: expected a mapping of lexicon name to list or mapping"]
    return data, []


CURRENCY_KEYS = ("symbols", "codes", "words", "ambiguous_words", "nationalities")
CLDR_KEYS = ("word_codes", "not_lower_case", "not_alone")


def _currencies(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The currency lexicons: CLDR's vocabulary with the file's entries winning. A code in
    ``word_codes`` is read in neither case; a name the file calls ambiguous is money only after a
    scale word, so it leaves the plain names."""
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {}, [str(err)]
    data = data if isinstance(data, dict) else {}
    missing = [key for key in CURRENCY_KEYS if not isinstance(data.get(key), dict)]
    cldr = data.get("cldr")
    if missing or not isinstance(cldr, dict) or any(not isinstance(cldr.get(key), list) for key in CLDR_KEYS):
        return {}, [f"[{E_RULE}] {path}: expected mappings {', '.join(CURRENCY_KEYS)} and 'cldr' with lists "
                    f"{', '.join(CLDR_KEYS)}"]
    settings = {key: sorted(map(str, cldr[key])) for key in CLDR_KEYS}
    table = cached_currency_table({**settings, "not_lower_case": sorted({*settings["not_lower_case"],
                                                                          *map(str.lower, settings["word_codes"])})})
    word_codes = set(settings["word_codes"])
    codes = {code: iso for code, iso in table["codes"].items() if code.upper() not in word_codes}
    ambiguous = {str(k): str(v) for k, v in data["ambiguous_words"].items()}
    words = {word: code for word, code in {**table["words"], **data["words"]}.items() if word not in ambiguous}
    nationalities = {**table["nationalities"]}
    for adjective, named in data["nationalities"].items():
        nationalities[str(adjective)] = {**nationalities.get(str(adjective), {}), **named}
    symbols = {**table["symbols"], **data["symbols"]}
    symbols = {**code_dollar_signs(symbols, codes), **symbols}
    return {"currency_symbols": symbols, "currency_codes": {**codes, **data["codes"]},
            "currency_symbol_heads": symbol_heads(symbols), "currency_signs": sorted(s for s in symbols if not (s.isascii() and s.isalpha())),
            "currency_words": words, "ambiguous_currency_words": ambiguous,
            "currency_nationalities": nationalities}, []


def code_dollar_signs(symbols: dict[str, str], codes: dict[str, str]) -> dict[str, str]:
    """The ISO code of a dollar or peso glued to its "$" ("USD$ 15", "nzd$15", "MXN$ 200"): every
    currency one of whose symbols holds a "$" may be written so, in either case, even a code read
    in capitals only when alone ("cad$ 15": glued to the sign it is no word)."""
    dollars = {code for symbol, code in symbols.items() if "$" in symbol} & set(codes.values())
    return {f"{written}$": code for code in sorted(dollars) for written in (code, code.lower())}


def symbol_heads(symbols: dict[str, str]) -> dict[str, str]:
    """The letters of the dollar signs that news sometimes writes apart from the "$" ("HK $4,500",
    "US $2.3 million", lower-cased "c $ 16.4 million"): "HK" -> HKD. The letter "A" (and "a") is
    left out, which before "$5" is an article ("A $5 million grant")."""
    heads = {symbol[:-1]: code for symbol, code in symbols.items()
             if symbol.endswith("$") and symbol[:-1].isalpha() and symbol[:-1].isupper()}
    both = {**heads, **{head.lower(): code for head, code in heads.items()}}
    return {head: code for head, code in sorted(both.items()) if head.lower() not in ("a", "i")}


REGISTRY_KEYS = ("kinds", "prefixed", "skip", "skip_surfaces", "rename")


def _units_table(path: Path, lexicons: dict) -> tuple[dict[str, Any], list[str]]:
    """The units joined from pint and the file, with a problem naming each conversion that is not
    ``{si, factor[, offset]}`` and each part of the file that is missing."""
    try:
        data = read_yaml(path)
    except PipelineError as err:
        return {}, [str(err)]
    data = data if isinstance(data, dict) else {}
    conversions, registry, readings = data.get("conversions"), data.get("registry"), data.get("readings")
    problems = []
    if not isinstance(conversions, dict):
        problems.append(f"[{E_RULE}] {path}: expected 'conversions': unit -> {{si, factor[, offset]}}")
        conversions = {}
    if not isinstance(registry, dict) or any(key not in registry for key in REGISTRY_KEYS):
        problems.append(f"[{E_RULE}] {path}: expected 'registry' with {', '.join(REGISTRY_KEYS)}")
        registry = None
    if not isinstance(readings, dict):
        problems.append(f"[{E_RULE}] {path}: expected 'readings': word -> unit")
        readings = {}
    good = {unit: c for unit, c in conversions.items()
            if isinstance(c, dict) and isinstance(c.get("si"), str) and isinstance(c.get("factor"), int | float)}
    problems += [f"[{E_RULE}] {path}: unit '{unit}': expected {{si, factor[, offset]}}"
                 for unit in conversions if unit not in good]
    if registry is None or not lexicons:
        return {}, problems
    names = sorted({*map(str, readings.values()), *map(str, lexicons.get("time_units", {}).values())})
    table = cached_unit_table(registry, names)
    surfaces = table["surfaces"]
    cased = {str(k): str(v) for k, v in readings.items() if str(k) != str(k).lower() and str(k).lower() in surfaces}
    plain = {str(k).lower(): str(v) for k, v in readings.items() if str(k) not in cased}
    return {"units": {**surfaces, **plain}, "unit_cased_readings": cased,
            "unit_symbols": table["symbols"], "unit_letters": table.get("letters", {}),
            "unit_readings": sorted(map(str, readings)),
            "rate_times": table["times"],
            "unit_conversions": {**table["conversions"], **good},
            "units_without_si": list(data.get("no_si") or []),
            "unit_skipped_surfaces": sorted(map(str, registry["skip_surfaces"]))}, problems
