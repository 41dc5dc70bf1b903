"""Whose a figure about an event is, when its own clause names no one: the parties named with the
event where the story told it ("A car bomb tore through the Orla Mining office in Mombasa. At
least 14 guards were killed" -> Orla Mining; Kenya).

Wire stories tell an event once with whom and where it struck ("Car bombs hit the Swedish
consulates in Lagos and Accra") and then give its toll in a sentence of its own ("At least 40
people died, police said", "The blasts killed 40"). Such a toll is the event's, not the body that
reports it nor what the paragraph was about before. A figure is about an event when a casualty word
(``casualty_words`` in rules/lexicons.yml: "killed", "wounded", "dead") stands between it and its
verb, or when its clause's subject or a noun above it is an event (``event_nouns``: "the blasts
killed 40", "the bombings happened 300 miles apart"). The event is the latest event noun before it
in view that names parties: its own words and phrases ("the bombing of the Swedish consulate in
Accra" -> Sweden; Ghana), not a clause that goes on about it; a town an attack struck stands for
its country (pipeline/claims/towns.py), as the attack was on that country ("the blast in Mombasa"
-> Kenya), while a storm or a crash in a town only says where it was.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from pipeline.claims.figure_parties import FigureParties
from pipeline.claims.party_reading import PARTY_LABELS, PLACE_LABELS, Party
from pipeline.claims.towns import country_of_town
from pipeline.nlp.structure import clause_head, clause_subject, preposition_objects

EVENT_SENTENCES = 3
"""How many sentences back a casualty figure looks for the event it counts: the story's toll
follows its telling of the event closely ("Car bombs hit ... . At least 40 people died")."""
STRIKING_PREPOSITIONS = ("through", "on", "against")
"""Prepositions of what an event its verb tells struck, besides the locating ones of where: "tore
through the Orla Mining office in Mombasa", "an attack on the Swedish consulate"."""
OWN_WORDS = ("compound", "amod", "nmod", "poss", "prep", "pobj", "appos", "conj", "cc", "det", "nummod", "punct",
             "advmod")
"""How the words of an event noun's own phrase hang from it: "the twin car bombings next to Swedish
consulates in Lagos and Accra", not a clause that goes on about it ("..., which police blamed on
Nordvik Group")."""


class EventParties(FigureParties):
    """Resolves the parties of one article's figures, those about an event from the event."""

    def with_event(self, span: Span, named: list[str], speaker: str = "") -> list[str]:
        """A figure's names with those of the event it is about: the event's alone where its clause
        names no one ("Car bombs hit ... . At least 40 people died"); the event's first where the
        event is its clause's subject, which names its own parties no more ("The blasts killed 40
        people, including 9 Danes" -> the event's parties, then Denmark), unless the figure counts
        a people of its own ("The blasts killed 9 Danes" is Denmark's). A figure about no event, or
        whose event no words before it in view name anyone, keeps its names; a casualty count whose
        sentence names someone besides its speaker looks for its event there first, then before it
        for an event that struck where the sentence says ("Of those killed, 11 died in Accra"); a
        count in one of the places an event struck keeps that place of the event's places
        ("Bombs hit the Swedish consulates in Lagos and Accra. Of those killed, 11 died in Accra" ->
        Sweden; Ghana), and one in no such place keeps its own names ("At least 12 were killed in
        Mombasa, Kenya": another event)."""
        nouns = self._event_nouns_above(span)
        casualty = self._casualty(span)
        if not nouns and not casualty:
            return named
        placed = self._placed_countries(span)
        if (named and not nouns and not (casualty and set(named) <= placed)) or (named and self.people_counted(span)):
            return named
        here = bisect_right(self.starts, span.root.i) - 1
        windows = [self.doc[self.sentences[max(0, here - EVENT_SENTENCES)].start:max([span.start] + [n.i + 1 for n in nouns])]]
        own = not nouns and self._names_others(span.sent, speaker)
        if own:  # "... killed and 900 wounded in the blasts at the consulates in Ghana": its own event first
            windows.insert(0, span.sent)
        for number, window in enumerate(windows):
            for token in reversed(window):
                if not self._is_event(token):
                    continue
                found, where = self._named_with(token, span)
                if found and (not own or number == 0 or where & placed or not named):
                    return list(dict.fromkeys([name for name, _ in found if name in placed or name not in where
                                               or not where & placed] + named))
                if token in nouns and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                    break  # "where 71 people died in a bombing in 1993": another event than those before
        return named

    def _placed_countries(self, span: Span) -> set[str]:
        """The countries of the places where a figure's own verb says it happened, a town as the
        country it is in ("Of those killed, 11 died in Accra" -> Ghana). Read only for a figure
        about an event or a casualty count: the towns table is loaded on the first town asked about."""
        return {country for token in span.sent if _placed(token, self.words.locating_prepositions, span)
                for party in [self._entity(token)] if party is not None and party[1] in PLACE_LABELS
                for country in [party[0] if party[0] in self.words.countries else country_of_town(party[0])]
                if country in self.words.countries}

    def _names_others(self, sent: Span, speaker: str) -> bool:
        """Whether a sentence names a party besides those of its speaker."""
        spoken = set(speaker.split("; "))
        return any(e["canonical"] not in spoken and e["label"] in PARTY_LABELS and self.doc[self._opening(sent[0])].idx <= e["start"]
                   for e in self.index.within(sent.start_char, sent.end_char))

    def people_counted(self, span: Span) -> str | None:
        """The country of the people a figure counts ("9 Britons" -> United Kingdom), if it counts
        a nation's people."""
        people = self._entity(span.root)
        return people[0] if people is not None and people[0] in self.words.countries else None

    def _is_event(self, noun: Token) -> bool:
        """Whether a noun names an event (``event_nouns``), itself or by the word before it: "the
        bombings", "the car bomb attack"."""
        return noun.pos_ == "NOUN" and (noun.lemma_.lower() in self.words.event_nouns or any(
            c.dep_ == "compound" and c.lemma_.lower() in self.words.event_nouns for c in noun.children))

    def _casualty(self, span: Span) -> bool:
        """Whether a casualty word says what befell what a figure counts: "82 were killed", "and
        more than 1,700 injured", "40 dead", "left 250 people dead", or the number the figure gives
        ("the number injured topped 2,200", "the number of dead rose to 30")."""
        words = self.words.casualty_words
        token = span.root
        if any(c.lower_ in words for c in token.children) or (span.end < len(self.doc) and self.doc[span.end].lower_ in words):
            return True
        while token.head.i != token.i:
            if token.lower_ in words or any(c.lower_ in words and c.dep_ in ("oprd", "acomp", "xcomp", "amod")
                                            for c in token.children):
                return True
            if token.pos_ in ("VERB", "AUX"):
                subject = clause_subject(token)
                return subject is not None and any(
                    t.lower_ in words for c in subject.children if c.dep_ in ("acl", "amod", "prep") for t in c.subtree)
            token = token.head
        return token.lower_ in words

    def _event_nouns_above(self, span: Span) -> list[Token]:
        """The event nouns a figure hangs from or whose verb it is of: "the blasts killed 40", "the
        toll of the bombings", "the bombings happened 300 miles apart, turning streets in two
        capitals into ruins"."""
        found = []
        token = span.root
        while token.head.i != token.i:
            token = token.head
            if self._is_event(token):
                found.append(token)
            if token.pos_ in ("VERB", "AUX"):
                subjects = [token.head if c.tag_ in ("WDT", "WP") and token.dep_ == "relcl" else c  # "the bombings which killed"
                            for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                found += [s for s in subjects if self._is_event(s)] + [  # "were killed in an explosion"
                    obj for obj in preposition_objects([token], ("in", "during", "by")) if self._is_event(obj)]
                if subjects or token.dep_ not in ("advcl", "xcomp", "conj"):
                    break
        return found

    def _named_with(self, noun: Token, span: Span) -> tuple[list[Party], set[str]]:
        """The parties an event noun's own phrase names, and for an event that is its verb's
        subject or is "in" its verb, those of what it struck and where ("Car bombs hit the Swedish
        consulates in Lagos and Accra", also before the figure's own participle: "A car bomb hit the
        Swedish consulate in Accra, killing 40 people"; "900 were wounded in the blasts beside the Swedish
        consulates in Ghana", "an explosion that went off near ..."); a town an attack struck as
        the country it is in ("the blast in Mombasa" -> Kenya, whatever the model took "Mombasa"
        for after "in"; "bombings at U.S. consulates in Lagos and Accra" ->
        United States; Nigeria; Ghana), while one a storm or a crash struck only says where
        (``attack_nouns``); not the people the figure counts ("The blasts killed 80
        people, including 9 Britons"), nor where a person named there comes from ("the killing of
        Dana Kell, a nurse in Leeds": the town is hers, not where she was killed). With them, the
        countries of the places it struck, which a count in one of them narrows to that one."""
        todo = [noun]
        verbs = [c for c in noun.children if c.dep_ == "relcl"]  # "an explosion that went off near ..."
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and noun.head != clause_head(span.root):
            # not the figure's own: "The bombings killed 200 in Kenya and 12 in Ghana"; but "A blast hit the
            # Swedish consulate in Accra, killing 40" struck the consulate in Ghana
            verbs.append(noun.head)
        elif noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":  # "wounded in the blasts beside ..."
            verbs.append(noun.head.head)
        struck = (*self.words.locating_prepositions, *STRIKING_PREPOSITIONS)
        todo += [c for verb in verbs for c in verb.children if c.dep_ == "dobj" or (  # not "at 9:20 a.m. (0620 GMT)"
            c.dep_ == "prep" and c.lower_ in struck
            and not any(t.ent_type_ in ("TIME", "DATE") for t in c.children))
            or (c.dep_ == "advmod" and any(g.dep_ == "prep" for g in c.children))]
        todo = [t for t in todo if t.i not in range(span.start, span.end) and not t.is_ancestor(span.root)]
        attack = any(t.lemma_.lower() in self.words.attack_nouns for t in (noun, *noun.children)
                     if t.i == noun.i or t.dep_ == "compound")
        out: list[tuple[int, Party]] = []
        where: set[str] = set()
        while todo:
            token = todo.pop(0)
            party = self._entity(token)
            todo += [c for c in token.children if c.dep_ in OWN_WORDS and c.i not in range(span.start, span.end)
                     and not c.is_ancestor(span.root)  # a clause that goes on about the event names others,
                     and not (c.dep_ == "appos" and party is not None and party[1] == "PERSON")]  # a victim's home town
            if party is not None and party[1] in PARTY_LABELS and party[0] in self.words.countries:
                out.append((token.i, party))
                where |= {party[0]} if _placed(token, self.words.locating_prepositions) else set()
                continue
            if party is None and token.pos_ != "PROPN" or party is not None and party[1] not in PARTY_LABELS:
                continue
            town = party[0] if party is not None else self.doc[token.left_edge.i:token.i + 1].text
            country = country_of_town(town) if attack and (
                _placed(token, self.words.locating_prepositions) or (party and party[1] in PLACE_LABELS)) else None
            if country in self.words.countries:
                out.append((token.i, (country, "GPE")))
                where.add(country)
            elif party is not None and party[1] not in PLACE_LABELS:
                out.append((token.i, party))
        return list(dict.fromkeys(party for _, party in sorted(out))), where


def _placed(token: Token, locating: tuple[str, ...], span: Span | None = None) -> bool:
    """Whether a name is where something happened, by a ``locating`` preposition, or set beside such a
    name ("in Lagos and Accra"): then it is a town whatever the model took it for, or left untagged.
    Given a figure, whether it is where the figure's own verb says it happened ("11 died in Accra",
    not "wounded in the blasts at the consulates in Accra and Lome")."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    placed = token.dep_ == "pobj" and token.head.lower_ in locating
    return placed and (span is None or token.head.head.is_ancestor(span.root) or token.head.head == span.root)
