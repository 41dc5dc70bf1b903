"""Which party a noun phrase names, with "the company", "its", "he" and "which" resolved to the
party named before them (pipeline/claims/figure_parties.py reads whose a figure is from them).

The small spaCy model has no coreference, so a rule-based resolver stands in: a pronoun or a
descriptor noun of rules/entities.yml ("the company", "the Akron, Ohio, company", "the
index") stands for the most recent compatible party in view: the subject of a clause above it in
its sentence ("Corvane said it paid ..."), else the subject of a sentence before it, else the last
entity of its kind named before it. A relative pronoun stands for the noun its clause hangs from
("Corvane, whose revenue ...").
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from pipeline.claims.describe import EntityIndex
from pipeline.claims.party_mentions import MentionCounts
from pipeline.claims.party_reading import (CURRENCY_WORDS, OWNING_LABELS, PARTY_LABELS, PLACE_LABELS,
                                           RELATIVE_PRONOUNS, THING_LABELS, Party,
                                           PartyWords, bare_spokesperson, clause_subject, currency_name, fronted,
                                           hyphen_joined, index_alone, shared_subject, states_figure, traded_abroad,
                                           traded_in, unplaced_name, untimed)
from pipeline.nlp.structure import MAX_DEPTH, dateline_end, preposition_objects

SENTENCES_IN_VIEW = 6
"""How many sentences back a pronoun or a descriptor looks for the subject it stands for."""
SETTING_BESIDE = ("appos", "conj", "amod", "compound")
"""How the words of a place phrase set a country beside a town: "Lagos, Nigeria", "Accra, the
Ghanaian capital", "France and Spain"."""
DESCRIPTOR_WINDOW = 3
"""How many sentences back "the company" looks for the organisation it names, the most named of
those in view."""


class Parties(MentionCounts):
    """Resolves noun phrases of one article to its canonical parties."""

    def __init__(self, doc: Doc, index: EntityIndex, words: PartyWords = PartyWords()) -> None:
        super().__init__(doc, index, words.where_prepositions)
        self.words = words
        self.sentences = list(doc.sents)
        self.starts = [sent.start for sent in self.sentences]
        self._main: dict[int, list[Party]] = {}
        self._openings: dict[int, int] = {}

    def speaking(self, head: Token) -> str:
        """Who a speaker's phrase stands for, where the phrase alone does not name them: "the
        company said" -> Corvane, "it said" -> BMAC, "Brightwater Motors Corp.'s unit, BM Kessler
        Electronics, said" -> BM Kessler Electronics, "a company spokesman said" or "a spokesman
        said" after it -> "BM Kessler Electronics spokesman"; "" for any other phrase."""
        label = self._descriptor(head)
        headed = self._headed(head) or (self.antecedent(head, (label,)) if self._epithet(head, label) else [])
        if headed:  # "the academy said", "Canada's largest shoe retailer said"
            return headed[0][0]
        if head.lower_ in self.words.thing_pronouns | self.words.group_pronouns or head.tag_ in ("WP", "WDT") or (
                label is not None and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)):
            found = self._one(head, 0) or (self._last_speaker(head) if head.lower_ == "it" else [])
            return "; ".join(dict.fromkeys(name for name, _ in found))
        aside = [p for c in head.children if c.dep_ == "appos" for p in [self._entity(c)] if p]
        if aside and not self._entity(head):
            return aside[0][0]
        describing = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                      and self.words.descriptors.get(c.lemma_.lower()) == "ORG"]
        bodies = self.organisations_after(head, ("for", "of")) if head.lower_ in self.words.spokespeople else []
        if bodies:  # "a spokesman for the company": as "a spokesman for Corvane"
            return bodies[0][0]
        if describing or bare_spokesperson(head, self.words.spokespeople):  # "a company spokesman", "a spokeswoman"
            named = self.antecedent(describing[0] if describing else head, ("ORG",))
            return f"{named[0][0]} {head.text}" if named else ""
        return ""

    def of_sentence(self, sent: Span) -> list[Party]:
        """The parties a sentence is about: those of its main subject, else what that subject is
        ("One of the weakest indexes was the Argentine Merval index"), else of an opening "At X,".
        A sentence parsed without a verb at its root takes its first subject ("The Korean index
        the Kospi among the handful that gained")."""
        if sent.start not in self._main:
            self._main[sent.start] = []  # a sentence that leads back to itself names no one
            root = sent.root
            subject = clause_subject(root) if root.pos_ in ("VERB", "AUX") else next(
                (t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"), None)
            parties = self.resolve(subject) if subject is not None else []
            if not parties and root.lemma_ == "be":
                parties = [p for attr in root.children if attr.dep_ == "attr" for p in self.resolve(attr)]
            if not parties:
                parties = [p for obj in preposition_objects([root], ("at",)) for p in self.resolve(obj) if p[1] == "ORG"]
            self._main[sent.start] = parties
        return self._main[sent.start]

    def resolve(self, head: Token, depth: int = 0) -> list[Party]:
        """The parties a noun phrase names, given its head: a name set beside it ("BM's finance
        arm, Brightwater Motors Acceptance Corp."), else the entity it is part of with the names
        that own it ("Van Arden's Petrel Inc. oil company"), else what a pronoun or a descriptor
        stands for ("its", "the company"), else its owner by a preposition ("profit at the unit");
        joined parties all count ("Bank of America and Citigroup")."""
        if depth > MAX_DEPTH:
            return []
        found = self._one(head, depth)
        for other in head.conjuncts:
            if other.i > head.i and other.pos_ in ("NOUN", "PROPN", "PRON"):
                found += self._one(other, depth + 1)
        return list(dict.fromkeys(found))

    def _one(self, head: Token, depth: int) -> list[Party]:
        own = self._entity(head)
        if own:
            return index_alone([own] + self._owners(head, depth))
        aside = [p for c in head.children if c.dep_ == "appos" for p in self._one(c, depth + 1)]
        if aside:
            return aside
        currency = self._currency(head)
        if currency is not None:
            return [currency]
        headed = self._headed(head)
        if headed:
            return headed
        label = self._descriptor(head)
        if self._epithet(head, label):
            return self.antecedent(head, (label,), depth)
        owners = self._owners(head, depth)
        if owners and not (label == "ORG" and all(p[1] == "PERSON" for p in owners)) and not traded_abroad(head, owners, self.words.listed_things):
            return index_alone(owners)  # "Van Arden's stock"; but "Haddad, whose company ..." is the company
        employer = self._employer(owners[0][0]) if owners and label == "ORG" else None
        if employer is not None:
            return [employer]
        if head.pos_ == "PRON" or head.tag_ in ("WP", "WP$", "WDT"):
            return self._pronoun(head, depth)
        if label is not None and head.tag_ in ("NNS", "NNPS"):
            return self._counted(head, label) or self._led_by(head, depth)  # "a group of banks led by Nordbank"
        if label is not None and (owners or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                for c in head.children)):
            return self.antecedent(head, (label,), depth)
        if head.tag_ == "JJS" or any(c.tag_ == "JJS" for c in head.children):
            return []  # "the biggest rises of the four indexes": the group compared owns nothing
        return [p for obj in preposition_objects([head], self.words.owning_prepositions)
                for p in self._one(obj, depth + 1)] or self._led_by(head, depth)

    def organisations_after(self, noun: Token, prepositions: tuple[str, ...]) -> list[Party]:
        """The organisations a noun's phrases of these prepositions name: Corvane of "a spokesman
        for Corvane", Brightwater of "a 9.4% stake in Brightwater Corp."."""
        return [p for obj in preposition_objects([noun], prepositions) for p in self.resolve(obj) if p[1] == "ORG"]

    def _led_by(self, head: Token, depth: int) -> list[Party]:
        """Who leads an unnamed group, set beside it by a participle of ``leading_verbs``: "a group
        of banks, led by First Union," stands for First Union."""
        return [p for verb in head.children if verb.dep_ == "acl" and verb.lemma_.lower() in self.words.leading_verbs
                for agent in verb.children if agent.dep_ == "agent"
                for obj in agent.children if obj.dep_ == "pobj" for p in self.resolve(obj, depth + 1)]

    def _currency(self, noun: Token) -> Party | None:
        """The currency a noun names, with the country set before it: "the U.S. dollar rose
        against the yen" is the United States dollar's move, not the country's."""
        if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() not in CURRENCY_WORDS or states_figure(noun):
            return None  # "claims of 100,000 Kenyan shillings" are paid in the currency, not about it
        countries = [p[0] for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i
                     for p in [self._entity(c)] if p and p[0] in self.words.countries]
        if not countries and not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None  # "gold rose 2%" is the metal; "the yen rose 2%" the currency
        name = currency_name(noun.lemma_.lower(), countries[0] if countries else None)
        return (name, "CURRENCY") if name else None

    def _employer(self, person: str) -> Party | None:
        """The organisation the article names a person with, which "his company" or "whose firm"
        stands for: "Jane Doe, president of Contoso Tours, ..." ... "Doe said her company ..."."""
        for ent in self.index.entities:
            if ent["canonical"] != person or ent["label"] != "PERSON":
                continue
            span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
            phrase = [t for c in span.root.children if c.dep_ in ("appos", "compound") and not span.start <= c.i < span.end
                      for t in c.subtree]
            found = [p for t in phrase for p in [self._entity(t)] if p and p[1] == "ORG"]
            if found:
                return found[0]
        return None

    def _headed(self, noun: Token) -> list[Party]:
        """The one organisation named a few sentences before a bare "the" noun that ends its name
        ("The academy bought 80 acres" after "the Harlow Science Academy"); a descriptor of
        rules/entities.yml ("the bank") is left to ``antecedent``, which knows the unit from its parent."""
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lemma_.lower() in self.words.descriptors \
                or [c.lower_ for c in noun.children if c.i < noun.i] not in (["the"], ["this"]):
            return []
        here = bisect_right(self.starts, noun.i) - 1
        return self.index.headed_by(noun.lower_, self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start_char, noun.idx)

    @staticmethod
    def _epithet(noun: Token, label: str | None) -> bool:
        """Whether a descriptor ranks the party it stands for ("Canada's largest shoe retailer",
        "the world's third-largest carmaker"): the party in view, not the place it is ranked in."""
        return label is not None and noun.tag_ == "NN" and any(c.tag_ == "JJS" for c in noun.children)

    def _descriptor(self, noun: Token) -> str | None:
        """The label of the party a descriptor noun stands for ("the company" -> ORG), None for
        another noun or a bare descriptor with words before it ("the housing market")."""
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or (lemma in self.words.bare and any(c.i < noun.i and c.dep_ != "det" for c in noun.children)):
            return None
        return self.words.descriptors.get(lemma)

    def _owners(self, head: Token, depth: int) -> list[Party]:
        """Names in the words that modify a noun: "Corvane stock", "Van Arden's stock", "its dividend",
        "the Russian Government", and the index a market's shares trade on ("Indian stocks on the
        Sensex", where India only says where the index is); not a town, which only says where ("three
        Leeds bombings", "her Boston cousins"), nor the country a superlative ranks in ("among the
        20 largest insurers in the U.S." names the insurer alone)."""
        out: list[Party] = []
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:  # "Russia-Ukraine trade" too
                out += [party for named in (*hyphen_joined(child), child) for party in [self._entity(named)]
                        if party and (party[1] not in PLACE_LABELS or party[0] in self.words.countries)]
            elif child.dep_ == "poss":
                out += self._one(child, depth + 1)
            elif child.dep_ == "prep" and child.lower_ in ("on", "in") and depth < MAX_DEPTH:
                out += [p for obj in child.children if obj.dep_ == "pobj"  # "Indian stocks on the Sensex gauge"
                        for named in (obj, *obj.children) if named.i == obj.i or named.dep_ == "compound"
                        for p in [self._entity(named)] if p and p[1] == "INDEX"]
                out += [] if traded_in(head, child, self.words) or any(  # "the 20 largest
                    c.tag_ == "JJS" for c in head.children) else self.countries_in(child)  # insurers in the U.S." ranks
        return out

    def countries_in(self, prep: Token) -> list[Party]:
        """The countries an "in" phrase sets something in, named or set beside a town: "sales in
        Germany", "cut 900 jobs in France and Spain", "embassies in Lagos, Nigeria, and Accra,
        Ghana" (national figures are the country's as well as the company's or the embassy's);
        nothing for another preposition, a town alone ("in Leeds") or places counted ("in 12
        states and Canada")."""
        named = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ != "in" or any(states_figure(t) for t in named):
            return []  # "protests in seven states and Italy" count places rather than set anything in one
        out: list[Party] = []
        while named:
            token = named.pop(0)
            party = self._entity(token)
            if party is not None and party[0] in self.words.countries:
                out.append((party[0], "GPE"))
            named += [c for c in token.children if c.dep_ in SETTING_BESIDE]
        return list(dict.fromkeys(out))

    def _entity(self, token: Token) -> Party | None:
        if token.i < self._opening(token):
            return None  # "SAO PAULO (Reuters) - ...": a dateline names where, not whose
        for ent in self.index.within(token.idx - 80, token.idx + len(token) + 80):
            if ent["start"] <= token.idx < ent["end"]:
                if ent["label"] == "NORP" and ent["canonical"] in self.words.countries:
                    return ent["canonical"], "GPE"  # "the Belgian government ... it": the country
                return (ent["canonical"], ent["label"]) if ent["label"] in PARTY_LABELS else None
        return None

    def _opening(self, token: Token) -> int:
        k = bisect_right(self.starts, token.i) - 1
        if k not in self._openings:
            self._openings[k] = dateline_end(self.sentences[k])
        return self._openings[k]

    def _pronoun(self, pronoun: Token, depth: int) -> list[Party]:
        word = pronoun.lower_
        if word in RELATIVE_PRONOUNS:
            for clause in (pronoun, *pronoun.ancestors):  # "Corvane, whose revenue inched up ..."
                if clause.dep_ == "relcl":
                    return self._one(self._placed(untimed(clause.head)), depth + 1)
                if clause.pos_ in ("VERB", "AUX"):
                    break
            return []
        if word in self.words.person_pronouns:
            return self.antecedent(pronoun, ("PERSON",), depth, pronoun=True)
        if word in self.words.thing_pronouns or word in self.words.group_pronouns:
            found = self.antecedent(pronoun, THING_LABELS, depth, pronoun=True)
            if not found and pronoun.dep_ == "poss" and pronoun.head.lemma_.lower() in self.words.listed_things:
                company = self.index.last_before(pronoun.idx, "ORG")  # "... Contoso Inc. ... their shares dropped 7%"
                return [(company["canonical"], "ORG")] if company else []
            return found
        subject = shared_subject(pronoun, self.words.distributive_pronouns)  # "Orla and Tessin signed, each pledging $40 million"
        return self.resolve(subject, depth + 1) if subject is not None else []

    def _placed(self, noun: Token) -> Token:
        """The noun a place phrase says where of, when the parse hangs a relative clause from the
        place: in "the blasts at French consulates in Mali and Niger, which killed 80 people" the
        consulates' blasts killed, not Mali, and so in "the blasts in Accra, the Ghanaian capital, and
        Lome, Togo, which killed 80 people", whose places the parse sets beside each other; "He
        moved to Lyon, which has ..." stays Lyon's."""
        top = noun
        while top.dep_ in ("conj", "appos") and top.head.i != top.i:
            top = top.head
        party = self._entity(top)
        if party is None or party[1] not in PLACE_LABELS or top.dep_ != "pobj" \
                or top.head.lower_ not in self.words.locating_prepositions or top.head.head.pos_ not in ("NOUN", "PROPN"):
            return noun
        return top.head.head

    def antecedent(self, token: Token, labels: tuple[str, ...], depth: int = 0, pronoun: bool = False) -> list[Party]:
        """What a pronoun or descriptor stands for: the subject of a clause above it in its
        sentence ("Corvane also stated that it spent ..."), else the subject of a sentence before it,
        else, for a descriptor, the party last given a name with it or whose name has it ("the
        bank" after "Pacifica Bank & Trust Co."), else the one of its kind named most. A pronoun
        stands for the nearest subject that is no pronoun, and names no party when that subject
        is none ("Most forecasters expect it to drop ...", "mortgage holders will spend 30% of
        their income")."""
        for above in token.ancestors:
            subject = clause_subject(above) if above.pos_ in ("VERB", "AUX") else None
            if subject is None or (subject.i > token.i and not fronted(token, above, subject)) \
                    or subject.is_ancestor(token) or subject.i == token.i:
                continue
            relative = labels == ("PERSON",) and self.said_of_person(subject)
            fits = [] if relative else [
                p for p in self.resolve(subject, depth + 1) if p[1] in labels]  # "Ruiz's father said he ..." is not Ruiz
            if fits or (pronoun and subject.pos_ != "PRON" and (labels != ("PERSON",) or relative)):
                return fits
        here = bisect_right(self.starts, token.i) - 1
        if pronoun and token.dep_ == "poss" and labels == THING_LABELS:
            # "Leading the gains for Contoso was its chemicals segment": no subject above, a company before
            named = [e for e in self.index.within(self.doc[self._opening(token)].idx, token.idx)
                     if e["label"] in OWNING_LABELS]
            if named:
                return [(named[-1]["canonical"], named[-1]["label"])]
        if pronoun and labels == ("PERSON",):  # "54 percent did not know Smith's position, and 23 percent knew she ..."
            named = [e for e in self.index.within(self.sentences[here].start_char, token.idx) if e["label"] == "PERSON"]
            if named:
                return [(named[-1]["canonical"], "PERSON")]
        if labels == ("GPE",):  # "the country's trade": a country in view, else what the headline names
            return self._most_named(token, labels, self.sentences[max(0, here - 1)].start_char, anywhere=False)
        if not pronoun:
            window = self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start_char
            return self._named_before(token, labels, self.sentences[max(0, here - DESCRIPTOR_WINDOW)].start) \
                or self._going_on(token, labels, self.sentences[max(0, here - 1)]) \
                or self._called(token, labels, window) \
                or self._most_named(token, labels, window, anywhere=labels != ("PERSON",))  # "the leader": one in view
        acting = pronoun and token.dep_ == "nsubj" and token.head.lemma_.lower() not in self.words.speech_verbs
        for sent in reversed(self.sentences[max(0, here - SENTENCES_IN_VIEW): here]):
            fits = [p for p in (self._last_actor(sent) if acting else []) or self.of_sentence(sent) if p[1] in labels]
            if not fits and labels == ("PERSON",):  # "Renner, who is accused of ..." ... "He has ..."
                fits = [p for subject in reversed([t for t in sent if t.dep_ in ("nsubj", "nsubjpass")])
                        for p in self.resolve(subject, depth + 1) if p[1] == "PERSON"][:1]
            if fits:
                return fits
            subject = clause_subject(sent.root)
            if pronoun and labels != ("PERSON",) and subject is not None and subject.pos_ != "PRON":
                return []  # "Bilateral trade grew ... In 2023, it grew to $240 billion": not a party
        return self._most_named(token, labels)

    def _last_speaker(self, pronoun: Token) -> list[Party]:
        """The organisation that last said something a few sentences before a bare "it said": "...,
        the association said. ..., the statement said. Sales rose 19%, it said" is the
        association's ("the statement" names no one). This reads "it" as a party, so only an
        organisation in view; an "it said" with none is read again by the speakers as the statement
        just cited, whose owner may be a person (``UNNAMED_SOURCE`` in pipeline/claims/speakers.py):
        "it" as the party and "it" as the statement are two readings, not one written twice."""
        here = bisect_right(self.starts, pronoun.i) - 1
        for sent in reversed(self.sentences[max(0, here - SENTENCES_IN_VIEW): here]):
            verbs = self.words.speech_verbs
            for subject in reversed([t for t in sent if (t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN")
                                     and t.head.lemma_.lower() in verbs) or unplaced_name(t, verbs)]):
                found = [p for p in self._one(subject, 0) if p[1] == "ORG"]
                if found:
                    return found
        return []

    def _last_actor(self, sent: Span) -> list[Party]:
        """The party named as the last subject of a sentence's clauses that does more than speak:
        what "it" acting in the next sentence stands for ("Brenner Co. said Kestrel Partners
        proposed $9.50 a share. Previously, it offered $9.10": Kestrel Partners)."""
        for subject in reversed([t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"]):
            party = self._entity(subject)
            if party is not None and subject.head.lemma_.lower() not in self.words.speech_verbs:
                return [party]
        return []

    def _counted(self, noun: Token, label: str) -> list[Party]:
        """What a counted plural descriptor stands for: the last parties of its kind named before
        it, as many as it counts ("the two nations' trade" after Ukraine and Russia, "both banks"
        after Bank of America and Citigroup); an uncounted one ("one of the indexes") names no one."""
        count = next((self.words.counts[c.lower_] for c in noun.children
                      if c.dep_ in ("nummod", "det", "predet") and c.lower_ in self.words.counts), 0)
        if not count:
            return []
        named: list[Party] = []
        for ent in self.index.latest_first(noun.idx):
            party = (ent["canonical"], ent["label"])
            if ent["label"] == label and party not in named:
                named.append(party)
            if len(named) == count:
                return named[::-1]
        return []

    def _named_before(self, noun: Token, labels: tuple[str, ...], window: int) -> list[Party]:
        """The party the same noun was last given a name with, a few sentences before: "the unit"
        after "the BM Kessler unit", "the carrier" after "the carrier, Northwind Air" or "Northwind
        Air, a regional carrier"."""
        lemma = noun.lemma_.lower()
        for earlier in reversed(self.doc[window:noun.i]):
            if earlier.lemma_.lower() == lemma and earlier.tag_ == noun.tag_:  # "clubs" is not "the club"
                named = [p for c in earlier.children if c.dep_ in ("compound", "appos", "poss")
                         for p in [self._entity(c)] if p and p[1] in labels]
                described = self._entity(earlier.head) if earlier.dep_ == "appos" else None
                if not named and described and described[1] not in PLACE_LABELS:  # the noun tells what the name is,
                    named = [(described[0], labels[0])]  # though the model took "Dagbladet" for a person
                if named:
                    return named[-1:]
        return []

