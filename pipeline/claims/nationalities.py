"""The countries and territories as CLDR names them, and the country a nationality word names,
read off those names rather than a list of nationalities ("Kenyans" -> Kenya, "Belgian" ->
Belgium)."""
from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from os.path import commonprefix

from babel import Locale


def _opening(name: str) -> str:
    """A name's first three letters in lower case, which a nationality word shares with its country."""
    return name.lower()[:3]


COUNTRY_NAMES = tuple(name for code, name in Locale("en").territories.items() if not code.isdigit())
"""The countries and territories as CLDR names them, which a nationality word is read against."""
_NAMES_BY_OPENING = {opening: tuple(names) for opening, names
                     in groupby(sorted(COUNTRY_NAMES, key=_opening), key=_opening)}  # a stable sort
"""The country names by their first three letters in lower case, each group in ``COUNTRY_NAMES``
order: ``country_of_people`` compares a word with the names that open as it does only."""
PEOPLE_ENDINGS = ("n", "an", "ian", "ean", "ese", "ish", "nish", "i", "ic", "k", "e")
"""What a nationality word adds to the shared start of its country's name: Kenya-n, Belgi-an,
Indonesia-n, Chin-ese, Spa-nish, Iraq-i, Gree-k, Argentin-e ("Liberal" is no Liberia-n, "Roman" no
Romania)."""


@lru_cache(maxsize=4096)  # a scan of every country name; the same few words come back in every article
def country_of_people(word: str) -> str | None:
    """The country a nationality word names, read off CLDR's country names rather than a list of
    nationalities: the one whose name the word shares all but a short ending with ("Indonesian" ->
    Indonesia, "Belgian" -> Belgium, "South African" -> South Africa, "Kenyans" -> Kenya), or is less
    its last "a" ("Somali"); None when no country or several fit as well ("Dutch", "Swiss")."""
    word = word.lower().removesuffix("s") if word.endswith(("ans", "is")) else word.lower()
    fits: dict[int, list[str]] = {}
    for name in _NAMES_BY_OPENING.get(word[:3], ()):  # a fit shares at least three letters
        shared = len(commonprefix([word, name.lower()]))
        if (shared >= max(3, len(name) - 2) and word[shared:] in PEOPLE_ENDINGS) or name.lower() == word + "a":
            fits.setdefault(shared, []).append(name)
    best = fits.get(max(fits, default=0), [])
    return best[0] if len(best) == 1 else None
