"""Whose a figure about a deal or a stake is besides its buyer or holder: the company bought or
held, which the figure's clause may name only by a descriptor ("the offer for the company"), by
a short name ("Farrow shares closed at $23.25") or not at all ("Opal Capital, which holds about
55% of the ordinary shares"), and which is then the company the story is about
(:class:`pipeline.claims.figure_parties.FigureParties` reads the rest of a figure's parties)."""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from spacy.tokens import Span, Token

from pipeline.claims.parties import DESCRIPTOR_WINDOW, Parties
from pipeline.claims.party_reading import Party, clause_subject
from pipeline.nlp.structure import preposition_objects


class StakeParties(Parties):
    """Resolves the company a deal or a stake is in, beside its buyer or holder."""

    def _owners(self, head: Token, depth: int) -> list[Party]:
        return super()._owners(head, depth) or self._short_named(head)

    def _short_named(self, noun: Token) -> list[Party]:
        """The company a short name before its shares stands for where the model tags no name:
        "Farrow shares closed at $23.25" after "Farrow Industries Inc. said ..." is Farrow
        Industries' price, not the exchange's; not a word the article also writes in lower case
        ("Bank shares rose" in a story that speaks of banks)."""
        words = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
        if noun.lemma_.lower() not in self.words.listed_things or not words or any(
                not w.is_title or w.lower_ in self._lower_words or self._entity(w) is not None for w in words):
            return []
        name = " ".join(w.text for w in words) + " "
        return next(([(ent["canonical"], "ORG")] for ent in self.index.latest_first(noun.idx) if ent["label"] == "ORG"
                     and ((ent["canonical"] + " ").startswith(name) or (ent["text"] + " ").startswith(name))), [])

    @cached_property
    def _lower_words(self) -> set[str]:
        """The words the article writes in lower case: common words, not names."""
        return {token.lower_ for token in self.doc if token.is_lower}

    def held_unnamed(self, span: Span, holders: list[Party]) -> list[Party]:
        """The company a holder's percentage is of when no company is named with it: the one in
        view other than the holder (``company_in_view``), for a percentage of shares ("Opal
        Capital, which holds about 55% of the ordinary shares"), one a verb of owning takes
        (``holding_verbs``: "Renfield could own up to 35 percent") or a stake is of ("was given a
        stake of 20 percent"); not a percentage of something else nor one a company controls
        ("holds 30% of the market", "it controls about 2%": a share of its market)."""
        root = span.root
        if not holders or root.ent_type_ != "PERCENT":
            return []
        whole = preposition_objects([root], ("of", "in"))
        if any(c.lemma_.lower() not in self.words.listed_things or self.resolve(c) for c in whole):
            return []
        held = bool(whole) or (root.dep_ == "dobj" and root.head.lemma_.lower() in self.words.holding_verbs) or (
            root.head.lower_ == "of" and root.head.head.lemma_.lower() in self.words.holding_nouns)
        return self.company_in_view(root, set(holders)) if held else []

    def bought(self, noun: Token, parties: list[Party]) -> list[Party]:
        """The company a descriptor after a deal noun's "for" or "of" stands for (``deal_nouns``):
        not the buyer, the subject of the nearest clause above, which the descriptor would
        otherwise stand for ("Pellam said Kestrel raised the offer for the company" is Pellam)."""
        if noun.pos_ != "NOUN" or noun.head.lower_ not in ("for", "of") \
                or noun.head.head.lemma_.lower() not in self.words.deal_nouns:
            return parties
        subject = next((s for verb in noun.ancestors if verb.pos_ in ("VERB", "AUX")
                        for s in [clause_subject(verb)] if s is not None and not s.is_ancestor(noun)), None)
        buyers = set(self.resolve(subject)) if subject is not None else set()
        return self.company_in_view(noun, buyers) if buyers & set(parties) else parties

    def is_bought(self, start: int, end: int) -> bool:
        """Whether a mention names what a deal noun buys: "its purchase of Wexford Savings",
        "the offer for Tessin"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in ("for", "of") \
            and span.root.head.head.lemma_.lower() in self.words.deal_nouns

    def company_in_view(self, token: Token, others: set[Party]) -> list[Party]:
        """The company a few sentences up to a token are about, other than these: of the
        organisations named there, the one named most, the latest of equals, one named not only
        inside what something concerns first ("Halden amassed a stake of 9% in Vestra AG" names
        Vestra only so, and Vestra it is when Halden is the holder)."""
        here = bisect_right(self.starts, token.i) - 1
        window = self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start_char
        counts = {party: seen for party, seen in self._party_counts(token.idx, ("ORG",)).items()
                  if seen[1] >= window and party not in others}
        named = self._acting_before(token.idx)
        acting = {party: seen for party, seen in counts.items() if party in named} or counts
        return [max(acting, key=acting.__getitem__)] if acting else []
