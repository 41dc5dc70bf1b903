"""How the article writes its words inside sentences, read once per article: whether a word that
opens a sentence with a capital ("Treasury officials said ...", "Diversified said ...") is written
capitalised elsewhere too. Kept in ``Doc.user_data``; asking every token of the article for each
entity or speaker made a long article quadratic."""
from __future__ import annotations

from spacy.attrs import IS_TITLE, LOWER, ORTH, SENT_START
from spacy.tokens import Doc, Token

_TITLED_KEY = "claims.titled_inside"
"""Where ``titled_inside`` keeps its set, in ``Doc.user_data``."""

_ALONE_KEY = "claims.capitalised_alone"
"""Where ``capitalised_alone`` keeps its table, in ``Doc.user_data``."""


def titled_inside(doc: Doc) -> set[int]:
    """The lower-case forms (string ids, as ``Token.lower``) of the words the article writes with a
    capital inside a sentence, not as its first word: "treasury" once "the Treasury" is written."""
    found = doc.user_data.get(_TITLED_KEY)
    if found is None:
        found = doc.user_data[_TITLED_KEY] = {
            lower for lower, title, start in doc.to_array([LOWER, IS_TITLE, SENT_START]).tolist()
            if title and start != 1}
    return found


def capitalised_alone(doc: Doc) -> dict[int, list[int]]:
    """The tokens, by their written form (string id, as ``Token.orth``), that stand inside a
    sentence with no capitalised word right before or after them: "Diversified" in "a stake in
    Diversified." but not "Police" in "the Ridgeford Police Department"."""
    found = doc.user_data.get(_ALONE_KEY)
    if found is None:
        rows = doc.to_array([ORTH, IS_TITLE, SENT_START]).tolist()
        found = doc.user_data[_ALONE_KEY] = {}
        for i, (orth, _, start) in enumerate(rows):
            if start != 1 and not rows[i - 1][1] and (i + 1 == len(rows) or not rows[i + 1][1]):
                found.setdefault(orth, []).append(i)
    return found


def capitalised_within(word: Token) -> bool:
    """Whether the article writes a word opening a sentence with a capital on its own inside a
    sentence too, as a name: "Diversified said ..." after "a stake in Diversified" (not "Police
    said ..." after "the Ridgeford Police Department")."""
    return any(i != word.i for i in capitalised_alone(word.doc).get(word.orth, ()))
