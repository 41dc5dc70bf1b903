"""Builds the currency vocabulary from babel's CLDR data, so that the rules know every ISO 4217
currency by its code, its English names and plurals ("Swedish kronor") and its symbols ("CA$",
"R$", "₦", "zł") without a hand list.

CLDR gives each code its English display names, singular and plural ("US dollar", "US dollars"),
the symbol English text writes ("A$", "CA$", "HK$", "€"), and in each territory's own locales the
symbol written there ("RM" in Malaysia, "₦" in Nigeria); which currencies are legal tender today
decides between a current currency and an old one of the same name. ``rules/currencies.yml`` holds
what news writes that CLDR does not say, or says otherwise, and wins: "$" alone is the US dollar,
"C$" the Canadian dollar (CLDR: the Nicaraguan córdoba), "dlrs", "Rs.", "Swedish crowns".

Reading every locale takes seconds, so the vocabulary is cached as JSON like the units
(``pipeline.rules.built``).
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

from pipeline.rules.built import cached_json


def cached_currency_table(settings: dict[str, Any]) -> dict[str, Any]:
    """``build_currency_table(settings)``, read from the cache when built from the same settings
    and babel version."""
    return cached_json("currencies", "babel", settings, lambda: build_currency_table(settings))


def current_currencies() -> dict[str, Any]:
    """The currencies in use today as CLDR gives them, read once for the currency vocabulary
    (``build_currency_table``) and for naming a currency as the party of a figure
    (``pipeline.claims.party_reading``): ``tenders``, the legal tender of each territory by its
    code, the main currency first ("CH": ["CHF"]); ``names``, each such currency's English name
    as CLDR writes it ("CHF": "Swiss Franc", "USD": "US Dollar"). Cached like the vocabulary."""
    return cached_json("current-currencies", "babel", {}, read_current_currencies)


def read_current_currencies() -> dict[str, Any]:
    """``current_currencies`` read from babel."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    english = Locale("en")
    tenders = {}
    for territory in english.territories:
        try:
            tenders[territory] = list(get_territory_currencies(territory, tender=True))
        except Exception:  # noqa: BLE001 - CLDR lists regions (continents) that have no currency
            continue
    current = sorted({code for codes in tenders.values() for code in codes})
    return {"tenders": tenders, "names": {code: english.currencies.get(code, code) for code in current}}


def build_currency_table(settings: dict[str, Any]) -> dict[str, Any]:
    """The vocabulary drawn from CLDR, before the overrides:

    - ``codes``: every current ISO code, as written and, unless ``not_lower_case`` names it (codes
      that are words: "all", "top", "php"), in lower case ("usd 5 million");
    - ``symbols``: the English symbols, and the territories' own symbols that hold a character no
      ASCII letter is ("₦", "R$", "zł"; a symbol of letters alone, such as "DA" or "KM", is a word
      or an abbreviation in English text) and name one current currency only;
    - ``words``: the last word of each English name, singular and plural ("dollar", "kronor"), with
      the one currency it names: the one current currency with that word, or the one old one when
      no current currency has it ("markka"); unless ``not_alone`` names it ("real", "mark", "sol"
      are words first);
    - ``nationalities``: the word before that word ("australian" -> {dollar: AUD, dollars: AUD},
      "swedish" -> {krona: SEK, kronor: SEK}), where it names one currency.
    """
    from babel import Locale, localedata
    from babel.numbers import get_currency_name

    english = Locale("en")
    tenders = current_currencies()["tenders"]
    current = {code for codes_ in tenders.values() for code in codes_}
    codes = {code: code for code in sorted(current)}
    codes.update({code.lower(): code for code in sorted(current) if code.lower() not in settings["not_lower_case"]})
    symbols = {symbol: code for code, symbol in english.currency_symbols.items()
               if code in current and symbol != code and _has_sign(symbol)}
    local: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        for code in tenders.get(locale.territory or "", ())[:1]:
            symbol = locale.currency_symbols.get(code, code)
            if symbol != code and _has_sign(symbol):
                local[symbol].add(code)
    symbols.update({symbol: next(iter(codes_)) for symbol, codes_ in sorted(local.items())
                    if len(codes_) == 1 and symbol not in symbols})
    named: dict[str, set[str]] = defaultdict(set)
    named_now: dict[str, set[str]] = defaultdict(set)
    adjectives: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for code in sorted(set(english.currencies)):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            words = name.lower().split()
            if "(" in name or not words or not words[-1].isalpha():
                continue
            named[words[-1]].add(code)
            if code in current:
                named_now[words[-1]].add(code)
            if len(words) > 1:
                adjectives[words[-2]][words[-1]].add(code)
    not_alone = set(settings["not_alone"])
    words = {word: next(iter(named_now.get(word) or codes_)) for word, codes_ in sorted(named.items())
             if len(named_now.get(word) or codes_) == 1 and word not in not_alone}
    nationalities = {adjective: {word: next(iter(codes_)) for word, codes_ in sorted(by_word.items()) if len(codes_) == 1}
                     for adjective, by_word in sorted(adjectives.items())}
    return {"codes": codes, "symbols": symbols, "words": words,
            "nationalities": {adjective: by_word for adjective, by_word in nationalities.items() if by_word}}


def _has_sign(symbol: str) -> bool:
    """Whether a symbol holds a character that is no ASCII letter ("R$", "zł") or is a currency
    sign alone ("€", "₦"), so that it is no English word or abbreviation ("DA", "KM")."""
    visible = [c for c in symbol if unicodedata.category(c) not in ("Cf", "Zs", "Mn")]
    if len(visible) == 1:
        return unicodedata.category(visible[0]) == "Sc"
    return any(not (c.isascii() and c.isalpha()) for c in visible)
