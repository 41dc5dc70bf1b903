"""What an amount of money is per, when words after it say so without naming a unit in its span.

A price said "each" or "apiece" of shares its clause deals in is a price per share: "will redeem
2 million preferred shares at C$31 each" and "bought the rest of the stock for $52 apiece" are
CAD/share and USD/share, as "$52 a share" is. An amount with a rate adverb after it is per that
time: "royalties of 4 million euros annually" is EUR/year, as "4 million euros a year" is.
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head

SHARE = "share"
"""The unit a price of shares is per."""
_PARTIES = ("nsubj", "nsubjpass", "dobj")
"""The dependents of a clause that name what it deals in."""
_RAISING = ("xcomp", "ccomp", "advcl", "conj")
"""Links from a clause to the one above it whose subject or object it shares or goes on from."""


def per_unit_money(spans: list[Span], kinds: list[str], units: list[str], lexicons: Mapping) -> list[str]:
    """The units of money figures with what they are per: a price followed by a distributive
    word (the lexicon ``distributive_words``: "each", "apiece") in a clause about shares
    (``priced_share_nouns``, by lemma) is per share, unless the market moves it there (a
    verb of rising, falling or trading: "shares rose 50 cents to $38 apiece" is a share's price,
    which the claims table writes without "/share"); an amount followed by a rate adverb
    (``rate_words``: "annually" -> year) is per that time. A figure that already says what it is
    per keeps its unit, and an adverb that describes the noun after it ("$2 million yearly
    payments") says nothing of the amount."""
    distributives, share_nouns = set(lexicons["distributive_words"]), set(lexicons["priced_share_nouns"])
    moves = {*lexicons["rising_verbs"], *lexicons["falling_verbs"], *lexicons["price_move_verbs"]}
    rate_words = lexicons["rate_words"]
    out = list(units)
    for i, (span, kind, unit) in enumerate(zip(spans, kinds, units)):
        doc = span.doc
        if kind != "money" or not unit or "/" in unit or span.end >= len(doc):
            continue
        after = doc[span.end]
        if after.lower_ in distributives and clause_head(span.root).lemma_ not in moves \
                and share_nouns & _clause_nouns(span.root):
            out[i] = f"{unit}/{SHARE}"
        elif after.lower_ in rate_words and after.pos_ == "ADV" and not _describes_noun(after):
            out[i] = f"{unit}/{rate_words[after.lower_]}"
    return out


def _clause_nouns(token: Token) -> set[str]:
    """The lemmas of what a figure's clause deals in: the subjects and objects of its verb and of
    the verbs its clause goes on from ("agreed to buy the shares for $40 each"), the "of" nouns
    under them ("all of the shares"), and the noun a participle's clause describes ("the shares,
    first sold at $20 each")."""
    verb = clause_head(token)
    nouns: set[str] = set()
    while True:
        for party in (c for c in verb.children if c.dep_ in _PARTIES):
            nouns.add(party.lemma_.lower())
            nouns.update(p.lemma_.lower() for prep in party.children if prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj")
        if verb.dep_ in ("acl", "relcl"):
            nouns.add(verb.head.lemma_.lower())
        if verb.dep_ not in _RAISING or verb.head.i == verb.i:
            return nouns
        verb = verb.head


def _describes_noun(word: Token) -> bool:
    """Whether a rate word stands before the noun it describes ("weekly payments"), an adjective
    the tagger took for an adverb."""
    doc = word.doc
    return word.i + 1 < len(doc) and doc[word.i + 1].pos_ in ("NOUN", "PROPN")
