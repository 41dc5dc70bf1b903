"""Which named places only say where a figure happens or goes, not whose it is: a town or a region
in a phrase of "in", "at", "from" ... ("31 people were killed in Leeds", "100 miles from Lyon"),
unless the phrase opens its clause ("In Leeds, a 3 percent drop"); a country keeps its figures
("unemployment in France rose to 8%"), but not where shares trade ("rose 6 pence in early trading
in London"). Also the order a sentence names a figure's parties in.
"""
from __future__ import annotations

from functools import cached_property

from spacy.tokens import Span, Token

from pipeline.claims.party_reading import PLACE_LABELS, Party, opens_clause
from pipeline.claims.stake_parties import StakeParties


class PlaceParties(StakeParties):
    """Leaves out of one article's figures the places that only say where."""

    def without_places(self, tokens: set[int]) -> set[int]:
        """A clause's ``tokens`` without the phrases that only say where it happens: a town or a
        region after "in", "at", "near" ... with what is set beside it ("31 people were killed in
        Leeds, England", "a prison in New York"). A country keeps its phrase ("unemployment
        in France rose to 8%" is France's), and so does a place that opens its clause, framing all
        of it ("In Rio, the city government opened 10 clinics")."""
        dropped: set[int] = set()
        for i in sorted(tokens):
            token = self.doc[i]
            if i not in dropped and token.dep_ == "prep" and token.lower_ in self.words.locating_prepositions \
                    and self._where_traded(token):
                dropped |= {t.i for t in token.subtree}
                continue
            if i in dropped or token.dep_ != "pobj" or token.head.lower_ not in self.words.locating_prepositions \
                    or opens_clause(token.head):
                continue
            party = self._entity(token)
            if party is not None and self._only_where(party):
                dropped |= {t.i for t in token.head.subtree}
        return tokens - dropped

    def _where_traded(self, prep: Token) -> bool:
        """Whether a preposition's phrase names only places, and says where shares trade: under a
        noun of trading ("in late trading on London's stock exchange"), naming one ("on Oslo's
        bourse") or beside a phrase of trading under one verb ("rose 6 pence in early trading
        yesterday in London"); ``trading_places``."""
        def trading(token: Token) -> bool:
            return token.lemma_.lower() in self.words.trading_places

        def of_trading(phrase: Token) -> bool:
            return any(c.dep_ == "pobj" and trading(c) for c in phrase.children)

        parties = [p for t in prep.subtree for p in [self._entity(t)] if p is not None]
        return bool(parties) and all(p[1] in PLACE_LABELS or p[0] in self.words.countries for p in parties) and (
            trading(prep.head) or of_trading(prep)
            or any(c.dep_ == "prep" and c.i != prep.i and of_trading(c) for c in prep.head.children))

    def not_only_towns(self, names: list[str], sent: Span) -> list[str]:
        """The names of a figure's sentence, unless all are towns or regions that only say where
        it happens, not opening it ("The trial run took three hours, the plane looping 80 miles
        from Leeds" is not Leeds's; "And in Leeds, a 3 percent drop" is): then whose the figure is is
        read from the paragraph, the figure before or the article."""
        named = [ent for ent in self.index.within(sent.start_char, sent.end_char) if ent["canonical"] in names]
        for ent in named:
            span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
            label = "GPE" if ent["canonical"] in self._places else ent["label"]  # a town the model took for a person here
            if not self._only_where((ent["canonical"], label)) or (span.root.dep_ == "pobj" and opens_clause(span.root.head)):
                return names
        return [] if named else names

    @cached_property
    def _places(self) -> set[str]:
        """The names the article gives a place somewhere."""
        return {ent["canonical"] for ent in self.index.entities if ent["label"] in PLACE_LABELS}

    def _only_where(self, party: Party) -> bool:
        """Whether a party is a town or a region, which only says where: not a country."""
        return party[1] in PLACE_LABELS and party[0] not in self.words.countries

    def _places_left_out(self, prep: Token, parties: list[Party]) -> list[Party]:
        """The parties of a preposition's object without the towns and regions it only says something
        comes from or goes to ("flew 300 passengers from Leeds to Rome", "100 miles from Lyon"):
        orders from an airline or exports to a country keep their party."""
        if prep.lower_ not in self.words.locating_prepositions or opens_clause(prep):
            return parties
        return [p for p in parties if not self._only_where(p)]

    def _in_order(self, found: list[Party], sent: Span) -> list[str]:
        """The names in the order the sentence names them, those it names only by a pronoun first."""
        names = list(dict.fromkeys(name for name, _ in found))
        first = {}
        for ent in self.index.within(sent.start_char, sent.end_char):
            first.setdefault(ent["canonical"], ent["start"])
        return sorted(names, key=lambda name: first.get(name, -1))
