"""Whose a figure is: the parties its clause gives it, read from the dependency parse (the nouns
between the figure and its verb, the verb's subject and the parties it deals with), with pronouns
and descriptors resolved by :class:`pipeline.claims.parties.Parties`, without the places that only
say where a figure happens or goes (:mod:`pipeline.claims.place_parties`)."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from pipeline.claims.describe import claim_clause
from pipeline.claims.parties import DESCRIPTOR_WINDOW
from pipeline.claims.party_reading import (OWNING_LABELS, Party, clause_subject, has_own_figure,
                                           index_alone, partitive, respective, says_what,
                                           states_figure)
from pipeline.claims.place_parties import PlaceParties
from pipeline.nlp.structure import described_by_age, preposition_objects


JOINING = ("along", "together")
"""Words before "with" that set one noun beside another, each with its own parties: "the sale of
shares to Orla Group along with the sale of 9,000 shares to Dunmore" (the 9,000 are not Orla's)."""


DEALING_PREPOSITIONS = ("to", "for", "with", "between")
"""Prepositions after a figure whose object takes part in what is done with it ("$40 million for
Ghana"): the partners of ``partner_prepositions`` but "from", read with "of", and "against", which
may name the currency a figure is measured in."""


class FigureParties(PlaceParties):
    """Resolves the parties of one article's figures."""

    def of_figure(self, span: Span) -> list[str]:
        """The parties that own a figure: those of the nouns between it and its clause's verb
        ("31% of Van Arden", "Van Arden's stock rose $1.75", "revenue for the BM Kessler unit"), and the
        subject of that verb ("Corvane ... posted an operating loss of roughly $45 million"), unless the
        verb only judges the figure ("the Bank forecasts growth of 0.5%") or says something else
        ("..., the ONS said, pushing the pump price above 155p"), or a clause between them names
        whom it deals with ("a program aimed at raising Contoso's sales to $5 billion"); an
        opening "At X," names the subject's owner ("At ADS, profit jumped 16%"); a phrase that
        names who made what the figure counts names its owner alone (``_made_by``), and so does
        the country a people counted lives in (``_people_in``)."""
        made = self._made_by(span) or self._people_in(span)
        if made:
            return self._in_order(made, span.sent)
        head = claim_clause(span.root)
        # "the 2,500 Americans in Kuwait" are the country's as well, and so are "Some 200 Americans ...
        # flew home" where the parse makes the figure's noun the clause's head
        found: list[Party] = self._people(span.root)
        held: list[Party] = []  # the company a stake on the way is in, with whoever else the figure is of
        token = below = span.root
        judged = False
        reported = False  # the figure is what the verb reports: "the company reported net of $318 million"
        participle = False  # the figure is in a clause that goes on from the verb: "..., bringing the total to 512"
        nearer = False  # a clause between the figure and its verb names whom it deals with
        joined = False  # the figure's noun is set beside another: "the sale to Orla along with the sale of 9,000 shares"
        while token.i != head.i and token.head.i != token.i:
            reported = reported or (token.head.i == head.i and token.dep_ == "dobj")
            participle = participle or (token.pos_ in ("VERB", "AUX") and token.dep_ in ("advcl", "conj"))
            if token.lemma_.lower() in self.words.judging_words:
                judged = True  # "her estimate for Northwind": whose estimate is not whose earnings
                found += self._partners(token, span) if token.pos_ == "NOUN" else []
            elif token.pos_ == "VERB" and token.dep_ in ("pcomp", "acl", "advcl", "xcomp"):
                doer = self._doer(token, below)  # "..., followed by Vietnam with 1.5 million tons"
                found += doer
                nearer = nearer or bool(doer)
                own = self._partners(token, span)  # "a plan aimed at tripling the two nations' exports"
                # but "Contoso agreed to buy Tarrow's for $9 a share" is Contoso's as well, unless the
                # figure has an owner of its own ("plans to discuss Ukraine's $1 billion debt to Tarrow's")
                nearer = nearer or (bool(own) and (token.dep_ != "xcomp" or bool(found)))
                found += own
            elif token.i == span.root.i:  # "31% of Van Arden", "28 new orders from Northwind Air"
                found += self._owners(token, 0) + [
                    p for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                    for obj in prep.children if obj.dep_ == "pobj"
                    for p in self._places_left_out(prep, self.resolve(obj)) + self._partners(obj, span)
                ] + self._dealt_with(token)
                if token.head.lower_ == "of" and token.head.head.lemma_.lower() in self.words.holding_nouns:
                    held += self.organisations_after(token, ("in",))  # "a stake of 12% in Brightwater"
                if token.lemma_.lower() in self.words.listed_things:  # "acquired 2 million shares in Vestra AG"
                    held += self.organisations_after(token, ("in",)) + (
                        self.organisations_after(token.head, ("in",)) if token.dep_ == "dobj" else [])
            elif token.pos_ in ("NOUN", "PROPN") and not span.start <= token.i < span.end and not joined \
                    and not (below.dep_ == "conj" and states_figure(token)
                             and self._people(token) and self._people(span.root)):  # "200 Americans and 40 Canadians"
                # "73 percent of Russian exports to China"; not what is joined to the noun: "the CAC
                # index losing 2.7% and the IBEX ..." is the CAC's
                # "completed its purchase of Tarrow for $90 million"; not "had the steepest falls of the four
                # indexes", nor "bought 5 million doses of Qvax, half its output", whose "of" is the 5 million's
                acted_on = token.dep_ == "dobj" and not states_figure(token) and not any(c.tag_ == "JJS" for c in token.children)
                acted_on = acted_on or token.lemma_.lower() in self.words.deal_nouns  # "Halvard's $19-a-share purchase of Orla"
                own = self._one(token, 0)
                found += own + self._partners(token, span, self.words.partner_prepositions + (("of",) if acted_on else ()))
                held += self._held(token)
                # "it is dwarfed by Tallis Group's plans to sell off $3 billion": the plan's owner's figure alone
                nearer = nearer or (bool(own) and below.dep_ in ("acl", "xcomp") and any(c.dep_ == "poss" for c in token.children))
                # "Japan is to provide 40 billion yen, and Korea the other 25 billion": a clause without its verb
                # (or a "dep" of the verb, where the parse could not join the two: "..., and Korea the other 25 billion;")
                nearer = nearer or (bool(own) and token.dep_ in ("conj", "dep") and token.head.pos_ in ("VERB", "AUX"))
            held += self._owner(token)
            joined = joined or (token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lower_ in JOINING)
            token, below = token.head, token
        held += self._owner(head)
        if nearer or judged or any(c.dep_ == "dobj" and c.lemma_.lower() in self.words.judging_words
                                   for c in head.children):
            return self._in_order(found + held if found else [], span.sent)  # "lowered her estimate to $3.40 a share": not hers
        for clause in span.root.children:  # "the £100m Manchester City paid Aston Villa": the figure is what was paid
            if clause.dep_ == "relcl" and clause.lemma_.lower() not in self.words.judging_words:
                subject = clause_subject(clause)
                found += (self.resolve(subject) if subject is not None and subject.pos_ != "PRON" else []) \
                    + self._partners(clause, span)
        lemma = head.lemma_.lower()
        # "Fabrikam announced 28 orders, bringing its total to 512": what goes on from an announced thing is the announcer's
        reported = reported or (participle and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in head.children))
        if says_what(span, head):  # "54 percent of those asked said they were unsure of Smith's position"
            found += [p for clause in head.children if clause.dep_ == "ccomp" for t in clause.subtree
                      if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") for p in self._one(t, 0)]
        elif lemma not in self.words.judging_words and (lemma not in self.words.speech_verbs or reported):
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and not span.start <= c.i < span.end]
            subject = clause_subject(head)
            undergoes = clause_subject(head.head) if head.dep_ == "ccomp" \
                and head.head.lemma_.lower() in self.words.undergoing_verbs else None
            for subject in subjects + ([undergoes] if undergoes is not None else []) \
                    or ([subject] if subject is not None else []):
                if not subject.is_ancestor(span.root) and subject.i != span.root.i:  # read on the way up
                    found += self._sharing(subject) + self._held(subject)  # "its stake in Tessin rose to 9%"
            found += [] if participle and lemma in self.words.speech_verbs else self._partners(head, span)
            if not found:
                found += [p for obj in preposition_objects([head], ("at",)) for p in self.resolve(obj) if p[1] == "ORG"]
        if not found and (head.dep_ == "relcl" or self._owner(head)) and head.head.i != head.i:
            # "its coatings segment, where profit jumped to $122 million"; "rose 8%, which is 392 points";
            # "a unit 60%-owned by Halvard Group"
            noun = head.head
            if not states_figure(noun):
                return self._in_order(self.resolve(noun) + held, span.sent)
            return self.of_figure(self.doc[noun.i: noun.i + 1])
        held += [] if held else self.held_unnamed(span, found)
        return respective(span, head, self._in_order(index_alone(found + held if found else []), span.sent))

    def _people(self, noun: Token) -> list[Party]:
        """The country whose people a noun names ("Kenyans", "the Americans"), if any."""
        people = self._entity(noun)
        return [people] if people is not None and people[0] in self.words.countries else []

    def _made_by(self, span: Span) -> list[Party]:
        """The agent of a participle set after the figure's noun, or a noun it is of: "a list of 40
        names issued by the Peruvian government included Maria Soto" is Peru's list, not Soto's,
        and "the 300 buses built by Contoso" are Contoso's, whatever the clause goes on to say; not a
        participle set off by a comma ("an incidence of 7,100 cases, followed by Goias")."""
        token = span.root
        while token.pos_ in ("NOUN", "PROPN", "NUM", "ADP") and token.head.i != token.i:
            found = [p for verb in token.children if verb.dep_ == "acl" and verb.tag_ == "VBN"
                     and not self.doc[verb.i - 1].is_punct  # "..., followed by Minas Gerais" goes on about the clause
                     for agent in verb.children if agent.dep_ == "agent"
                     for obj in agent.children if obj.dep_ == "pobj" for p in self.resolve(obj)]
            if found:
                return found
            token = token.head
        return []

    def _priced_passive(self, verb: Token, span: Span) -> bool:
        """Whether a passive verb gives the figure as the price of what it does, "for" or "at" it,
        so that its agent is the other side of the deal ("Orla was bought by Tessin for $9 a
        share"); not a figure said of its subject or told for another reason ("12 victims were
        flown home by the minister", "was hailed by the mayor as saving 3,000 jobs"), nor what
        "owned by" says, which ``_owner`` reads."""
        return any(c.dep_ == "auxpass" for c in verb.children) and not self._owner(verb) and any(
            c.dep_ == "prep" and c.lower_ in ("for", "at") and c.is_ancestor(span.root) for c in verb.children)

    def _dealt_with(self, figure: Token) -> list[Party]:
        """The parties a figure deals with that the parse hangs from the figure, or from what it is
        an amount "in", rather than from its verb: "Oxfam has asked donors for $40 million in aid
        for Kenya and Uganda", "a loan of $2 billion to Peru", "$25 million in relief funding for
        Chad"; only a name, not a thing someone owns ("127 orders for its Z400 jet"), a descriptor
        ("2.1% for the transport average", which may stand for another index named before) nor a
        town it only goes to."""
        nouns = [figure] + preposition_objects([figure], ("in",))  # "$50 million in aid for Kenya"
        return [p for noun in nouns for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ in DEALING_PREPOSITIONS
                for obj in prep.children if obj.dep_ == "pobj" and self._entity(obj) is not None
                and not any(c.dep_ == "poss" for c in obj.children)
                for p in self._places_left_out(prep, self.resolve(obj))]

    def _doer(self, participle: Token, below: Token) -> list[Party]:
        """Who does what a participle a figure hangs from says, when that is not its clause's
        subject: the agent of a passive participle the figure's phrase hangs from ("Japan sold 2
        million tons, followed by Vietnam with 1.5 million tons" is Vietnam's, "trailed by Orla at
        12%"), and the party named right before a participle of its own that the parse set beside
        such a phrase ("followed by Italy having a loss of 700 jobs"); only a participle set off by
        a comma, not one that names a noun ("a group led by Tessin" in "Orla will be sold to a
        group led by Tessin for $9 a share", where the parse may hang the price from "led"),
        nor a passive verb, whose subject is a party as well ("Orla will be bought by Tessin for $9
        a share")."""
        if participle.tag_ == "VBN" and participle.dep_ in ("acl", "advcl") and below.dep_ == "prep" \
                and self.doc[participle.i - 1].text == "," \
                and not any(c.dep_ in ("aux", "auxpass") for c in participle.children):
            return [p for by in participle.children if by.dep_ == "agent"
                    for obj in by.children if obj.dep_ == "pobj" for p in self.resolve(obj)]
        if participle.tag_ != "VBG" or participle.dep_ != "advcl" \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in participle.children):
            return []
        before = self.doc[participle.i - 1]
        if before.dep_ != "pobj" or before.head.head.head.i != participle.head.i or before.head.dep_ not in ("agent", "prep"):
            return []
        party = self._entity(before)
        return [party] if party is not None else []

    def _people_in(self, span: Span) -> list[Party]:
        """The country a count of a people sets them in, and the country of that people if they are
        its nationals: "the killing of 8,000 minority Kurds in Syria" counts Syria's Kurds, whoever
        investigates it; "the 2,500 Americans in Kuwait" are the United States' and Kuwait's."""
        if span.root.ent_type_ != "NORP":
            return []
        places = [p for prep in span.root.children if prep.dep_ == "prep" for p in self.countries_in(prep)]
        own = self._entity(span.root)
        return ([own] if own is not None and own[0] in self.words.countries else []) + places if places else []

    def of_age(self, span: Span) -> list[str] | None:
        """Whose an age is: the person it describes, by name or by the name set beside it, and no
        one else its clause names ("Havana demanded the return of 7-year-old Mateo Ruiz" is Ruiz's
        age, not Havana's; "the 58-year-old judge, Arturo Mendes," "Slepian, a 52-year-old
        doctor," and "the 9-year-old Chilean swimmer Mateo Ruiz" are Mendes's, Slepian's and
        Ruiz's); an empty list when that person has no name here ("a 23-year-old man from Leeds",
        "Dana Pike said her 6-year-old son was hurt": not the mother's); "the 7-year-old boy", "the
        7-year-old" alone or "his 7-year-old son" is the person in view (``_person_in_view``), not
        the parent, and "the 40-year-old company" the company the descriptor stands for; None when
        the figure is no age."""
        noun = described_by_age(span)
        if noun is None:
            return None
        named = [noun, *(c for c in noun.children if c.dep_ == "appos"),
                 *([noun.head] if noun.dep_ == "appos" or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN") else [])]
        parties = [party for token in named for party in [self._entity(token)]
                   if party is not None and not self._only_where(party)]
        owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in self.words.person_pronouns]
        if not parties and noun.pos_ in ("NOUN", "ADJ") and (owners or any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)):
            label = self._descriptor(noun)
            parties = self._person_in_view(noun, {p for owner in owners for p in self._one(owner, 0)}) \
                if label is None or owners else [p for p in self._one(noun, 0) if p[1] == label]
        return self._in_order(parties, span.sent)

    def _person_in_view(self, noun: Token, besides: set[Party] = frozenset()) -> list[Party]:
        """The person a noun like "the boy" or "his son" stands for: of the people named in the last
        few sentences up to it, the one named most, the latest of equals, but not the subject of a
        verb above it ("the 7-year-old boy" after "Mateo Ruiz was rescued" is Ruiz; "Tomas Varga said
        the 7-year-old boy should go home" is not Varga's age), nor the owner ``besides`` ("Mateo
        Ruiz's father said he will take his 7-year-old son home" is Mateo's age, not the father's)."""
        here = bisect_right(self.starts, noun.i) - 1
        window = self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start_char
        speaking = {p for verb in noun.ancestors if verb.pos_ in ("VERB", "AUX")
                    for subject in [clause_subject(verb)] if subject is not None and not self.said_of_person(subject)
                    for p in self.resolve(subject)}
        counts = {party: seen for party, seen in self._party_counts(noun.idx, ("PERSON",)).items()
                  if seen[1] >= window and party not in speaking | besides}
        return [max(counts, key=counts.__getitem__)] if counts else []

    def with_owners(self, names: list[str], tokens: set[int], sent: Span) -> list[str]:
        """The names of a figure's clause with the parties its possessive descriptors and pronouns
        stand for, as the owner of what the clause names: "a gain of $9 million on the company's
        holding in Brenner Optics" is the company's as well as Brenner's, not Brenner's alone. A
        clause that names no one is left to the steps after it."""
        if not names:
            return names
        owners = [p for i in sorted(tokens) if self.doc[i].dep_ == "poss" and self._entity(self.doc[i]) is None
                  for p in self._one(self.doc[i], 0) if p[1] in OWNING_LABELS]
        if not owners:
            return names
        return self._in_order(owners + [(name, "") for name in names], sent)

    def carried(self, names: list[str], sent: Span) -> list[str]:
        """The names of a figure that go on to the ownerless figures after it: not a company the
        sentence names only deep inside what the figure came from ("a $4 million gain from the
        sale of 500,000 Brenner shares", "a gain on the company's holding in Brenner"), two
        prepositions or more below its verb, so that "Net for the half was $120 million" after it
        is not Brenner's ("orders from Northwind Air" keeps the airline); nor the company a deal
        buys ("has closed its purchase of Wexford for $180 million. It now runs 45 branches" is not
        Wexford's)."""
        in_sentence = self.index.within(sent.start_char, sent.end_char)
        named = {ent["canonical"] for ent in in_sentence}
        acting = {ent["canonical"] for ent in in_sentence if self._acts(ent["start"], ent["end"])
                  and not self.is_bought(ent["start"], ent["end"])}
        return [name for name in names if name in acting or name not in named]

    def person_acts(self, span: Span) -> bool:
        """Whether a person, or a body someone owns, is the subject of a figure's clause ("Governor
        Hale set a goal of 70,000 permits", "her administration would cut waits"): a person who
        says so then speaks for whom the figure is about, while one who says her properties "are
        worth half" speaks of her own."""
        subject = clause_subject(claim_clause(span.root))
        if subject is None:
            return False
        if subject.lemma_.lower() in self.words.governments or self.words.descriptors.get(subject.lemma_.lower()) == "ORG":
            return any(c.dep_ == "poss" for c in subject.children)  # "her administration would cut ..."
        own = self._entity(subject)
        return subject.lower_ in self.words.person_pronouns if own is None else own[1] == "PERSON"

    def _sharing(self, subject: Token) -> list[Party]:
        """The parties of joined subjects that share their verb's figure: not one that has its own
        figure in a participle ("the Contoso index losing 2.7% and the Northwind index falling
        5%": the 5% is Northwind's alone)."""
        joined = [subject, *(c for c in subject.conjuncts if c.i > subject.i and c.pos_ in ("NOUN", "PROPN"))]
        sharing = [t for t in joined if not has_own_figure(t)]
        if not sharing or len(sharing) == len(joined):
            return self.resolve(subject)
        return list(dict.fromkeys(p for t in sharing for p in self._one(t, 0)))

    def _held(self, noun: Token) -> list[Party]:
        """The company a holding noun (``holding_nouns``) is in: "holds a 9.4% stake in Brightwater
        Corp." is Brightwater's figure as well as the holder's; a stake in a venture or a place
        names no one more. A person's stake that names no company is in the one the article names
        the person with: "lifts Corvane Chairman Ruth Adler's stake to 31%" is Corvane's too."""
        if noun.lemma_.lower() not in self.words.holding_nouns:
            return []
        holders = [p for c in noun.children if c.dep_ == "poss" for p in [self._entity(c)] if p and p[1] == "PERSON"]
        return self.organisations_after(noun, ("in",)) or [
            employer for person, _ in holders for employer in [self._employer(person)] if employer]

    def _owner(self, verb: Token) -> list[Party]:
        """The owner a participle of owning (``owning_participles``) names after "by": "Tarn Cable,
        a unit 60%-owned by Halvard Group," and "the miner, which is 45% owned by Cobalt Partners,"
        are the owner's figures as well as those of what it owns; the parse may hang "by" from the
        participle's "is" ("which is 81%-owned by Larkspur Corp.")."""
        participles = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
        if not any(t.lower_.lstrip("-") in self.words.owning_participles for t in participles):
            return []
        return [p for by in verb.children if by.lower_ == "by" and by.dep_ in ("agent", "prep")
                for obj in by.children if obj.dep_ == "pobj" for p in self.resolve(obj)]

    def _partners(self, verb: Token, span: Span, prepositions: tuple[str, ...] | None = None) -> list[Party]:
        """Named parties the verb deals with besides its subject: its object, the objects of
        "to", "from", "for", "with" ("paid Aston Villa £100m for Jack Grealish") and the agent of a
        passive verb that prices the figure (``_priced_passive``: "Orla will be bought by Tessin
        for $9 a share"), not a town something only goes to or comes from ("flew 300
        passengers from Leeds to Rome"); ``prepositions`` are the rule set's ``partner_prepositions``
        unless given."""
        prepositions = self.words.partner_prepositions if prepositions is None else prepositions
        out: list[Party] = []
        for child in verb.children:
            if child.i in range(span.start, span.end) or child.is_ancestor(span.root):
                continue
            if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP" and verb.pos_ in ("VERB", "AUX"):
                objects = [child]
            elif (child.dep_ in ("prep", "dative") and child.lower_ in prepositions) or (
                    child.dep_ == "agent" and self._priced_passive(verb, span)):
                objects = [c for c in child.children if c.dep_ == "pobj"]  # "Orla was bought by Tessin for $9 a share"
            else:
                continue
            for obj in map(partitive, objects):  # "buy all of the shares of Orlix"
                if child.lower_ == "against" and self._currency(obj) is not None:
                    continue  # "the yen rose 2% against the dollar": the dollar is what the yen is measured in
                if obj.dep_ == "dobj":  # "paid Aston Villa for Jack Grealish"; "raised its stake in Tarrow to 9%"
                    # "has closed its purchase of Wexford Inc. for $180 million": what a deal buys
                    bought = ("of",) if obj.lemma_.lower() in self.words.deal_nouns else ()
                    out += self._partners(obj, span, self.words.partner_prepositions + bought) + self._held(obj)
                out += self._places_left_out(child, self.bought(obj, self.resolve(obj))) if obj.pos_ != "PRON" else []
        return out
