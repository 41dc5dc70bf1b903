"""What resolving parties reads from the rules and a clause: the words of rules/entities.yml and
rules/speech.yml it needs, the pronouns, labels and prepositions it knows, and small readings of a
parsed clause (its subject, a phrase that opens it, figures joined "respectively", the figures a
reporting verb goes on to give after its object, a spokesperson given no body), and an index's
parties without the place it trades in."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from babel import Locale
from spacy.tokens import Span, Token

from pipeline.claims.nationalities import country_of_people
from pipeline.nlp.structure import clause_subject, first_conjunct, preposition_objects
from pipeline.rules.asked import rule_words
from pipeline.rules.currency_table import current_currencies

Party = tuple[str, str]
"""A canonical name and its label: ("Corvane", "ORG")."""
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
"""English's relative pronouns, the closed class the tagger tags WP, WP$ and WDT ("that" also as a
determiner or a conjunction, so the words rather than the tags): the noun they follow."""
THING_LABELS = ("ORG", "INDEX", "GPE")
PARTY_LABELS = ("PERSON", "ORG", "INDEX", "GPE", "LOC", "NORP")
"""Labels of entities that can own a figure: not an event ("El Niño") or a building."""
PLACE_LABELS = ("GPE", "LOC", "NORP")
OWNING_LABELS = ("ORG", "INDEX")
"""Labels of the parties a possessive "its" with no subject above it stands for when named before it
in its sentence: a company or an index, not a place the sentence is set in ("In Paris, its ...")."""
NESTED_PREPOSITIONS = 2
"""How many prepositions below its verb put a name inside what a figure came from or concerns
rather than among those who act: "a gain from the sale of Brenner shares", "the value of the
company's holding in Brenner"."""
TERRITORY_CODES = {name: code for code, name in Locale("en").territories.items() if not code.isdigit()}
"""Each country or territory by its CLDR name, with its code ("Kenya": "KE")."""
COUNTRIES = frozenset(TERRITORY_CODES) | frozenset(re.sub(r" (SAR|-) .*| \([^)]*\)$", "", name) for name in TERRITORY_CODES)
"""The countries and territories as CLDR names them, also without the qualifier CLDR writes after a
name ("Kenya"; "Hong Kong" for "Hong Kong SAR China", "Myanmar" for "Myanmar (Burma)"): national
figures belong to the country they are given for ("unemployment in France rose to 8%"), while a town or a region
("Lockerbie", "Scotland", "Dar es Salaam") only says where a figure comes from."""
_CURRENT = current_currencies()
TENDERS = _CURRENT["tenders"]
"""The currencies each country pays in today by its code, the main one first ("JP": ["JPY"]): the
currency vocabulary's own reading of CLDR."""
CURRENCY_NAMES = {code: _CURRENT["names"][code] for territory in TERRITORY_CODES.values()
                  for code in TENDERS.get(territory, ())}
"""The currencies countries pay in today, as CLDR names them ("US Dollar", "Japanese Yen", "Euro"):
not a unit of account ("Unit of Constant Value") nor a currency of the past."""
CURRENCY_WORDS = frozenset(name.split()[-1].lower() for name in CURRENCY_NAMES.values())
"""The nouns currencies are named by: "dollar", "yen", "euro", "rupee"."""

@dataclass(frozen=True)
class PartyWords:
    """What resolving parties needs from rules/entities.yml."""

    descriptors: Mapping[str, str] = field(default_factory=dict)
    """Noun lemma -> the label of the party it stands for ("company" -> ORG, "index" -> INDEX)."""
    bare: frozenset[str] = frozenset()
    """Descriptors that stand for a party only with nothing but an article ("the market")."""
    speech_verbs: frozenset[str] = frozenset()
    """Verbs whose subject says a figure rather than owns it ("the ONS said, pushing ... above 155p")."""
    spokespeople: frozenset[str] = frozenset()
    """Who speaks for a body, its spokespeople and the bodies that govern it (``spokespeople`` and
    ``governing_bodies`` of rules/speech.yml): "the spokesman said" is no person named before, and a
    bare "a spokeswoman said" or "the board said" speaks for the organisation in view."""
    counts: Mapping[str, int] = field(default_factory=dict)
    """Words that count the parties a plural descriptor stands for ("two" -> 2, "both" -> 2)."""
    trading_places: frozenset[str] = frozenset()
    """Nouns of where shares trade ("market", "exchange"): "three shares in the Frankfurt market"."""
    destinations: frozenset[str] = frozenset()
    """Prepositions whose object is where something goes, not whose a headline is ("flight to US")."""
    judging_words: frozenset[str] = frozenset()
    """Verbs and nouns whose subject or owner judges a figure rather than owns it ("the Bank
    forecasts growth of 0.5%", "his estimate of $3.40 a share")."""
    governments: frozenset[str] = frozenset()
    """Nouns for a government ("administration", "cabinet"): someone's is the body acting for them."""
    countries: frozenset[str] = COUNTRIES
    """Canonical names of the places that own national figures: CLDR's countries and the places of
    rules/entities.yml ("United States", "Soviet Union")."""
    state_bodies: frozenset[str] = frozenset()
    """Words of a government body's name ("Ministry", "Statistics"), which reports on its country."""
    holding_nouns: frozenset[str] = frozenset()
    """Nouns of owning part of a company, whose company "in" is a figure's party too ("a 9.4% stake
    in Brightwater Corp.")."""
    holding_verbs: frozenset[str] = frozenset()
    """Verbs of owning part of a company, whose company, unnamed, is the one in view ("Fiorano
    could own 45 percent" in a story about Meridia)."""
    deal_nouns: frozenset[str] = frozenset()
    """Nouns of buying a company, whose company "for" or "of" is not their buyer ("Kestrel raised
    its offer for the company")."""
    deal_verbs: frozenset[str] = frozenset()
    """Verbs of buying a company, whose buyer and company a price or a count of shares they buy
    is of ("it bought 50,000 Calder shares for $12 a share")."""
    sale_verbs: frozenset[str] = frozenset()
    """Verbs of selling a company or part of one, whose seller and buyer a price is of ("Orla sold
    a 51% stake to Tessin for $90 million")."""
    owning_participles: frozenset[str] = frozenset()
    """Participles whose agent owns what they describe ("a unit 60%-owned by Halvard Group")."""
    leading_verbs: frozenset[str] = frozenset()
    """Verbs whose agent names whom a group stands for ("a group of banks, led by First Union")."""
    undergoing_verbs: frozenset[str] = frozenset()
    """Verbs whose subject undergoes what the clause after them says ("Spain will see 900 jobs cut")."""
    legal_forms: frozenset[str] = frozenset()
    """The legal forms a company's name ends in ("Inc.", "Corp.", "plc"): a story about a company
    names it so in its opening sentence."""
    event_nouns: frozenset[str] = frozenset()
    """Nouns of an event a story tells once and then counts the toll of ("bombing", "crash"): the
    ``event_nouns`` of rules/lexicons.yml of the kinds of ``casualty_events`` in rules/entities.yml."""
    attack_nouns: frozenset[str] = frozenset()
    """The event nouns of the kinds of ``attack_events`` in rules/entities.yml ("bombing",
    "murder"): the town such an event struck is its country's."""
    casualty_words: frozenset[str] = frozenset()
    """Words of what befell the people a figure counts ("killed", "wounded"): ``casualty_words``
    of rules/lexicons.yml."""
    person_pronouns: frozenset[str] = frozenset()
    """Pronouns of a person: "she" is the last person named."""
    thing_pronouns: frozenset[str] = frozenset()
    """Pronouns of a company, an index or a country: "its" is the last one named."""
    group_pronouns: frozenset[str] = frozenset()
    """Pronouns of several parties or a body: "they", "their"."""
    distributive_pronouns: frozenset[str] = frozenset()
    """Pronouns that, as the subject of a clause going on from another, share out its subjects among
    themselves: "Orla and Tessin signed the pact, each pledging $40 million" is Orla's and Tessin's."""
    owning_prepositions: tuple[str, ...] = ()
    """Prepositions whose object owns the noun they hang from: "shares of Contoso"."""
    partner_prepositions: tuple[str, ...] = ()
    """Prepositions whose object takes part in what a clause's verb does with a figure: "China
    exported to Russia goods worth $111 billion"."""
    locating_prepositions: tuple[str, ...] = ()
    """Prepositions whose object says where something happens or goes: "held in a prison in New
    York", "a flight from Leeds to Rome"."""
    where_prepositions: tuple[str, ...] = ()
    """Prepositions whose object only says where something happens, not who acts: "shares closed on
    the Big Board", "sales in Ohio"."""
    listed_things: tuple[str, ...] = ()
    """Nouns only a company has (the ``priced_share_nouns`` of rules/lexicons.yml, which a price per
    share is quoted for): "its shares", "their stock" are the last company named."""


def party_words(entities: dict, speech: dict, lexicons: Mapping | None = None) -> PartyWords:
    """The words of rules/entities.yml and rules/speech.yml that resolving parties needs, and those
    of rules/lexicons.yml: the number words that count parties, the nouns of events and the
    words of casualties."""
    bare = entities.get("bare_descriptors", {})
    lexicons = lexicons or {}
    counts = {word: int(value) for word, value in lexicons.get("number_words", {}).items()
              if value == int(value) and 1 < value < 10}
    return PartyWords(
        descriptors={noun: label for table in (entities.get("descriptors", {}), bare)
                     for label, nouns in table.items() for noun in nouns},
        bare=frozenset(noun for nouns in bare.values() for noun in nouns),
        speech_verbs=frozenset(speech["reporting_verbs"]) | frozenset(speech["attribution_verbs"]),
        spokespeople=frozenset(speech["spokespeople"]) | frozenset(speech.get("governing_bodies", ())),
        counts=counts | dict(entities.get("counting_words", {})),
        trading_places=frozenset(entities.get("trading_places", ())),
        destinations=frozenset(entities.get("destination_prepositions", ())),
        judging_words=frozenset(entities.get("judging_words", ())),
        governments=frozenset(entities.get("government_words", ())),
        countries=COUNTRIES | {entry["name"] for entry in entities.get("entities", ()) if entry["label"] == "GPE"},
        state_bodies=frozenset(entities.get("state_bodies", ())),
        holding_nouns=frozenset(entities.get("holding_nouns", ())),
        holding_verbs=frozenset(entities.get("holding_verbs", ())),
        deal_nouns=frozenset(entities.get("deal_nouns", ())),
        deal_verbs=frozenset(entities.get("deal_verbs", ())),
        sale_verbs=frozenset(entities.get("sale_verbs", ())),
        owning_participles=frozenset(entities.get("owning_participles", ())),
        leading_verbs=frozenset(entities.get("leading_verbs", ())),
        undergoing_verbs=frozenset(entities.get("undergoing_verbs", ())),
        legal_forms=frozenset(entities.get("legal_forms", ())),
        event_nouns=frozenset(noun for kind in entities.get("casualty_events", ())
                              for noun in lexicons.get("event_nouns", {}).get(kind, ())),
        attack_nouns=frozenset(noun for kind in entities.get("attack_events", ())
                               for noun in lexicons.get("event_nouns", {}).get(kind, ())),
        casualty_words=frozenset(lexicons.get("casualty_words", ())),
        person_pronouns=frozenset(rule_words(entities, "entities.yml", "person_pronouns")),
        thing_pronouns=frozenset(rule_words(entities, "entities.yml", "thing_pronouns")),
        group_pronouns=frozenset(rule_words(entities, "entities.yml", "group_pronouns")),
        distributive_pronouns=frozenset(rule_words(entities, "entities.yml", "distributive_pronouns")),
        owning_prepositions=rule_words(entities, "entities.yml", "owning_prepositions"),
        partner_prepositions=rule_words(entities, "entities.yml", "partner_prepositions"),
        locating_prepositions=rule_words(entities, "entities.yml", "locating_prepositions"),
        where_prepositions=rule_words(entities, "entities.yml", "where_prepositions"),
        listed_things=rule_words(lexicons, "lexicons.yml", "priced_share_nouns"))


def partitive(token: Token) -> Token:
    """The noun a quantifying pronoun takes its part of: "agreed to buy all of the public shares of
    Orlix" buys shares of Orlix, "some of the notes" are notes; any other word is itself."""
    while token.pos_ == "PRON" and token.tag_ == "DT":
        whole = preposition_objects([token], ("of",))
        if not whole:
            break
        token = whole[0]
    return token


def traded_abroad(noun: Token, owners: list[Party], listed: tuple[str, ...]) -> bool:
    """Whether the places before a company's shares (``listed``: ``PartyWords.listed_things``) only
    say where they trade: "American depositary shares for Tarrow" and "U.S. shares of Corvane" are
    the company's (named after "for" or "of"), not the country's; "Japanese stocks" with no company
    are Japan's."""
    return noun.lemma_.lower() in listed and all(p[1] in PLACE_LABELS for p in owners) and any(
        c.text[:1].isupper() for c in preposition_objects([noun], ("for", "of")))


def traded_in(noun: Token, prep: Token, words: PartyWords) -> bool:
    """Whether an "in" or "on" phrase after shares (``listed_things``) names the market they trade
    in (``trading_places``): in "each equal to three shares in the Frankfurt market" or "Ashcombe
    shares on the Oslo exchange" the market's place only says where they trade, not whose they are."""
    return noun.lemma_.lower() in words.listed_things and any(
        c.dep_ == "pobj" and c.lemma_.lower() in words.trading_places for c in prep.children)


def says_what(span: Span, head: Token) -> bool:
    """Whether a figure counts the people who say, think or know what a clause says: the figure is
    its verb's subject and the verb has a clause ("54 percent said they backed Smith", "23 percent
    knew that he favoured the plan"). Such a figure is about whom the clause names."""
    return any(c.dep_ == "ccomp" for c in head.children) and any(
        c.dep_ == "nsubj" and (span.start <= c.i < span.end or c.is_ancestor(span.root)) for c in head.children)


def respective(span: Span, head: Token, names: list[str]) -> list[str]:
    """Of parties joined as a clause's subject, the one a figure joined with as many others goes
    with, in turn, where the clause says "respectively": "Spain and Italy will shed 900 and 250
    jobs respectively" -> 250 is Italy's."""
    if len(names) < 2 or not any(t.lower_ == "respectively" for t in head.children):
        return names
    # the number is joined, not the noun the figures share: "1,200 and 500 jobs" -> the 500's "jobs"
    own = next((t for t in span if t.dep_ == "conj" and t.like_num), span.root)
    first = first_conjunct(own)
    figures = sorted([first, *first.conjuncts], key=lambda t: t.i)
    return [names[figures.index(own)]] if len(figures) == len(names) and own in figures else names


def fronted(token: Token, verb: Token, subject: Token) -> bool:
    """Whether a word stands in a clause set before the subject of the verb it modifies, whose
    subject a pronoun there looks ahead to: "Although it lost money, Corvane raised its dividend"."""
    branch = next((t for t in (token, *token.ancestors) if t.head.i == verb.i and t.i != verb.i), None)
    return branch is not None and branch.dep_ == "advcl" and branch.right_edge.i < subject.i


def shared_subject(pronoun: Token, distributive: frozenset[str]) -> Token | None:
    """The subject of the clause above that "each" or "both" (``distributive``) opening
    a clause of its own shares out: "Norway and Fjell Bank took over the yard, each putting up
    50 million crowns" is Norway's and the bank's; not "each of the banks", which names
    its own."""
    if pronoun.lower_ not in distributive or pronoun.dep_ not in ("nsubj", "nsubjpass") \
            or any(c.dep_ == "prep" for c in pronoun.children):
        return None
    return next((subject for verb in pronoun.head.ancestors if verb.pos_ in ("VERB", "AUX")
                 for subject in [clause_subject(verb)] if subject is not None and subject.i < pronoun.i), None)


def opens_clause(prep: Token) -> bool:
    """Whether a prepositional phrase stands before the word it hangs from and that word's subject:
    "In Rio, the city government opened ...", "And in Manila, a 4 percent drop"."""
    subject = clause_subject(prep.head) if prep.head.pos_ in ("VERB", "AUX") else None
    return prep.i < prep.head.i and (subject is None or prep.i < subject.i)


FIGURE_ENTITY_TYPES = ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")


def states_figure(token: Token) -> bool:
    """Whether a word is (the head of) a figure, so that what a relative clause says of it is said of
    the same party: "rose 8%, which is 392 points", "35 orders, which are worth $5 billion"."""
    return token.like_num or token.ent_type_ in FIGURE_ENTITY_TYPES or any(c.dep_ == "nummod" for c in token.children)


def names_body(words: list[Token]) -> bool:
    """Whether a title word opens the name of a body that a common noun after it belongs to: "a
    Foreign Ministry official", "the Defense Department spokeswoman" are the ministry's and the
    department's people, not an "official" with the title "Foreign"."""
    return len(words) > 2 and words[0].is_title and words[1].pos_ == "PROPN" and words[-1].pos_ == "NOUN"


def has_own_figure(noun: Token) -> bool:
    """Whether a noun has a participle of its own that gives it a figure: "the Contoso index losing
    3.2%" (not "Contoso, founded in 1904", whose year is a date)."""
    return any(c.dep_ == "acl" and c.pos_ == "VERB" and any(t.ent_type_ in FIGURE_ENTITY_TYPES for t in c.subtree)
               for c in noun.children)


@cache
def currency_name(noun: str, country: str | None = None) -> str | None:
    """The currency a noun names, given the country named with it: "the U.S. dollar" -> "United States
    dollar", "the Japanese yen" and "the yen" -> "Japanese yen", "the euro" -> "Euro"; None for a
    noun several currencies share with no country to tell them apart ("the dollar", "the pound"),
    and for one whose currency is not named after its people ("the 5,000 mark" is no "Convertible
    Mark"). A rate or a move of a currency is the currency's, not
    its country's."""
    if country is not None:
        codes = TENDERS.get(TERRITORY_CODES[country], []) if country in TERRITORY_CODES else []
    else:
        codes = [code for code, name in CURRENCY_NAMES.items() if name.split()[-1].lower() == noun and _national(code)]
    fits = [code for code in codes if code in CURRENCY_NAMES and CURRENCY_NAMES[code].split()[-1].lower() == noun]
    if len(fits) != 1:
        return None
    *prefix, last = CURRENCY_NAMES[fits[0]].split()
    if prefix and " ".join(prefix).isupper():  # "US Dollar": the country named in full
        prefix = [Locale("en").territories.get(fits[0][:2], " ".join(prefix))]
    return " ".join([*prefix, last.lower()]) if prefix else last


def _national(code: str) -> bool:
    """Whether CLDR names a currency by itself or by the people of its country: "Euro", "Japanese
    Yen" (Japan), not "Bosnia-Herzegovina Convertible Mark"."""
    *prefix, _ = CURRENCY_NAMES[code].split()
    return not prefix or country_of_people(" ".join(prefix)) == Locale("en").territories.get(code[:2])


def prepositions_above(token: Token) -> int:
    """How many prepositions stand between a word and the verb of its clause: one in "orders from
    Northwind Air", two in "a gain from the sale of Brenner shares"."""
    count = 0
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        count += token.dep_ == "prep"
        token = token.head
    return count


def untimed(noun: Token) -> Token:
    """The noun a relative clause is said of when the parse hangs it from a time phrase after
    that noun: in "the bombings of French consulates in Mali and Niger last year that killed 80
    people" the consulates' bombings killed, not the year; a clause of the time itself ("in 2009,
    which saw ...") has no noun before it."""
    if noun.ent_type_ not in ("DATE", "TIME"):
        return noun
    start = noun.i
    while start > 0 and noun.doc[start].ent_iob_ == "I":
        start -= 1
    before = noun.doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "ADP" and before.head.pos_ in ("NOUN", "PROPN"):
        return before.head  # "the strike at Tallis in March that closed 12 plants"
    return before if before is not None and before.pos_ in ("NOUN", "PROPN") else noun


def hyphen_joined(word: Token) -> list[Token]:
    """The word a hyphen joins to this one before it, which the parse hangs from it: "Russia" of
    "Russia-Ukraine trade", "Israel" of "Israel-Syrian talks"."""
    doc = word.doc
    return [c for c in word.children if c.i == word.i - 2 and doc[word.i - 1].tag_ == "HYPH"
            and not doc[c.i].whitespace_ and not doc[word.i - 1].whitespace_]


TAIL_DEPENDENCIES = ("prep", "advmod", "npadvmod", "advcl")
"""How a verb's words after its object go on with the figure it reports: "reported sales of $61
million, up 9% from $56 million", "reported ... compared with $3 million", "on revenue of $80 million"."""


def figure_tail(verb: Token, content: list[Token], forecast: bool, comparing: frozenset[str]) -> list[Token]:
    """The rest of what a reporting verb reports after an object that gives a figure ("Kestrel
    reported sales of $612 million for the quarter, up 14% from $537 million a year earlier": the
    $537 million is Kestrel's too): its phrases after the object that hold a figure of their own,
    not a date ("reported results on Oct. 5") nor a clause with a subject of its own ("as prices
    fell 20%", the author's account of why). A forecast's tail is its own figure ("predicted
    1991 profit at around $2.80 a share") but not what it is set against, a known figure the
    author gives ("predicted a profit of $3 a share in 2025, up from $2.41 in 2024"; a phrase opened
    by a word of ``comparing``, "compared with $2.41")."""
    objects = [c for c in content if c.dep_ == "dobj" and _gives_figure(c)]
    if not objects:
        return []
    return [c for c in verb.children if c.dep_ in TAIL_DEPENDENCIES and c.i > objects[0].i and _gives_figure(c)
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            and not (forecast and (c.dep_ != "prep" or c.lower_ in comparing))]


def _gives_figure(phrase: Token) -> bool:
    """Whether a phrase holds a figure that is no date: "of $612 million", not "on Oct. 5"."""
    return any(states_figure(t) and t.ent_type_ not in ("DATE", "TIME") for t in phrase.subtree)


def bare_spokesperson(head: Token, spokespeople: frozenset[str]) -> bool:
    """Whether a speaker is a spokesperson (``spokespeople``) given no body ("a spokeswoman said",
    "the spokesman said"): one "for the ministry" or "a police spokesman" is that body's."""
    return head.lower_ in spokespeople and all(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in head.children)


def index_alone(parties: list[Party]) -> list[Party]:
    """The parties of one noun phrase, or of one figure, without the place that only says where its
    stock market index trades: "Germany's DAX index", "Japan's Nikkei 225", "the Russian RTS" are
    the index's, and so is "Japan's stock losses pushed the Nikkei down to 15,200"."""
    if any(label == "INDEX" for _, label in parties):
        return [p for p in parties if p[1] not in PLACE_LABELS]
    return parties


def unplaced_name(token: Token, verbs: frozenset[str]) -> bool:
    """Whether a word ends a name that the parser gave no role, right before a speech verb left
    without a subject ("First of Tarrow said ...", "First" read as an adverb): the name speaks."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and token.ent_type_ == "ORG" and after.ent_type_ != "ORG" \
        and after.lemma_.lower() in verbs and not any(c.dep_ == "nsubj" for c in after.children)
