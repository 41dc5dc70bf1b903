"""Whose a figure is that names again, or breaks down, a group a figure just before it counted:
"Kenyan police said they had detained 11 foreigners. The 11 foreigners, five Yemenis and six
Libyans, were held ..." -> the 11 foreigners are Kenya's again (the police's country), and the five
Yemenis are Kenya's and Yemen's: whom the group was counted for, and the people each part is."""
from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.structure import first_conjunct
from pipeline.records import Figure

RESTATING_WORDS = ("the", "these", "those")
"""Determiners by which a figure names a group counted before: "the 11 foreigners"."""


class FigureGroups:
    """The names of an article's figures so far, by their head word and by what they count, read
    figure after figure in the article's order."""

    def __init__(self, sentences_back: int) -> None:
        self.sentences_back = sentences_back
        self.by_head: dict[int, list[str]] = {}
        self.counted: dict[tuple[float | None, str], tuple[int, list[str]]] = {}

    def parties(self, span: Span, figure: Figure, named: list[str], own: str | None) -> list[str]:
        """A figure's names: those of the group it names again, when it has "the" before it and
        counts what a figure a sentence or two before counted ("The 11 foreigners ..."); those of
        the group it is set beside, with the country ``own`` of the people it counts ("The 11
        foreigners, five Yemenis and six Libyans": Yemen's and Libya's share of whose the 11 are);
        else its own ``named``."""
        top = first_conjunct(span.root)
        listed = top.i == span.root.i or top.i in self.by_head  # "five Yemenis, four Somalis", not "about half, plus 9"
        group = self.by_head.get(top.head.i) if top.dep_ == "appos" and figure.kind == "count" and listed else None
        if group:
            named = list(dict.fromkeys(group + ([own] if own else [])))
        elif any(c.dep_ == "det" and c.lower_ in RESTATING_WORDS for c in span.root.children):
            sentence, before = self.counted.get((figure.value, figure.unit), (-1, []))
            if before and figure.sentence_index - sentence <= self.sentences_back:
                named = before
        if figure.kind == "count":  # not a unit's conversion set beside it: "500 pounds (225 kilograms)"
            self.by_head[span.root.i] = named
        if named and figure.kind == "count":
            self.counted[(figure.value, figure.unit)] = (figure.sentence_index, named)
        return named
