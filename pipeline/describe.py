"""Says what a figure is about: the entities of its sentence and the thing it measures."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.context import clause_head

ENTITY_LABELS = ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT")


def canonical_entities(doc: Doc, aliases: dict[str, str]) -> list[dict]:
    """Named entities with a canonical name: aliases from the lexicon ("Beijing" -> China), and a
    person's later short name mapped to the full name used earlier in the article ("Xi")."""
    out = []
    full_names: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = _strip_possessive(ent)
        canonical = aliases.get(name.lower()) or aliases.get(name.lower().removeprefix("the "))
        if canonical is None and ent.label_ == "PERSON":
            canonical = next((full for full in full_names if full.split()[-1] == name.split()[-1]), name)
            if len(name.split()) > 1 and name not in full_names:
                full_names.append(name)
        out.append({"start": ent.start_char, "end": ent.start_char + len(name), "text": name,
                    "label": ent.label_, "canonical": canonical or name})
    return out


def _strip_possessive(ent: Span) -> str:
    text = ent.text
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def sentence_entities(entities: list[dict], sent: Span) -> list[str]:
    names: list[str] = []
    for ent in entities:
        if sent.start_char <= ent["start"] < sent.end_char and ent["canonical"] not in names:
            names.append(ent["canonical"])
    return names


def subject_of(span: Span) -> str:
    """The noun phrase a figure measures: "X percent of <NP>", the noun the figure modifies
    ("the $200 billion mark"), the noun it is the worth of ("commodities worth $129 billion"), or
    the subject of its clause ("bilateral trade grew by 36 percent")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if objects:
            return _phrase(objects[0])
    root = span.root
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.i >= span.end:
        return _phrase(root.head)
    if root.head.lower_ == "worth" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return _phrase(root.head.head, stop=root.head.i)
    token = clause_head(root)
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].pos_ != "PRON":
        return _phrase(subjects[0])
    return ""


def _phrase(head: Token, stop: int | None = None) -> str:
    """The head's noun phrase: its left modifiers and its prepositional tail, up to ``stop``."""
    start = head.left_edge.i
    end = head.right_edge.i + 1
    if stop is not None:
        end = min(end, stop)
    tokens = [t for t in head.doc[start:end] if not (t.i > head.i and t.dep_ in ("punct", "relcl", "acl", "appos") and t.head.i == head.i)]
    text = head.doc[start:end].text if len(tokens) == end - start else " ".join(t.text for t in tokens)
    return text.strip(" ,;—-").removeprefix("the ").removeprefix("The ")
