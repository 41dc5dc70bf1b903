"""Decides which dollar a bare "$" means, which currency a name several currencies share means, and
which currency a share price quoted with no sign is in, from the article's own signals.

"$" alone is the US dollar in the lexicons, as most English news means it. An article that writes
another dollar's symbol says otherwise: an Australian report that writes "AU$1.2 billion" means
Australian dollars by its bare "$40 million" too, unless it also writes "US$", in which case the
bare sign stays ambiguous and keeps the default. And an amount followed by its US-dollar
equivalent in parentheses ("$500 million (US$350 million)") is not itself in US dollars: it is in
the article's own dollar when the article names one; while a bare "$" amount in parentheses after
an amount in another currency ("C$500 million ($370 million)") is its US-dollar equivalent.
Cents are the US dollar's in the lexicons too, unless the article's money is all in one other
currency: "R24.87 a litre after a 63-cent increase" is South African cents.
"""
from __future__ import annotations

from collections import Counter

US_DOLLAR = "USD"
BARE_SIGN = "$"


def local_dollars(marks: list[str], codes: list[str], equivalents: list[bool], restatements: list[bool],
                  dollar_codes: set[str], named: set[str] = frozenset()) -> list[str]:
    """The currency of each money figure of an article, given the symbol each is written with
    (``marks``: "$", "A$", "US$", "" for none), the code the lexicons read (``codes``), whether an
    amount in US dollars follows it in parentheses (``equivalents``), whether it restates the
    amount before it in parentheses (``restatements``: "C$500 million ($370 million)", where the
    bare "$" is the US dollar of wire copy) and the codes of the dollars (``dollar_codes``: AUD,
    CAD, HKD...). Only figures written with a bare "$" change, and restatements never: to the one
    other dollar the article writes by its own symbol, when it writes no "US$"; and a bare "$"
    amount with a US-dollar equivalent after it, to that other dollar even when it does, or, when
    the article writes no other dollar's symbol, to the one other dollar its words name (``named``:
    "Australian", "Hong Kong" -> AUD, HKD)."""
    written = {code for mark, code in zip(marks, codes) if mark and mark != BARE_SIGN and code in dollar_codes}
    others = written - {US_DOLLAR}
    local = next(iter(others)) if len(others) == 1 else ""
    spoken = named - {US_DOLLAR}
    fallback = local or (next(iter(spoken)) if not others and len(spoken) == 1 else "")
    return [(local if not equivalent else fallback) or code
            if mark == BARE_SIGN and not restatement and (equivalent or US_DOLLAR not in written) else code
            for mark, code, equivalent, restatement in zip(marks, codes, equivalents, restatements)]


def named_currency(word: str, written_nationality: bool, named_lands: list[dict[str, str]],
                   dollar_codes: set[str]) -> str:
    """The one currency the article's own words give a currency name written alone (``word``,
    lower case): "guilders" is the Caribbean guilder in the lexicons, but in an article that says
    "Dutch" or "the Netherlands" (and names no other guilder's land) it is the Dutch guilder.
    ``named_lands`` are the currencies by name of each nationality the article's words hold
    ("dutch" -> {guilder: NLG, guilders: NLG}). "" when the name has its nationality written
    before it, is a dollar (``local_dollars`` decides those), or the article names no land of it,
    or several."""
    if written_nationality:
        return ""
    named = {by_word[word] for by_word in named_lands if word in by_word}
    code = next(iter(named)) if len(named) == 1 else ""
    return "" if code in dollar_codes else code


def bare_price_currency(codes: list[str], subunit_quotes: dict[str, float]) -> tuple[str, float]:
    """The currency of a share price quoted with no sign ("Harlan Mills rose 1 1/4 to 52 3/8"), and
    the factor from the number to it, given the currency codes of the article's other money
    figures (``codes``): the one the article writes most, US dollars when it writes none, the
    sign a stock table leaves out being the article's own. Some exchanges quote in the
    currency's hundredths (``subunit_quotes``): a London report that writes "#10.86" or "£4.20"
    quotes "fell 11 to 286" in pence, 2.86 GBP."""
    counted = Counter(codes)
    code = max(counted, key=lambda c: (counted[c], c == US_DOLLAR)) if counted else US_DOLLAR
    return code, subunit_quotes.get(code, 1.0)


def local_cents(codes: list[str], in_cents: list[bool], own_subunits: set[str],
                qualified: list[int | None] | None = None) -> list[str]:
    """The currency of each money figure of an article, given the code the lexicons read
    (``codes``) and whether the figure is written in cents alone (``in_cents``: "63 cents", "a
    63-cent rise", read as US cents): cents in the currency of the amount they qualify, the one
    just before them in their sentence (``qualified``, an index into ``codes``: "closed at C$35,
    up 20 cents" moves a Canadian price), else in the one currency the article's other amounts are
    in; never in a currency with a subunit of its own name (``own_subunits``: pence, paise) nor
    US cents turned into US dollars; else as read."""
    others = {code.partition("/")[0] for code, cents in zip(codes, in_cents) if not cents}
    local = next(iter(others)) if len(others) == 1 else US_DOLLAR
    out = []
    for code, cents, before in zip(codes, in_cents, qualified or [None] * len(codes)):
        source = codes[before].partition("/")[0] if before is not None and not in_cents[before] else local
        if cents and code.startswith(US_DOLLAR) and source not in own_subunits:
            code = source + code[len(US_DOLLAR):]
        out.append(code)
    return out


def exchange_rate(base_word: str, before: list[str], after: list[str], names: dict[str, str]) -> str:
    """The unit of an exchange rate ("151 per dollar" -> JPY/USD): the currency its sentence names
    as a thing, after "the" or a possessive, nearest before the rate ("the yen weakened past 151
    per dollar"; not "lost 38% of its value"), else after it ("at 395 to the euro, the forint
    ..."), per the currency named after the number (``base_word``). ``before`` and ``after`` are
    the sentence's lower-case words on either side of the rate and ``names`` the currency names
    with their codes ("yen" -> JPY, "won" -> KRW); "" when the sentence names no other currency."""
    base = names.get(base_word, US_DOLLAR if base_word == "greenback" else "")
    named = [*reversed(_named_things(before)), *_named_things(after)]
    quote = next((names[w] for w in named if w in names and names[w] != base), "")
    return f"{quote}/{base}" if quote and base else ""


def _named_things(words: list[str]) -> list[str]:
    """The words written after "the" or a possessive ("the yen", "Japan's yen"), in order."""
    return [w for previous, w in zip(words, words[1:]) if previous in ("the", "'s", "\u2019s")]
