"""Builds the units vocabulary and its SI conversions from pint's unit registry, so that the rules
know every unit news writes ("75 mph", "3.2GHz", "380 Nm", "6,500 rpm") without a hand list.

pint is the source of both: each unit's name, symbol and aliases (British spellings among them),
its prefixed forms, and its factor (and offset) to SI. ``rules/units.yml`` says which of pint's
units a news text may mean (``registry``: the kinds of quantity by their SI base units, the prefixes
each unit takes, the names that are common words or no news unit) and adds the news readings pint
lacks or reads otherwise (``readings``: "bpd", "bcm", "C" as degrees Celsius rather than coulombs,
"Nm" as newton meters rather than pint's "number meter"), whose ``conversions`` win over pint's.

Loading pint takes seconds, so the built table is cached as JSON under the user's cache directory,
keyed by pint's version and the registry settings (``pipeline.rules.built``).
"""
from __future__ import annotations

from typing import Any

from pipeline.rules.built import cached_json


def cached_unit_table(registry: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """``{"surfaces": {lower-case surface, plural symbols among them ("kms"): canonical unit}, "symbols": [case-sensitive symbols],
    "conversions": {canonical unit: {si, factor[, offset]}}, "letters": {symbol of one letter read
    only glued to a number ("W"): canonical unit}}`` for the pint units ``registry``
    admits, and the conversions of the other canonical ``names`` the rules give ("square foot",
    "day"), read from the cache when it was built from the same settings and pint version."""
    return cached_json("units", "pint", [registry, sorted(names)], lambda: build_unit_table(registry, names))


def build_unit_table(registry: dict[str, Any], names: list[str] = ()) -> dict[str, Any]:
    """The table ``cached_unit_table`` returns, built from pint. A unit enters when its SI base
    units are one of ``registry["kinds"]`` ("meter / second" is a speed) and its name is not in
    ``skip``; its surfaces are its name (and plural), aliases and symbol, and with each prefix
    ``prefixed`` lists for it the prefixed names and symbols ("kilowatt", "kW"). Surfaces of one
    letter and those in ``skip_surfaces`` (common words: "in", "at") are left out; where two units
    share a lower-case surface, the one of the kind listed first in ``kinds`` wins. Canonical names
    are pint's with spaces ("mile per hour"), or as ``rename`` gives them ("tonne")."""
    import pint

    ureg = pint.UnitRegistry()
    rename: dict[str, str] = registry["rename"]
    kinds: dict[str, str] = registry["kinds"]
    skip, skip_surfaces = set(registry["skip"]), set(registry["skip_surfaces"])
    rank = {base: i for i, base in enumerate(kinds)}
    found: dict[str, tuple[int, str]] = {}
    symbols: set[str] = set()
    conversions: dict[str, dict] = {}

    def add(surface: str, canonical: str, order: int, symbol: bool) -> None:
        lower = surface.lower()
        if len(surface) < 2 or "_" in surface or lower in skip_surfaces or not surface.isprintable():
            return
        if lower not in found or order < found[lower][0]:
            found[lower] = (order, canonical)
        if symbol:
            symbols.add(surface)

    for name, definition in sorted(ureg._units.items()):
        if name != definition.name or name in skip or name.startswith("delta_"):
            continue
        base = _base_units(ureg, name)
        if base not in kinds:
            continue
        canonical = rename.get(name, name.replace("_", " "))
        conversions[canonical] = si_conversion(ureg, name, kinds[base])
        words = [name, *definition.aliases]
        forms = [*((word, False) for word in words), *((_plural(word), False) for word in words),
                 (definition.symbol or "", True)]
        for prefix in registry["prefixed"].get(name, ()):
            mark = ureg._prefixes[prefix].symbol
            prefixed = f"{prefix}{name}"
            conversions[prefixed.replace("_", " ")] = si_conversion(ureg, prefixed, kinds[base])
            for form, is_symbol in forms:
                if form and not is_symbol:
                    add(prefix + form, prefixed.replace("_", " "), rank[base], False)
            marks = {mark, *(a for a in ureg._prefixes[prefix].aliases if len(a) == 1 and not a.isascii())}
            letters = {definition.symbol, *(a for a in definition.aliases if len(a) == 1)} - {None, ""}
            for mark, letter in ((m, x) for m in marks for x in letters):  # "µm" and "μm", "ml" and "mL"
                add(mark + letter, prefixed.replace("_", " "), rank[base], True)
        for form, is_symbol in forms:
            if form:
                add(form, canonical, rank[base], is_symbol)
    times = rate_times(ureg, registry.get("times", {}), set(registry.get("time_skip", ())))
    durations = {**kinds, "second": "second"}  # the time units' names ("day") convert too
    powers = [f"{power} {name}" for name, c in conversions.items() if c["si"] == "meter" for power in ("square", "cubic")]
    others = {name: conversion for name, conversion in _conversions_of(ureg, [*names, *powers], durations).items()
              if name not in conversions}
    times_si = _conversions_of(ureg, sorted(set(times.values())), durations)
    letters = {letter: rename.get(name, name.replace("_", " ")) for letter in registry.get("letters", ())
               if (name := str(ureg.parse_units(letter))) in ureg._units}
    surfaces = {surface: canonical for surface, (_, canonical) in sorted(found.items())}
    return {"surfaces": {**surfaces, **plural_symbols(surfaces, sorted(symbols), skip_surfaces)},
            "symbols": sorted(symbols), "conversions": {**times_si, **conversions, **others}, "times": times,
            "letters": letters}


def plural_symbols(surfaces: dict[str, str], symbols: list[str], skip_surfaces: set[str]) -> dict[str, str]:
    """The symbols news writes with a plural -s ("80 kms", "12 cms", "3 yds"), each read as its
    symbol: a lower-case symbol of letters whose -s form is no unit of the table itself and no
    surface the registry skips as a word or another reading ("atms" is cash machines)."""
    return {symbol + "s": surfaces[symbol] for symbol in symbols
            if symbol.isascii() and symbol.isalpha() and symbol.islower() and len(symbol) > 1
            and symbol in surfaces and symbol + "s" not in surfaces and symbol + "s" not in skip_surfaces}


def rate_times(ureg, times: dict[str, list[str]], skip: set[str]) -> dict[str, str]:
    """The units of time that may follow "per" or "/" in a rate ("km/h", "meters per
    millisecond", "50 km/ms"), as ``{lower-case surface: canonical name}``: each time unit
    ``times`` names with its name, plural, aliases and symbol, and those of the prefixes it lists
    ("ms", "millisecond"). Symbols of one letter ("h", "s") enter here, where no other reading
    competes; the ``skip`` surfaces do not."""
    found: dict[str, str] = {}
    for name, prefixes in sorted(times.items()):
        for prefix in ["", *prefixes]:
            unit = ureg._units[name]
            canonical = f"{prefix}{name}"
            mark = ureg._prefixes[prefix].symbol if prefix else ""
            words = [name, *(a for a in unit.aliases if len(a) > 1 and a.isalpha())]
            forms = [prefix + w for w in words] + [prefix + _plural(w) for w in words if _plural(w)]
            forms += [mark + unit.symbol] if unit.symbol else []
            found.update({form.lower(): canonical for form in forms
                          if form.lower() not in skip and "_" not in form and form.isprintable()})
    return found


def _base_units(ureg, expression: str) -> str:
    try:
        return str(ureg.parse_expression(expression).to_base_units().units)
    except Exception:  # noqa: BLE001 - pint raises several kinds for units it cannot reduce
        return ""


def _plural(name: str) -> str:
    if name.endswith(("s", "z", "x")) or not (name.isascii() and name.isalpha() and len(name) > 2):
        return ""
    return name[:-1] + "ies" if name.endswith("y") and name[-2:-1] not in "aeiou" else name + "s"


def si_conversion(ureg, expression: str, si_name: str) -> dict:
    """``{si, factor[, offset]}`` of a pint expression ("mile" -> meter, 1609.344; "degree_Celsius"
    -> kelvin, 1, 273.15), where ``value_si = value * factor + offset``."""
    target = ureg.parse_expression(si_name.replace(" per ", " / ")).units
    at_zero = ureg.Quantity(0, ureg.parse_units(expression)).to(target).magnitude
    at_one = ureg.Quantity(1, ureg.parse_units(expression)).to(target).magnitude
    factor = float(f"{at_one - at_zero:.12g}")
    conversion: dict = {"si": si_name, "factor": factor}
    if at_zero:
        conversion["offset"] = float(f"{at_zero:.12g}")
    return conversion


def _conversions_of(ureg, names: list[str], kinds: dict[str, str]) -> dict[str, dict]:
    """SI conversions of canonical names ("square foot", "kilowatt hour", "megabit per second");
    names pint cannot read, or reads as no listed kind, are left out."""
    found = {}
    for name in names:
        expression = name.replace(" per ", " / ")
        base = _base_units(ureg, expression)
        if base in kinds:
            found[name] = si_conversion(ureg, expression, kinds[base])
    return found
