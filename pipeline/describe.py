"""Says what a figure is about: the entities of its sentence and the thing it measures."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from pipeline.context import clause_head

ENTITY_LABELS = ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT")


def canonical_entities(doc: Doc, aliases: dict[str, str]) -> list[dict]:
    """Named entities with a canonical name: aliases from the lexicon ("Beijing" -> China), and a
    person's later short name mapped to the full name used earlier in the article ("Xi" -> Xi
    Jinping). Nationality adjectives without an alias ("Eurasian") are not entities of a claim."""
    out = []
    full_names: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _strip_possessive(ent).removeprefix("the ")
        canonical = aliases.get(name.lower())
        if canonical is None and len(name.split()) == 1:
            canonical = next((full for full in full_names if name in (full.split()[0], full.split()[-1])), None)
        if canonical is None and ent.label_ == "NORP":
            continue
        if ent.label_ == "PERSON" and len(name.split()) > 1 and name not in full_names:
            full_names.append(name)
        start = ent.start_char + ent.text.index(name)
        out.append({"start": start, "end": start + len(name), "text": name,
                    "label": ent.label_, "canonical": canonical or name})
    return out


def _strip_possessive(ent: Span) -> str:
    text = ent.text
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def entities_by_sentence(entities: list[dict], sentences: list[Span]) -> list[list[str]]:
    """The canonical names of each sentence's entities, in order, without repeats."""
    starts = [s.start_char for s in sentences]
    names: list[list[str]] = [[] for _ in sentences]
    for ent in entities:
        group = names[bisect_right(starts, ent["start"]) - 1]
        if ent["canonical"] not in group:
            group.append(ent["canonical"])
    return names


def subject_of(span: Span) -> str:
    """The noun phrase a figure measures: "X percent of <NP>", the noun the figure modifies
    ("the $200 billion mark"), the noun it stands beside ("cars (20 percent)"), the noun it is the
    worth of ("commodities worth $129 billion"), or the subject of its clause ("bilateral trade grew
    by 36 percent")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if objects:
            return _phrase(objects[0], span)
    root = span.root
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.i >= span.end:
        return _phrase(root.head, span)
    if root.dep_ == "appos" and root.head.i < span.start:
        return _phrase(root.head, span)
    if root.head.lower_ == "worth" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return _phrase(root.head.head, span)
    subjects = [c for c in clause_head(root).children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].pos_ != "PRON":
        return _phrase(subjects[0], span)
    return ""


_DETACHED = ("punct", "relcl", "acl", "appos", "advcl", "conj", "cc", "amod")
"""Dependents right of a head that are not part of the thing named ("cars (20 percent), and ...")."""


def _phrase(head: Token, figure: Span) -> str:
    """The head's noun phrase without the figure itself and without what hangs off to its right
    as an aside, a clause or a coordinated item; leading articles dropped."""
    dropped = {t.i for t in figure}
    for child in head.rights:
        if child.dep_ in _DETACHED:
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()
