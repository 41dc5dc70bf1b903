"""What an amount of money is per, when words after it say so without naming a unit in its span.

A price said "each" or "apiece" of shares its clause deals in is a price per share: "will redeem
2 million preferred shares at C$31 each" and "bought the rest of the stock for $52 apiece" are
CAD/share and USD/share, as "$52 a share" is; so is what a buyer gives "for each share" ("will pay
$31 in cash for each Brenner share"). The price of one of a measure is per that measure: "the
price of a gallon of diesel hit $3.41" is USD/gallon, as "$3.41 a gallon" is. An amount with a
rate adverb after it is per that time: "royalties of 4 million euros annually" is EUR/year, as
"4 million euros a year" is. An amount restated in brackets is per what follows the brackets:
"1,015 French francs ($162) a share" is FRF/share, and the "$162" USD/share.
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, preposition_objects

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
    which the claims table writes without "/share"), as is an amount given "for each share"
    (``_given_for_each_share``); the price of one of a measure is per that measure, whatever moves
    it (``_priced_measure``: "the price of a gallon of diesel hit $3.41" -> USD/gallon); an
    amount followed by a rate adverb (``rate_words``: "annually" -> year) is per that time. A
    figure that already says what it is per keeps its unit, and an adverb that describes the noun
    after it ("$2 million yearly payments") says nothing of the amount."""
    distributives, share_nouns = set(lexicons["distributive_words"]), set(lexicons["priced_share_nouns"])
    moves = {*lexicons["rising_verbs"], *lexicons["falling_verbs"], *lexicons["price_move_verbs"]}
    rate_words = lexicons["rate_words"]
    out = list(units)
    for i, (span, kind, unit) in enumerate(zip(spans, kinds, units)):
        doc = span.doc
        if kind != "money" or not unit or "/" in unit or span.end >= len(doc):
            continue
        after = doc[span.end]
        measure = _priced_measure(span.root, lexicons["units"], moves)
        if measure:
            out[i] = f"{unit}/{measure}"
        elif clause_head(span.root).lemma_ not in moves and (
                (after.lower_ in distributives and share_nouns & _clause_nouns(span.root))
                or _given_for_each_share(span.root, distributives, share_nouns)):
            out[i] = f"{unit}/{SHARE}"
        elif after.lower_ in rate_words and after.pos_ == "ADV" and not _describes_noun(after):
            out[i] = f"{unit}/{rate_words[after.lower_]}"
        else:
            per = _per_after_brackets(span, share_nouns, lexicons["units"], lexicons["time_units"])
            out[i] = f"{unit}/{per}" if per else unit
    return out


PER_WORDS = ("a", "an", "per")
"""Words that make the noun after them what an amount is per ("$162 a share")."""


def _per_after_brackets(span: Span, share_nouns: set[str], units: Mapping[str, str],
                        time_units: Mapping[str, str]) -> str:
    """What an amount is per when the words saying so follow the brackets that restate it in
    another currency: "1,015 French francs ($162) a share" is FRF/share and its "$162" USD/share,
    as "470 pence ($7.43) a share" and "C$80 (US$68) a barrel" are; the unit is a share, a unit
    of the lexicon ``units`` or a time ("a month"). "" when no such words follow the brackets."""
    doc = span.doc
    if doc[span.end].text == "(":  # the amount the brackets restate
        close = next((t.i for t in doc[span.end + 1:min(span.end + 12, len(doc))] if t.text == ")"), None)
    elif doc[span.end].text == ")" and "(" in (t.text for t in doc[max(span.start - 3, 0):span.start]):
        close = span.end  # the restatement inside them
    else:
        return ""
    if close is None or close + 2 >= len(doc) or doc[close + 1].lower_ not in PER_WORDS:
        return ""
    noun = doc[close + 2]
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (close + 3 < len(doc) and doc[close + 3].pos_ == "NOUN"):
        return ""  # "($7) a share offer" prices no share: the noun is a compound's
    return SHARE if lemma in share_nouns else units.get(noun.lower_) or time_units.get(noun.lower_, "")


def _for_objects(token: Token) -> list[Token]:
    """The objects of "for" on an amount, on the words it is part of or on its clause's verb:
    "Vexa share" in "will pay $31 in cash for each Vexa share", "gallon" in "broke $3.20 for a
    gallon". An amount joined to another or set beside it says what that one's "for" is not: in
    "$43 for each of the shares, or $210 million" the $210 million is the whole price."""
    verb = clause_head(token)
    heads = [token]
    while heads[-1].i != verb.i and heads[-1].head.i != heads[-1].i and heads[-1].dep_ not in ("conj", "appos"):
        heads.append(heads[-1].head)
    return preposition_objects(heads, ("for",))


def _given_for_each_share(token: Token, distributives: set[str], share_nouns: set[str]) -> bool:
    """Whether an amount is given "for each" share (``_for_objects``): a share with a distributive
    word before it ("will pay $31 in cash for each Brenner share", "$12 of its own stock for each
    share of Ostrander"), or the distributive word with shares after "of" ("$8 and a fifth of a
    share for each of Ostrander's shares"). "paid $40 million for each of the two plants" is no
    price of a share."""
    for obj in _for_objects(token):
        if obj.lemma_.lower() in share_nouns and any(c.dep_ == "det" and c.lower_ in distributives for c in obj.children):
            return True
        if obj.lower_ in distributives and any(p.lemma_.lower() in share_nouns
                                               for p in preposition_objects([obj], ("of",))):
            return True
    return False


ONE_OF = ("a", "an", "one", "each", "every")
"""Words before a measure that make it one of it ("the price of a gallon")."""


def _priced_measure(token: Token, units: Mapping[str, str], moves: set[str]) -> str:
    """The measure (a unit of the lexicon ``units``, by its canonical name) an amount is the price
    of one of: after "for" (``_for_objects``: "pump prices broke $3.20 for a gallon of regular"),
    or after "of" or "for" on its clause's subject ("the price of a barrel of Brent rose to $88",
    "the average price for a gallon is highest in Oregon at $3.95") when the amount is the level
    the subject is at, not its move ("up 4 cents", "rose $2 to $88": ``_is_level``); "" for any
    other amount ("the cost of a ticket rose to $12" names no measure, "$2 million for 40 tons"
    no one of it)."""
    verb = clause_head(token)
    objects = _for_objects(token)
    if _is_level(token, verb, moves):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
        objects += preposition_objects(subjects, ("of", "for"))
    for obj in objects:
        if obj.lower_ in units and any(c.dep_ in ("det", "nummod") and c.lower_ in ONE_OF for c in obj.children):
            return units[obj.lower_]
    return ""


LEVEL_LINKS = ("at", "to")
"""Prepositions between a verb and the level its subject is at or reaches ("stood at $88", "rose to $88")."""


def _is_level(token: Token, verb: Token, moves: set[str]) -> bool:
    """Whether an amount is the level its clause's subject is at, not a move of it: the object of
    a verb that is no move ("hit $3.41"), what the subject is ("was $3.41"), or the amount after
    "at" or "to" ("is highest at $3.95", "rose to $88"). "rose $2" and "up 4 cents" are moves."""
    if token.head.i == verb.i:
        return token.dep_ in ("attr", "oprd") or (token.dep_ == "dobj" and verb.lemma_ not in moves)
    return token.dep_ == "pobj" and token.head.lower_ in LEVEL_LINKS and token.head.head.i == verb.i


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
