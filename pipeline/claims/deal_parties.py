"""Whose a figure of a deal is: its buyer and the company it buys, both, however the figure's clause
names them ("Norland Media said it completed its acquisition of Vexa Cos. for about $210 million"
-> Norland Media; Vexa, "began its $31-a-share tender offer for all the shares of Lintor N.V." ->
the bidder; Lintor, "the option to acquire 400,100 of Ravel's shares" -> its holder; Ravel).

A price, a count of shares or a percentage bought is the deal's, and a deal has two sides: the
clause of the figure often names one of them by a pronoun or leaves it to a word a few steps away
in the parse ("its offer", "Moor States the option to acquire ..."), so that the parties read from
the figure up to its verb (:class:`pipeline.claims.figure_parties.FigureParties`) miss the other.
The deal is a word of buying (``deal_nouns``, ``deal_verbs`` in rules/entities.yml) the figure
hangs from, or that its verb does; its buyer is the word's owner or subject (a passive verb's
agent), and what it buys is the company its object, "of" or "for" names, or the company of the
shares it buys ("Calder common shares", "shares of Lintor", "Ravel's shares"); a figure whose
clause names someone outside the deal is left as it is.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from pipeline.claims.event_parties import EventParties
from pipeline.claims.parties import DESCRIPTOR_WINDOW
from pipeline.claims.party_reading import PLACE_LABELS, Party, clause_subject, partitive
from pipeline.nlp.structure import preposition_objects

OBJECT_PREPOSITIONS = ("of", "for")
"""Prepositions after a deal noun that name what it buys: "its purchase of Vexa", "the offer for Lintor"."""
SHARE_PREPOSITIONS = ("of", "in")
"""Prepositions after shares that name their company: "all the shares outstanding of Lintor"."""


class DealParties(EventParties):
    """Resolves the parties of one article's figures, those of a deal with both its sides."""

    def with_deal(self, span: Span, named: list[str]) -> list[str]:
        """A figure's names with both sides of the deal it is of, where its clause names one side
        or no one: "Brixton said it bought 50,000 Calder shares for $12.10 a share" -> Brixton;
        Calder Systems. A deal noun that names neither side is the deal told last a few sentences
        before ("Tessin made a $9-a-share offer for Orla. ... the $310 million offer" -> Tessin;
        Orla). A deal whose buyer or whose company the parse does not give adds no one, nor does
        one beside a figure whose names are all outside it ("Orla, which bought Vexa, posted sales
        of $2 billion" keeps Orla's sales)."""
        for word in self._deals_of(span):
            buyers, bought = self._sides(word, span)
            if not buyers and not bought and word.pos_ == "NOUN":
                buyers, bought = self._earlier_deal(word, span)
            sides = buyers + bought
            if not buyers or not bought or (named and not {p[0] for p in sides} & set(named)):
                continue
            return self._in_order([(name, "") for name in named] + sides, span.sent)
        return named

    def _earlier_deal(self, noun: Token, span: Span) -> tuple[list[Party], list[Party]]:
        """The sides of the deal told last before a deal noun that names none, in view."""
        here = bisect_right(self.starts, noun.i) - 1
        for word in reversed(self.doc[self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start:noun.i]):
            if self._is_deal(word):
                buyers, bought = self._sides(word, span)
                if buyers and bought:
                    return buyers, bought
        return [], []

    def _deals_of(self, span: Span) -> list[Token]:
        """The deal words a figure is of: a participle of buying set after it ("50,000 shares
        bought in June"), those on its way up to its verb ("its $31-a-share tender
        offer", "50,000 shares bought for $12 a share"), the verb itself, its object ("completed
        its acquisition of Vexa for $210 million") and what it is done for ("will need $90
        million to buy the shares"), and, where the parse hangs a price from a verb
        of saying ("said it completed its purchase of Vexa Cos. for $210 million", read as "said
        ... for"), the deal of the clause it reports, as nothing is said for a price."""
        token = span.root
        found = [c for c in token.children if c.dep_ == "acl" and self._is_deal(c)]  # "50,000 shares bought for $12"
        while token.head.i != token.i:
            below, token = token, token.head
            if self._is_deal(token):
                found.append(token)
            if token.pos_ not in ("VERB", "AUX"):
                continue
            found += [c for c in token.children if self._is_deal(c) and (c.dep_ in ("dobj", "dative", "nsubj") or (
                c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)))]  # "$9 million to buy Vexa"
            if token.lemma_.lower() in self.words.speech_verbs and below.dep_ == "prep" and below.lower_ == "for":
                found += [d for clause in token.children if clause.dep_ == "ccomp"
                          for d in (clause, *clause.children) if self._is_deal(d) and (d.i == clause.i or d.dep_ == "dobj")]
            break
        return found

    def _is_deal(self, token: Token) -> bool:
        """Whether a word is one of buying or selling a company: a deal noun, or a deal verb or a
        verb of selling used as a verb."""
        lemma = token.lemma_.lower()
        return (token.pos_ == "NOUN" and lemma in self.words.deal_nouns) or (
            token.pos_ == "VERB" and lemma in self.words.deal_verbs | self.words.sale_verbs)

    def _sides(self, word: Token, span: Span) -> tuple[list[Party], list[Party]]:
        """The buyer and the company bought of a deal word."""
        if word.pos_ == "NOUN":
            buyers = [p for c in word.children if c.dep_ == "poss" for p in self.resolve(c)] or (
                self._subject_parties(word.head) if word.dep_ == "dobj" else [])
            bought = [p for obj in preposition_objects([word], OBJECT_PREPOSITIONS)
                      for p in self._company_of(obj, buyers, span)]
            return buyers, bought
        if word.lemma_.lower() in self.words.sale_verbs:  # "Orla agreed to sell a 51% stake to Tessin for $9 million"
            subject = clause_subject(word)
            sellers = [p for by in word.children if by.dep_ == "agent" for obj in by.children if obj.dep_ == "pobj"
                       for p in self.resolve(obj)] + (self.resolve(subject) if subject is not None else [])
            return [p for to in word.children if to.dep_ in ("prep", "dative") and to.lower_ == "to"  # not "Peck of
                    for obj in to.children if obj.dep_ == "pobj" for p in self.resolve(obj)  # Britain" for an untagged name
                    if p[1] not in PLACE_LABELS or p == self._entity(obj)], sellers
        if any(c.dep_ == "auxpass" for c in word.children):  # "agreed to be acquired by Moor States"
            subject = clause_subject(word)
            buyers = [p for by in word.children if by.dep_ == "agent" for obj in by.children if obj.dep_ == "pobj"
                      for p in self.resolve(obj)]
            return buyers, self.resolve(subject) if subject is not None else []
        if word.dep_ == "acl" and word.tag_ == "VBN":  # "50,000 shares bought for $12 a share": the holder's
            holder = next((t for t in word.head.ancestors if t.pos_ in ("VERB", "AUX") and t.dep_ != "prep"), None)
            return (self._subject_parties(holder) if holder is not None else []), self._company_of(word.head, [], span)
        buyers = self._subject_parties(word)
        if not buyers and word.dep_ == "acl":  # "gives Moor States the option to acquire ...", "its option to buy"
            noun = word.head
            while noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":  # "signed a letter of intent to buy ..."
                noun = noun.head.head
            buyers = [p for c in noun.children if c.dep_ == "poss" for p in self.resolve(c)] or (
                [p for c in noun.head.children if c.dep_ == "dative" for p in self.resolve(c)]
                or self._subject_parties(noun.head) if noun.dep_ == "dobj" else [])
        bought = [p for obj in word.children if obj.dep_ == "dobj" for p in self._company_of(obj, buyers, span)]
        return buyers, bought

    def _subject_parties(self, verb: Token) -> list[Party]:
        """The parties of a verb's subject, or of the subject of the verb it goes on from."""
        subject = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        return self.resolve(subject) if subject is not None else []

    def _company_of(self, noun: Token, buyers: list[Party], span: Span) -> list[Party]:
        """The company a deal buys, given the noun of what it buys: a company named or described
        ("Vexa Cos.", "the company", standing for one other than the buyer), the company of shares
        ("Calder common shares", "Ravel's shares", "all the shares outstanding of Lintor", the shares
        a count includes: "900,000 Calder shares, including 50,000 shares bought ..."), the company
        a percentage bought is of ("30% of Vexa"), and for "the shares" or a percentage of no whole
        named, the company in view other than the buyer ("an option to buy an extra 10%"); not
        shares bought back, which are the buyer's own."""
        noun = partitive(noun)
        if noun.like_num or noun.pos_ == "NUM":  # "400,100 of Ravel's shares"
            noun = next(iter(preposition_objects([noun], ("of",))), noun)
        back = any(c.dep_ == "prt" and c.lower_ == "back" for c in noun.head.children)
        if noun.lemma_.lower() in self.words.listed_things:
            named = self._owners(noun, 0) + [p for t in noun.subtree if t.dep_ == "prep" and t.lower_ in SHARE_PREPOSITIONS
                                             and t.head.i in (noun.i, *(c.i for c in noun.children))
                                             for obj in t.children if obj.dep_ == "pobj" for p in self.resolve(obj)]
            if not named and noun.head.lower_ == "including" and noun.head.head.lemma_.lower() in self.words.listed_things:
                named = self._company_of(noun.head.head, buyers, span)
            if not named and not back and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
                named = self.company_in_view(noun, set(buyers))  # "$215 million to buy the shares"
            return [p for p in named if p[1] == "ORG" and p not in buyers]
        if noun.i in range(span.start, span.end):  # "to acquire 30% of Vexa", "the 51% of its unit it doesn't own"
            whole = preposition_objects([noun], SHARE_PREPOSITIONS)
            if whole:
                return [p for obj in whole for p in self._company_of(obj, buyers, span)]
            return [] if back or span.root.ent_type_ != "PERCENT" else self.company_in_view(noun, set(buyers))
        found = self.bought(noun, self.resolve(noun)) if noun.dep_ == "pobj" else self.resolve(noun)
        if set(found) & set(buyers) and noun.pos_ == "NOUN":  # "agreed to buy the company": not the buyer
            found = self.company_in_view(noun, set(buyers))
        own = self._entity(noun)  # a company bought the model took for a person ("to purchase Pacifica Bancorp")
        return [p for p in found if (p[1] == "ORG" or (p == own and p[1] == "PERSON")) and p not in buyers]
