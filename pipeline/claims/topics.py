"""What a paragraph, a headline or a whole article is about, for the figures whose own clause names
no one: the places of the sentence before in the paragraph, the country or organisation a
headline names, the organisation or country an article names most, or the company it opens on."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from types import MappingProxyType

from babel import Locale
from spacy.tokens import Doc, Span, Token

from pipeline.claims.describe import DescribeWords, EntityIndex, clause_tokens
from pipeline.claims.party_reading import COUNTRIES
from pipeline.nlp.structure import starts_paragraph

WORLD_REGIONS = frozenset(name for code, name in Locale("en").territories.items() if code.isdigit())
"""The world's regions as CLDR names them ("Asia", "Europe", "Latin America"): a place a story's
events come from, not a party whose figures a paragraph goes on about."""
TOPIC_SENTENCES = 3
"""How many sentences back in its paragraph a figure whose clause names no one looks for what the
paragraph is about."""


class Topics:
    """What a paragraph is about so far: a claim whose clause names no one ("In 2022, bilateral
    trade grew by 36 percent") is about the entities of the main clause of the nearest sentence
    before it in its paragraph that names some ("... a much more robust relationship between China
    and Russia"). Who says a sentence is not what it is about ("..., said Jane Doe"), and a town
    is where rather than whose: "Rescuers in Tromso searched for two days" after "Storms hit the
    port of Tromso" is about no one named. A sentence whose subject is an organisation is about the
    organisation wherever it says the organisation is: "The Akron, Ohio, utility stopped paying a dividend
    because of troubles at its Dayton plant" leaves a later "Net rose to $68 million" to the
    company in view, not to the towns. ``resolve`` gives the parties a noun phrase names
    (``Parties.resolve``), and ``descriptors`` the labels of the nouns that stand for a party ("the
    utility" -> ORG), which tell an organisation even where the parse takes a town for the subject."""

    def __init__(self, doc: Doc, sentences: list[Span], entities: EntityIndex, words: DescribeWords,
                 headline: list[str], without_places: Callable[[set[int]], set[int]] = lambda tokens: tokens,
                 countries: frozenset[str] = COUNTRIES, resolve: Callable[[Token], list] = lambda noun: [],
                 descriptors: Mapping[str, str] = MappingProxyType({})) -> None:
        self.doc, self.sentences, self.entities, self.words = doc, sentences, entities, words
        self.without_places, self.countries = without_places, countries
        self.resolve, self.descriptors = resolve, descriptors
        self.headline = headline
        self.cache: dict[int, list[str]] = {}

    def before(self, index: int) -> list[str] | None:
        """The places of the nearest sentence before in the paragraph, at most TOPIC_SENTENCES back,
        that names some (those of its main subject, if it names some: "The coffee trade in Ethiopia
        has lost buyers to growers in Vietnam" is about Ethiopia), else what the headline is about,
        else None. A wire story set as one long paragraph is no paragraph, and a continent is where
        rather than whose: "the market turmoil in Europe" is not what a later "the rate for young
        workers rose 0.3 percent" is about. Nor is a town whose (an empty list when it is all there
        is): "Chicago was the worst hit. Some 40 boats waited in the harbor" names no one. A
        sentence on an organisation that names only towns is about the organisation, or passed
        over where the parse does not say which."""
        first = index - TOPIC_SENTENCES
        while index > max(0, first) and not starts_paragraph(self.doc, self.sentences[index]):
            index -= 1
            names = self._main(index)
            kept = [name for name in names if name not in self._towns]
            if kept or not names:
                if kept:
                    return kept
                continue
            organisations = self._organisations(self.sentences[index])  # names only towns
            if organisations != []:
                return organisations or []  # None: "Chicago was the worst hit" is about the town
        return [name for name in self.headline if name not in self._towns] if self.headline else None

    def _organisations(self, sent: Span) -> list[str] | None:
        """The organisations a sentence's subject names ("it said two flights would leave Bombay"
        after "Qantas plans ..."), an empty list for a descriptor the parse leaves unresolved ("the
        Akron, Ohio, utility", whose town it may take for a second subject), None for a subject that
        is no organisation."""
        subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        named = [party[0] for subject in subjects for party in self.resolve(subject) if party[1] == "ORG"]
        if named:
            return list(dict.fromkeys(named))
        return [] if any(self.descriptors.get(s.lemma_.lower()) == "ORG" and s.pos_ == "NOUN" for s in subjects) else None

    @cached_property
    def _towns(self) -> set[str]:
        return towns(self.entities.entities, self.countries)

    def _main(self, index: int) -> list[str]:
        if index not in self.cache:
            sent = self.sentences[index]
            root = sent.root
            if root.lemma_.lower() in self.words.speech_verbs:  # what is said, not who says it
                tokens = {t.i for t in root.subtree} - {t.i for c in root.children if c.dep_ == "nsubj" for t in c.subtree}
            else:
                tokens = clause_tokens(self.doc[root.i: root.i + 1], self.words.event_prepositions)
            subject = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree} & tokens
            self.cache[index] = self._places(subject, sent) or self._places(tokens, sent)
        return self.cache[index]

    def _places(self, tokens: set[int], sent: Span) -> list[str]:
        """The places named in ``tokens``, without those that only say where, and without a continent."""
        return [name for name in self.entities.names(self.without_places(tokens), sent.start_char, sent.end_char,
                                                     ("GPE", "LOC")) if name not in WORLD_REGIONS]


TOPIC_MENTIONS = 3
"""How often an article names a party for it to be what the article is about as a whole."""
LEAD_SENTENCES = 8
"""The opening sentences (a headline among them) where an article names what it is about."""
LEAD_CHARACTERS = 400
"""How far from the first name an article gives a company's name with its legal form may stand
for the article to be about that company: its opening sentence or two."""


def article_topic(entities: tuple[dict, ...], lead_end: int, countries: frozenset[str] = COUNTRIES) -> list[str]:
    """What an article is about as a whole: the organisation, country or index it names most, if
    it names it at least TOPIC_MENTIONS times and in its lead ("Corvane" in a story that opens on its
    quarterly loss; "Guesthouses are barely forty percent booked" in one about Macau). A person is no
    topic, and a story about a town is about no one the table names, however often it names the
    town ("the Tromso relatives"). A country's department names its country too: a story on "the U.S.
    jobless rate" that "the Labor Department" reports twice is about the United States."""
    named = [(e, name) for e in entities for name in (e["canonical"], _department_country(e["canonical"], countries)) if name]
    in_lead = {name for e, name in named if e["start"] < lead_end}
    counts = Counter(name for e, name in named if e["label"] in ("ORG", "GPE", "INDEX"))
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= TOPIC_MENTIONS and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
            and ranked[0][0] in in_lead and ranked[0][0] not in towns(entities, countries):
        return [ranked[0][0]]
    return []


def _department_country(name: str, countries: frozenset[str]) -> str | None:
    """The country a national department's name opens on ("United States Department of Labor")."""
    country = name.split(" Department of ")[0]
    return country if country != name and country in countries else None


def towns(entities: Iterable[dict], countries: frozenset[str] = COUNTRIES) -> set[str]:
    """The places an article names that are no country: towns, cities, states. Not a name the
    model tags a place once but the article gives an organisation elsewhere, whole or as its
    leading word ("Tarrow earned $4 million" after "Tarrow Mills Corp.")."""
    places = {e["canonical"] for e in entities if e["label"] == "GPE"} - countries
    others = {e["canonical"] for e in entities if e["label"] != "GPE"}
    return {place for place in places if not any(name == place or name.startswith(place + " ") for name in others)}


def article_company(entities: tuple[dict, ...], legal_forms: frozenset[str]) -> list[str]:
    """The company an article is about: the first organisation it names with its legal form, in its
    opening sentences, if it names no other organisation more often, nor one named before it as
    often ("Tarrow's Inc. said it will take a charge ..." makes "The plan calls for writing off $40
    million of goodwill" Tarrow's, though the bank it hired is named once too, later)."""
    forms = {form.capitalize() for form in legal_forms}
    lead = [e for e in entities if e["label"] == "ORG" and e["start"] < entities[0]["start"] + LEAD_CHARACTERS
            and e["text"].split()[-1].capitalize() in forms][:1]
    counts = Counter(e["canonical"] for e in entities if e["label"] == "ORG")
    first = {}
    for e in entities:
        first.setdefault(e["canonical"], e["start"])
    return [e["canonical"] for e in lead if all(n < counts[e["canonical"]] or (n == counts[e["canonical"]] and first[name] > e["start"])
                                               for name, n in counts.items() if name != e["canonical"])]


def headline_topic(text: str, title: str, entities: EntityIndex, destinations: frozenset[str] = frozenset()) -> list[str]:
    """What an article is about as a whole: the first country its headline names, else the first
    organisation ("UK inflation slows ..." -> United Kingdom; "Premier League clubs smash ..." ->
    Premier League). Only a headline that opens the text counts; a person or a people is no topic,
    nor where something goes (``destinations``: "New airliner makes first flight to Canada", "Airbus
    delivers last A340 to Lufthansa")."""
    start = len(text) - len(text.lstrip())
    if not title or not text.startswith(title, start):
        return []
    named = [e for e in entities.within(start, start + len(title)) if not _destination(entities.doc, e, destinations)]
    for label in ("GPE", "ORG"):
        found = [e["canonical"] for e in named if e["label"] == label]
        if found:
            return found[:1]
    return []


def _destination(doc: Doc, entity: dict, prepositions: frozenset[str]) -> bool:
    """Whether an entity is where something goes: the object of "to", "into" ..."""
    span = doc.char_span(entity["start"], entity["end"], alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in prepositions
