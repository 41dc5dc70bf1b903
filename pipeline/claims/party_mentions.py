"""How often and where an article names each party before a point, which "the company" and a
pronoun with no subject in view fall back on: the party named most, among those named other than
deep inside what something concerns ("a gain on its holding in Brenner Optics") or only as where
something happens ("closed on the Big Board"); and the one named subject of the sentence before,
which a described "the Dallas company" opening its sentence goes on from."""
from __future__ import annotations

from collections.abc import Callable, Hashable

from spacy.tokens import Doc, Span, Token

from pipeline.claims.describe import EntityIndex
from pipeline.claims.party_reading import NESTED_PREPOSITIONS, Party, prepositions_above
from pipeline.nlp.structure import first_conjunct


class MentionCounts:
    """The parties of one article counted up to a point, figure after figure."""

    def __init__(self, doc: Doc, index: EntityIndex, where: tuple[str, ...]) -> None:
        """``where``: the prepositions whose object only says where something happens, not who acts
        (``PartyWords.where_prepositions``: "shares closed on the Big Board", "sales in Ohio")."""
        self.doc, self.index, self.where = doc, index, where
        self._acting: dict[tuple[int, int], bool] = {}
        self._subject: dict[tuple[int, int], bool] = {}
        self._counts_so_far: dict[tuple[str, ...], tuple[int, int, dict[Party, tuple[int, int]]]] = {}
        self._latest_so_far: dict[tuple[Callable, bool], tuple[int, int, dict[Party, int]]] = {}

    def _most_named(self, token: Token, labels: tuple[str, ...], window: int = 0, anywhere: bool = True) -> list[Party]:
        """Of the parties of these labels named from ``window`` up to the token, the one the
        article has named most often: "the club" in a story about Chelsea's spending, "the company"
        in one about Corvane. Of equals, the one named as the subject of a main clause, which the
        passage is about, outranks one named only as an object or beside another ("Corvane
        borrowed $40 million from Nordbank. The company said ..." is Corvane's); the latest named
        of equals in that too."""
        counts = self._party_counts(token.idx, labels)
        acting = {party for party, start in self._latest_before(token.idx, self._named_where, False).items() if start >= window}
        if "ORG" in labels:  # "the company" is not one named only inside what it holds or sold
            counts = {party: n for party, n in counts.items() if party in self._acting_before(token.idx)} or counts
        in_window = [party for party, (_, last) in counts.items() if last >= window and party in acting] \
            or (list(counts) if anywhere else [])
        if not in_window:
            return []
        most = max(counts[party][0] for party in in_window)
        tied = [party for party in in_window if counts[party][0] == most]
        subjects = self._subjects_before(token.idx) if len(tied) > 1 else set()
        return [max(tied, key=lambda party: (party in subjects, counts[party][1]))]

    def said_of_person(self, noun: Token) -> bool:
        """Whether a noun is someone the text names only by the person it is said of ("Mateo
        Ruiz's father", "the grandmother of Mateo Ruiz"): "he" or "she" after it stands for that
        unnamed relative, not for Mateo Ruiz."""
        if noun.pos_ != "NOUN" or any(c.dep_ == "appos" for c in noun.children) or self._named_at(noun, None):
            return False
        owners = [c for c in noun.children if c.dep_ == "poss"] + [
            obj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for obj in prep.children]
        return any(self._named_at(owner, "PERSON") for owner in owners)

    def _named_at(self, token: Token, label: str | None) -> bool:
        """Whether an entity (of this label, if given) takes in the token."""
        return any(ent["start"] <= token.idx < ent["end"] and label in (None, ent["label"])
                   for ent in self.index.within(token.idx - 80, token.idx + len(token) + 80))

    def _subjects_before(self, offset: int) -> set[Party]:
        """The parties named before ``offset`` as the subject of a sentence's main clause, or of a
        clause joined to it ("Corvane cut jobs and Nordbank lent it money"), not of a clause that
        only says something of a noun ("Corvane, which Nordbank partly owns, ...")."""
        return set(self._latest_before(offset, self._subject_mention))

    def _subject_mention(self, ent: dict) -> bool:
        return self._main_subject(ent["start"], ent["end"])

    def _going_on(self, noun: Token, labels: tuple[str, ...], before: Span) -> list[Party]:
        """The party a described descriptor opening its sentence as its subject goes on from: the
        one party named as the subject of the sentence ``before`` it, the story's thread, rather
        than the party named most ("Corvane, which owns 70% of Tarrow, will buy the rest. The
        Dallas company will pay $12 a share" is Corvane's); a bare "the company", or one after a
        sentence whose subject is a pronoun or no name, is left to the party named most."""
        top = noun
        while top.dep_ == "poss":  # "The Dallas company's shares fell"
            top = top.head
        if before.start <= noun.i < before.end or top.dep_ not in ("nsubj", "nsubjpass") or top.head.dep_ != "ROOT" \
                or not any(c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < noun.i for c in noun.children):
            return []
        named = {(e["canonical"], e["label"]) for e in self.index.within(before.start_char, before.end_char)
                 if e["label"] in labels and self._main_subject(e["start"], e["end"])}
        return list(named) if len(named) == 1 else []

    def _main_subject(self, start: int, end: int) -> bool:
        """Whether a mention heads the subject of its sentence's main clause or a clause joined to it."""
        if (start, end) not in self._subject:  # one answer per mention, asked figure after figure
            span = self.doc.char_span(start, end, alignment_mode="expand")
            clause = span.root.head if span is not None and span.root.dep_ in ("nsubj", "nsubjpass") else None
            self._subject[(start, end)] = clause is not None and first_conjunct(clause).dep_ == "ROOT"
        return self._subject[(start, end)]

    def _called(self, noun: Token, labels: tuple[str, ...], window: int) -> list[Party]:
        """The party named last from ``window`` up to a descriptor whose name has the descriptor's
        noun: "the bank" after "Pacifica is the parent of Pacifica Bank & Trust Co." is the bank,
        not Pacifica nor the company that says what the bank holds; not one named only where
        something happens, nor one of a list."""
        word = noun.lemma_.lower()
        return next(([(e["canonical"], e["label"])] for e in reversed(self.index.within(window, noun.idx))
                     if e["label"] in labels and word in e["text"].lower().split() and not self._named_where(e)
                     and not self._listed(e)), [])

    def _listed(self, ent: dict) -> bool:
        """Whether a mention is one of several named together ("controlled by Orla Group, Tessin
        Holdings and Vexa Partners"), which a descriptor after them does not pick one of; a name
        joined inside itself ("Pacifica Bank & Trust Co.") is one."""
        span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        return span is not None and (span.root.dep_ == "conj" or any(
            c.dep_ == "conj" and not span.start <= c.i < span.end for c in span.root.children))

    def _acting_before(self, offset: int) -> set[Party]:
        """The parties named before ``offset`` at least once other than deep inside what something
        came from or concerns ("a gain on the company's holding in Brenner Optics",
        ``NESTED_PREPOSITIONS``)."""
        return set(self._latest_before(offset, self._acting_mention))

    def _acting_mention(self, ent: dict) -> bool:
        return self._acts(ent["start"], ent["end"])

    def _acts(self, start: int, end: int) -> bool:
        if (start, end) not in self._acting:  # one answer per mention, asked figure after figure
            span = self.doc.char_span(start, end, alignment_mode="expand")
            self._acting[(start, end)] = span is not None and prepositions_above(span.root) < NESTED_PREPOSITIONS
        return self._acting[(start, end)]

    def _named_where(self, ent: dict) -> bool:
        """Whether a mention only says where something happens ("closed at $15 on the New York
        Stock Exchange", "trading in Tokyo"): "the company" a few sentences on is not that one."""
        span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
        return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in self.where

    def _latest_before(self, offset: int, test: Callable[[dict], bool], wanted: bool = True) -> dict[Party, int]:
        """The parties of the entities that end by ``offset`` whose ``test`` answers ``wanted``, each
        with the start of its latest such mention, carried on as the counts are (``_carried``)."""
        def note_latest(latest: dict[Party, int], ent: dict) -> None:
            if test(ent) == wanted:
                latest[(ent["canonical"], ent["label"])] = ent["start"]

        return self._carried(self._latest_so_far, (test, wanted), offset, note_latest)

    def _party_counts(self, offset: int, labels: tuple[str, ...]) -> dict[Party, tuple[int, int]]:
        """Each party of these labels named before ``offset`` (the entity ending by then), with how
        often and the start of its latest mention, in the order first named (``_carried``)."""
        return self._carried(self._counts_so_far, labels, offset, lambda counts, ent: _tally(counts, ent, labels))

    def _carried(self, cache: dict, key: Hashable, offset: int, step: Callable[[dict, dict], None]) -> dict:
        """What ``step`` folds into a dict from each entity ending by ``offset``, in the article's
        order. Asked figure after figure, so the fold is carried on from the last offset asked under
        ``key`` (kept in ``cache``) rather than made again from the start of the article for each
        "the company" (which made a long article quadratic); made again when asked about an earlier
        offset. The fold carried on stops at an entity that runs across ``offset`` (left out now,
        folded in at a later offset); the entities after it that end by ``offset`` are folded in for
        this answer only."""
        entities = self.index.entities
        carried = cache.get(key)
        position, folded = (carried[1], carried[2]) if carried and carried[0] <= offset else (0, {})
        while position < len(entities) and entities[position]["start"] < offset and entities[position]["end"] <= offset:
            step(folded, entities[position])
            position += 1
        cache[key] = (offset, position, folded)
        folded = dict(folded)
        for i in range(position + 1, len(entities)):
            if entities[i]["start"] >= offset:
                break
            if entities[i]["end"] <= offset:
                step(folded, entities[i])
        return folded


def _tally(counts: dict[Party, tuple[int, int]], ent: dict, labels: tuple[str, ...]) -> None:
    """Count one more mention of an entity's party, if it has one of these labels."""
    if ent["label"] in labels:
        party = (ent["canonical"], ent["label"])
        counts[party] = (counts.get(party, (0, 0))[0] + 1, ent["start"])
