"""Joins a number written with its thousands grouped by spaces ("1 000 000", "2 500 euros", with
a thin or no-break space as well) into one token, so that the rules and the normalizer read one
number, not three.

Groups join only when every group after the first has exactly three digits (the last may carry
decimals: "1 234 567.89") and each is one space from the last: "in 2019 100 000 people" joins
"100 000" alone (a year has four digits), "3 100-metre races" stays two numbers (a hyphen ties the
last group to the word after it), and so do "Boeing 737 800" and "March 3 200" (a name's number).

A space groups digits only in a text that groups them so: one that writes its thousands with
commas elsewhere ("1,500 seats") reads "ordered 52 787 jets" as two counts side by side, not as
52,787.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

GROUP_SPACES = frozenset(" \u00a0\u2009\u202f")
"""What news puts between groups of digits: a space, a no-break space, a thin space and a narrow
no-break space (spaCy makes a token of each but the plain space)."""

_HEAD = re.compile(r"^\d{1,3}$")
_GROUP = re.compile(r"^\d{3}(\.\d+)?$")
"""A group of three digits; the last may carry the decimals ("1 234 567.89")."""
_DASHES = ("-", "–", "—")
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(,\d{3})+(?![\d,])")
"""A number whose thousands are parted by commas ("1,500", "12,000,000"): the text's grouping."""


def digit_group_spans(doc: Doc) -> list[tuple[int, int]]:
    """The token ranges [start, end) of the numbers written in groups of digits ("1 000 000" ->
    tokens "1", "000", "000"; "2\u2009500" -> "2", "\u2009", "500"); none in a text that groups
    its thousands with commas."""
    spans = []
    i = 0
    while i < len(doc):
        end = i + 1
        if _HEAD.match(doc[i].text) and not _follows_digits(doc, i) and not _follows_name(doc, i):
            group = _next_group(doc, i)
            while group is not None:
                end = group + 1
                group = None if "." in doc[group].text else _next_group(doc, group)
        if end > i + 1:
            spans.append((i, end))
        i = end
    return [] if spans and _COMMA_GROUPED.search(doc.text) else spans  # the text only when it matters


def _next_group(doc: Doc, i: int) -> int | None:
    """The token of the next group of three digits after token ``i``, when one grouping space
    parts them and no hyphen ties that group to the word after it ("3 100-metre")."""
    at = i + 1
    if doc[i].whitespace_ == "" and at < len(doc) and doc[at].text in GROUP_SPACES and doc[at].whitespace_ == "":
        at += 1
    elif doc[i].whitespace_ != " ":
        return None
    if at >= len(doc) or not _GROUP.match(doc[at].text):
        return None
    if doc[at].whitespace_ == "" and at + 1 < len(doc) and doc[at + 1].text in _DASHES:
        return None
    return at


def _follows_name(doc: Doc, i: int) -> bool:
    """Whether a capitalised word that is no stop word stands right before token ``i``: a name or
    a month whose number the next one only follows ("Boeing 737 800 jets", "on March 3 200
    protesters"), never the head of groups; "About 1 000 people" is one number."""
    return i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_stop and doc[i - 1].whitespace_ == " "


def _follows_digits(doc: Doc, i: int) -> bool:
    """Whether up to three digits stand one space before token ``i`` ("10 25 000" is no number of
    groups): no group starts there. A year before it is no group ("in 2019 100 000 people")."""
    return i > 0 and bool(_HEAD.match(doc[i - 1].text)) and doc[i - 1].whitespace_ == " "


@Language.component("digit_groups")
def digit_groups(doc: Doc) -> Doc:
    """Merge each number grouped by spaces into one token that reads as a number (``like_num``)."""
    spans = digit_group_spans(doc)
    if spans:
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end])
        for token in doc:
            if token.text[:1].isdigit() and any(c in GROUP_SPACES for c in token.text):
                doc.vocab[token.text].like_num = True
    return doc


def grouped_digits(word: str) -> str:
    """The digits of a number grouped by spaces, without them ("1 000 000" -> "1000000")."""
    return "".join(c for c in word if c not in GROUP_SPACES)
