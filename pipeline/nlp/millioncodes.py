"""Parts "M" from the currency code it is glued to next to a number ("30 MUSD", "120 MEUR", "MSEK
500": M for million, as Nordic and German business news write it), so that the money rules read a
number, a scale and a code. Only next to a number: a word such as "MARS" or "MYER" in capitals
stays whole.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class MillionCodes:
    """Splits "M" + an ISO code after or before a number token; the codes are given by the rules'
    lexicons."""

    def __init__(self, codes: list[str]):
        self.glued = frozenset(f"M{code}" for code in codes)

    def __call__(self, doc: Doc) -> Doc:
        glued = [t for t in doc if t.text in self.glued
                 and ((t.i > 0 and doc[t.i - 1].like_num) or (t.i + 1 < len(doc) and doc[t.i + 1].like_num))]
        if glued:
            with doc.retokenize() as retokenizer:
                for token in glued:
                    retokenizer.split(token, ["M", token.text[1:]], heads=[(token, 1), (token, 1)])
        return doc


@Language.factory("million_codes", default_config={"codes": []})
def million_codes(nlp: Language, name: str, codes: list[str]) -> MillionCodes:
    """The "million_codes" pipeline component (see ``MillionCodes``)."""
    del nlp, name
    return MillionCodes(codes)
