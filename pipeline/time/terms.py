"""Finds the dates that describe a thing a sentence talks about rather than date its figures.

"A 19th-century mill" says how old the mill is, and "$90 million of 5 1/2% notes due Dec. 1,
2011" when the notes fall due: neither is the time the amount, the rate or the mill's 40 workers
are stated for. Such a date stays a date of its own, but scoping does not date a figure by it,
which then takes the time its sentence or the article otherwise gives (for a note's terms, the day
they were set or told).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

DEADLINE_PREPOSITIONS = frozenset({"to", "until", "till", "through"})
"""Prepositions that put the new end of a deadline after a verb that moves it ("extended to Dec. 4")."""


def century_of_noun(span: Span, value: str) -> bool:
    """Whether a date is a century that describes a noun ("a 19th-century mill", "the famed 11th
    century fortress"): it says how old or of what age the thing is, and dates no figure ("Her team
    was clearing mines 17 kilometers from Varna, the famed 11th century fortress"; "The 19th-century
    mill employs 40 people"). "In the 19th century, the town grew fivefold" is the century's."""
    return bool(re.fullmatch(r"\d\dXX", value)) and span.root.dep_ in ("compound", "amod", "nmod") \
        and span.root.head.pos_ in ("NOUN", "PROPN")


def term_date(span: Span, term_words: frozenset[str], deadline_verbs: frozenset[str]) -> bool:
    """Whether a date is a term of what the figures describe, when it falls due or runs out, not
    when they hold: the maturity of a debt ("$90 million of 5 1/2% notes due Dec. 1, 2011",
    "bonds maturing in 2015", "the notes, which will be due on June 1, 2012"), the day an offer
    runs out ("The bid, valued at $410 million, had been set to expire Dec. 4"), the days a dividend
    is paid on and its holders are fixed ("a dividend of 5 cents, payable Dec. 1 to stock of record
    Nov. 10": neither dates the 5 cents, declared when the story tells it) or the new end a
    deadline is moved to ("extended to Dec. 4 its $31-a-share offer", "extended it up to $90 million
    in loans through June"). ``term_words`` are the
    lemmas of falling due (``term_words`` in rules/lexicons.yml), ``deadline_verbs`` those of
    moving a deadline. "Sales rose 4% in May due to a strike" is still dated by May, and so is
    "In 2030, 45 more jets are due to be delivered" by 2030."""
    root = span.root  # the preposition itself where the span takes it in ("through June" as an open interval)
    preposition = root if root.dep_ == "prep" else root.head if root.dep_ == "pobj" else None
    head = preposition.head if preposition is not None else root.head
    if any(_falls_due(word, term_words) or (word.dep_ == "relcl" and any(
            c.dep_ == "acomp" and _falls_due(c, term_words) for c in word.children)) for word in _phrase_up(head)):
        return True  # "notes due Dec. 1, 2011"; "which will be due on June 1"; "payable Dec. 7 to holders of record Nov. 22"
    return (preposition is not None and preposition.lower_ in DEADLINE_PREPOSITIONS
            and head.lemma_.lower() in deadline_verbs)


def _phrase_up(word: Token) -> list[Token]:
    """The word a date hangs from and the words above it up to the first verb (included): a date
    deep in a term's phrase is the term's ("a dividend, payable Dec. 7 to holders of record Nov.
    22": the record day hangs from "holders", under "payable")."""
    words = [word]
    while word.pos_ not in ("VERB", "AUX") and word.head.i != word.i:
        word = word.head
        words.append(word)
    return words


def _falls_due(word: Token, term_words: frozenset[str]) -> bool:
    """'due', 'maturing', 'expires': a word of falling due, but not "due to", which is a cause ("due
    to a strike") or a plan ("In 2030, 45 more jets are due to be delivered": dated by 2030), nor
    "due" said of the subject of a main clause, where the date is when what the sentence tells
    happens ("Deliveries are not due until May - two years late": the two years are May's)."""
    after = word.doc[word.i + 1].lower_ if word.i + 1 < len(word.doc) else ""
    predicate = word.lower_ == "due" and word.dep_ == "acomp" and word.head.dep_ != "relcl"
    return word.lemma_.lower() in term_words and after != "to" and not predicate
