"""Hangs a date between a verb of saying and the clause it reports from the verb of saying.

Wire copy writes "Bravo Corp said on Wednesday it would cut 500 jobs": the day is when Bravo
said it. spaCy's small model hangs "on Wednesday" from "cut", the verb of the reported clause, so
the tense of that clause ("would") placed the day after publication and the day dated the cut,
not the statement. A date phrase ("on" and a date the entity recognizer names) that hangs from the
verb of a clause reported by a verb before it, and stands between that verb and the reported
clause's subject or "that", is moved to the verb of saying; the bare "said Wednesday it would"
is parsed so already. Counter-example: "said it would cut 500 jobs on Wednesday" keeps the day on
"cut", where it stands inside the reported clause.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_DATE_ENTITIES = frozenset({"DATE", "TIME"})
_OPENERS = frozenset({"nsubj", "nsubjpass", "mark"})
"""The words that open a reported clause: its subject, or "that"."""


@Language.component("said_dates")
def said_dates(doc: Doc) -> Doc:
    """The "said_dates" pipeline component: re-heads a date phrase before a reported clause."""
    for token in doc:
        if token.dep_ != "prep" or not any(c.dep_ == "pobj" and c.ent_type_ in _DATE_ENTITIES for c in token.children):
            continue
        verb = token.head
        saying = verb.head
        if verb.dep_ != "ccomp" or not saying.i < token.i < verb.i or saying.pos_ not in ("VERB", "AUX"):
            continue
        openers = [c.i for c in verb.children if c.dep_ in _OPENERS]
        if openers and token.i < min(openers):
            token.head = saying
    return doc
