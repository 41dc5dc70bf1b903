"""One name per party across the ways an article spells it ("VanArden" after "Van Arden Co.",
"Karl R. Benning" with "Karl Robert Benning"), and the countries a hyphen joins into one word
("Russia-Ukraine trade", "U.S.-Japan talks"), which the model reads as one name or half of one,
the maker's name the model runs a model or a count into ("12 Kestrel K450s"), and which of the
people who share a surname the surname alone stands for ("Ruiz" after "Ana Ruiz's father, Tomas
Ruiz"); dotted initials written without their last period ("the U.S embassy"); and what the model
takes for a name but names no one: common words ("a more or less united rebel force") and a time
zone ("at 2245 GMT")."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

from spacy.tokens import Span, Token

from pipeline.nlp.casing import titled_inside

HYPHENED = re.compile(r"(?<![\w.&/-])[A-Z][\w.]*(?:-[A-Z][\w.]*)+(?![\w&/-])")
"""Capitalised words joined by hyphens ("Russia-Ukraine", "U.S.-Japan", "Israel-Syrian")."""
LAST_INITIAL = re.compile(r"\b((?:[a-z]\.)+[a-z])\.(?=\s|$)", re.IGNORECASE)
"""Dotted initials' last letter and period ("U.S.", "U.N. Security Council")."""
COUNT = re.compile(r"\d[\d,.\s]*")
"""A number as one word, its thousands perhaps set off by spaces ("40 919" of "40 919 freighters")."""


@cache
def time_zones() -> frozenset[str]:
    """The time zones' abbreviations, as the IANA time zone database writes them in winter and
    summer: "UTC", "GMT", "EST", "CEST". Read from the ``tzdata`` package, so that every machine
    reads the same ones (Windows has no system database, and systems carry other versions), and
    only on the first name asked about (the 600 zones cost a tenth of a second)."""
    zones = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return frozenset(name for zone in zones for tz in [_zone(zone)] for month in (1, 7)
                     for name in [datetime(2020, month, 1, tzinfo=tz).tzname()] if name and name.isalpha())


def _zone(key: str) -> ZoneInfo:
    """One zone of the ``tzdata`` package ("Europe/Paris")."""
    with resources.files("tzdata.zoneinfo").joinpath(key).open("rb") as data:
        return ZoneInfo.from_file(data, key=key)


def name_key(name: str) -> str:
    """A name as compared across its spellings: "Van Arden", "VanArden" and "van Arden" -> "vanarden";
    "Rail & Freight" is "Rail and Freight"."""
    return re.sub(r"\W|_", "", name.replace("&", " and ").lower())


def one_name_each(entities: list[dict]) -> list[dict]:
    """One canonical name per party across an article's spellings: an organisation or person
    written another way later ("VanArden" after "Van Arden Co.", "Rail and Freight" after "Rail &
    Freight") takes the name it was first given; a person's shorter name that ends a longer one
    ("van Hoek" after "Pieter Van Hoek"), or that opens it, given names without the surname
    ("Jose Luis" with "Jose Luis Moreno"), or that has its first and last names with the middle
    names left out or cut to initials ("Karl R. Benning", "Karl Benning" with "Karl Robert
    Benning"), takes the longer, the fullest the article gives, if only one fits."""
    first: dict[tuple[str, str], str] = {}
    for ent in entities:
        first.setdefault((ent["label"], name_key(ent["canonical"])), ent["canonical"])
    people = {key: name for (label, key), name in first.items() if label == "PERSON"}
    words = {key: [name_key(w) for w in name.split()] for key, name in people.items()}
    out = []
    for ent in entities:
        key = name_key(ent["canonical"])
        name = first.get((ent["label"], key), ent["canonical"])
        if ent["label"] == "PERSON" and len(words[key]) > 1:
            longer = [people[k] for k, w in words.items() if len(w) > len(words[key]) and words[key] in (
                w[-len(words[key]):], w[:len(words[key])]) or _initialled(words[key], w)]
            name = longer[0] if len(longer) == 1 else name
        out.append(ent | {"canonical": name})
    return out


def _initialled(short: list[str], full: list[str]) -> bool:
    """Whether a name is a fuller one, whose middle names are spelled out, with them left out or
    cut to their initial: ["karl", "r", "benning"] and ["karl", "benning"] of ["karl", "robert",
    "benning"]; not of ["karl", "otto", "benning"], and nothing of "George H. W. Bush"."""
    if len(short) < 2 or len(full) < 3 or short[0] != full[0] or short[-1] != full[-1] \
            or any(len(name) == 1 for name in full[1:-1]):
        return False
    middle = iter(full[1:-1])
    return short != full and all(
        any(word == name or (len(word) == 1 and name.startswith(word)) for name in middle) for word in short[1:-1])


def hyphened(text: str, country_label: Callable[[str], str | None]) -> Iterator[tuple[int, int, list[tuple[int, int, str]]]]:
    """Each word of two or more countries or nationalities joined by hyphens ("Russia-Ukraine
    trade", "U.S.-Japan talks", "Israel-Syrian talks"), as its start and end and the start, end
    and label (``country_label``) of each country in it; not a word with any other part
    ("Anglo-Dutch", "Coca-Cola", "Jean-Pierre")."""
    for match in HYPHENED.finditer(text):
        parts, start = [], match.start()
        for word in match.group().split("-"):
            label = country_label(word) or country_label(word.rstrip("."))
            if label is None:
                break
            written = word if country_label(word) else word.rstrip(".")
            parts.append((start, start + len(written), label))
            start += len(word) + 1
        else:
            yield match.start(), parts[-1][1], parts


def maker_of(tokens: list[Token]) -> list[Token]:
    """An organisation's name without the model or the count the model ran it into: "Kestrel
    K450s" is Kestrel, its maker, as are "12 Kestrel K450s" and "Kestrel 919 freighters"; a count
    of things no maker names ("40 919 freighters") names nothing. A name that is a code itself
    ("3M") or ends in a number ("Channel 4") stays."""
    counted = bool(COUNT.fullmatch(tokens[0].text))
    name = tokens[1:] if counted else tokens
    model = next((i for i, token in enumerate(name) if i > 0 and any(c.isdigit() for c in token.text)
                  and (any(c.isalpha() for c in token.text) or i + 1 < len(name))), None)
    return name[:model] if model is not None else [] if counted else name


def surname(name: str, suffixes: frozenset[str] = frozenset()) -> str:
    """A person's surname: the name's last word before a generational suffix (``suffixes``) and its
    comma, "Abbott" of "Warren T. Abbott Jr." and of "Warren Abbott, III"; a one-word name is its own."""
    words = name.split()
    while len(words) > 2 and words[-1] in suffixes:
        words.pop()
    return words[-1].rstrip(",")


def surname_bearers(fits: Counter, surname_word: str, at: int, named_at: dict[str, list[int]], called_first: Counter,
                    labels: dict[str, str], suffixes: frozenset[str] = frozenset()) -> Counter:
    """The people a surname alone at ``at`` may stand for, among the full names it ``fits``: those
    named in full before it (``named_at`` holds where), if any ("Ruiz's second letter" is not a Ruiz
    named only later); of two or more, the ones the article calls by their first name alone least
    often, as a child is called ("Ana Ruiz's father, Tomas Ruiz, ... Ana ... Ruiz's letter": her
    father), and of those the one last named in full before it ("Tomas Ruiz lashed out ... Ruiz
    said"). ``called_first`` counts the first names said alone; organisations are kept as they are;
    a name's generational ``suffixes`` come after its surname ("Ruiz" of "Tomas Ruiz Jr.")."""
    people = [name for name in fits if labels[name] == "PERSON" and surname(name, suffixes) == surname_word]
    last = {name: max(i for i in named_at[name] if i < at) for name in people if named_at[name][0] < at}
    if len(last) > 1:
        fewest = min(called_first[name] for name in last)
        last = {max((name for name in last if called_first[name] == fewest), key=last.__getitem__): 0}
    keep = set(last) or set(people)
    return Counter({name: n for name, n in fits.items() if name not in people or name in keep})


def without_last_period(name: str) -> str:
    """A name with its dotted initials written without their last period, as some wire services
    write them: "u.s." -> "u.s" ("the U.S embassy"), "u.n. security council" -> "u.n security
    council". A spelling of the same name, so the table need not list it."""
    return LAST_INITIAL.sub(r"\1", name)


def names_no_one(ent: Span) -> bool:
    """Whether the model's entity names no one: a time zone ("at 2245 GMT", "7 May 2009 UTC"), or
    only common words, with no proper noun among them and no word capitalised but the sentence's
    first unless the article writes that word capitalised inside a sentence too ("a more or less
    united rebel force" and "Permits for the delegation were not issued" read as names, but not
    "Treasury officials said" where the article writes "the Treasury" elsewhere). A nationality
    ("Cuban officials") is left alone."""
    if ent.text in time_zones():
        return True
    if ent.label_ == "NORP" or any(t.pos_ == "PROPN" or t.is_upper or (t.is_title and not t.is_sent_start) for t in ent):
        return False
    opening = ent[0]
    return not (opening.is_title and opening.lower in titled_inside(ent.doc))
