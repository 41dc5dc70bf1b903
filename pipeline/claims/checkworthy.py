"""How a row reads on its own and how much it deserves a check: the claim's clause marked in its
sentence, its type, a transparent check-worthiness score, and the test that makes a sentence with
no figure a statement row. Weights and cue words are data in rules/checkworthy.yml."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.nlp.structure import token_strings
from pipeline.records import FIGURE_KINDS, Claim

OPEN_MARK, CLOSE_MARK = "⟦", "⟧"
COMPARING_ROLES = ("comparison", "rank")


def claim_type(claim: Claim) -> str:
    """quote, statement, temporal (a dated event), interval (a range), comparison (a comparison
    or a rank), or statistical (any other figure)."""
    if claim.kind in ("quote", "statement"):
        return claim.kind
    if claim.kind == "date":
        return "temporal"
    if claim.value_low or claim.value_high:
        return "interval"
    return "comparison" if claim.role in COMPARING_ROLES else "statistical"


def marked_text(text: str, sentences: list[Span], start: int, end: int) -> str:
    """The sentences with the characters ``start:end`` of ``text`` (the document's) between ⟦ ⟧."""
    first, last = sentences[0], sentences[-1]
    body = (text[first.start_char:start] + OPEN_MARK + text[start:end] + CLOSE_MARK + text[end:last.end_char])
    return " ".join(body.split())


def clause_extent(span: Span, tokens: set[int]) -> tuple[int, int]:
    """Character offsets of the figure's clause: the unbroken run of its clause's ``tokens``
    (``clause_tokens``: other clauses left out) around the figure, without punctuation or a
    conjunction at its ends."""
    start, end = span.start, span.end - 1
    while start - 1 in tokens:
        start -= 1
    while end + 1 in tokens:
        end += 1
    doc = span.doc
    while start < span.start and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end >= span.end and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "cc"):
        end -= 1
    return doc[start].idx, doc[end].idx + len(doc[end])


@dataclass(frozen=True)
class Score:
    """A row's check-worthiness: ``value`` clipped to 0..1 (rounded to 0.01), and the features that
    set it, each with its weight ("specific_figure (+0.35)")."""

    value: float
    features: tuple[str, ...]

    @property
    def listing(self) -> str:
        """The ``checkworthiness_features`` cell: "specific_figure (+0.35); magnitude (+0.10)"."""
        return "; ".join(self.features)


class Checkworthiness:
    """The weights and cues of rules/checkworthy.yml, read once."""

    def __init__(self, table: dict) -> None:
        self.base = float(table["base"])
        self.weights = {name: float(feature["weight"]) for name, feature in table["features"].items()}
        self.magnitude = {kind: float(v) for kind, v in table["magnitude"].items()}
        self.opinion = set(table["opinion_words"])
        self.prediction = set(table["prediction_words"])
        self.personal = set(table["personal_words"])
        self.modals = set(table["modal_words"])
        self.min_tokens = int(table["statement_min_tokens"])

    def score(self, claim: Claim, words: list) -> Score:
        """The row's score and the features that moved it; ``words`` are the claim's own tokens."""
        present = [name for name, has in self._features(claim, words).items() if has]
        value = self.base + sum(self.weights[name] for name in present)
        features = tuple(f"{name} ({self.weights[name]:+.2f})" for name in present)
        return Score(round(min(1.0, max(0.0, value)), 2), features)

    def _features(self, claim: Claim, words: list) -> dict[str, bool]:
        lower = {t.lower_ for t in words}
        lemmas = {t.lemma_.lower() for t in words} | lower
        figure = claim.kind in FIGURE_KINDS
        return {
            "specific_figure": figure and claim.qualifier == "exact",
            "approximate_figure": figure and claim.qualifier not in ("", "exact"),
            "date": claim.kind == "date",
            "factual_statement": claim.kind == "statement",
            "comparison": claim.role in COMPARING_ROLES + ("change",) or compares(words),
            "named_source": claim.speaker not in ("", "author"),
            "named_entity": bool(claim.entities),
            "magnitude": figure and self._large(claim),
            "time_scope": bool(claim.time_value) and claim.kind != "date",
            "opinion": bool(lemmas & self.opinion),
            "prediction": bool(lemmas & self.prediction),
            "question": claim.sentence.endswith("?"),  # the stripped sentence text
            "personal": bool(lower & self.personal),
        }

    def _large(self, claim: Claim) -> bool:
        threshold = self.magnitude.get(claim.kind)
        number = claim.value or claim.value_high
        return threshold is not None and bool(number) and abs(float(number)) >= threshold

    def is_statement(self, sent: Span, named_subject: bool, dated: bool) -> bool:
        """A checkable sentence without figures, read conservatively: its main clause has a named
        subject and an indicative verb (no modal, no opinion or prediction word in the sentence),
        and the sentence holds a superlative or a comparative with "than", or its main clause a
        date (``dated``)."""
        doc, texts = sent.doc, token_strings(sent.doc, "ORTH")
        kept = [i for i in range(sent.start, sent.end) if not texts[i].isspace()]  # Token.is_space, no Token made
        root = sent.root
        if len(kept) < self.min_tokens or not named_subject or sent.text.strip().endswith("?"):
            return False
        if root.pos_ not in ("VERB", "AUX") or any(c.dep_ == "aux" and c.lower_ in self.modals for c in root.children):
            return False
        lemmas, lowers = token_strings(doc, "LEMMA"), token_strings(doc, "LOWER")
        words = {lemmas[i].lower() for i in kept} | {lowers[i] for i in kept}
        if words & (self.opinion | self.prediction | self.personal):
            return False
        return dated or compares([doc[i] for i in kept])


def compares(words: list) -> bool:
    """A superlative, or a comparative with "than"; "most" and "least" before a noun are
    quantities ("most officials"), not superlatives."""
    def superlative(t) -> bool:
        if t.lower_ in ("most", "least"):
            return t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in ("ADJ", "ADV")
        return t.tag_ in ("JJS", "RBS")

    return any(superlative(t) for t in words) or (
        any(t.tag_ in ("JJR", "RBR") for t in words) and any(t.lower_ == "than" for t in words))
