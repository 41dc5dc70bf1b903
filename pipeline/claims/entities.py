"""Names the people, organisations, countries and groups of an article canonically.

spaCy's named entities are the starting point; rules/entities.yml gives the canonical name and
label of the ways news text writes a country or an organisation ("Washington" -> United States,
"the Kremlin" -> Russia), and the title words that are not part of a name. On top of that, rules
mend what the model gets wrong on news: a possessive stuck to a name ("Xi Jinping’s"), a title
inside a name ("President Xi"), a headline read as an organisation ("Xi’s Unholy Alliance"), a word
of a title read as one ("State" in "Secretary of State"), and a place labelled as an organisation
("Crimea"). A person's short form ("Xi") takes the full name the article uses ("Xi Jinping"); an
organisation's leading words or initials take its longer name ("BM Kessler", "ADS"). Stock market
indexes are found in the text itself ("the Dow", "the FTSE 100"), whatever the model tags. A place
or a nationality that only describes a party ("the Akron, Ohio, company", "a New York-based bank"),
a time zone ("14:52 UTC") and common words ("a more or less organised rebel force") name nobody.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import partial

from spacy.tokens import Doc, Span, Token

from pipeline.claims.departments import Departments
from pipeline.claims.legal_names import (JOINING_WORDS, POSSESSIVES, abbreviated_forms, family_spans, head_noun, initials_of,
                                         joined_after, joined_before, legal_name_spans, opening_others, spelled_out, unshouted,
                                         without_legal_form)
from pipeline.claims.name_spellings import hyphened, maker_of, names_no_one, one_name_each, surname, without_last_period
from pipeline.claims.nationalities import COUNTRY_NAMES, country_of_people
from pipeline.claims.short_forms import (ENTITY_LABELS, PLACE_LABELS, Mention, full_names_of_surnames, places_named_as_firms,
                                         short_forms, tagged_leading_words, units_named_in_full,
                                         untagged_leading_words)
from pipeline.nlp.structure import doc_text, part_of_dateline, token_starts, token_strings

TEXT_LABELS = ("INDEX",)
"""Labels of table entries found in the text as written, not among the model's entities."""
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}")
STATE_AFTER = re.compile(r",\s+((?:[A-Z][a-z]{0,4}\.)+|[A-Z]\w+)")
"""A state or country after a town and its comma ("Pellaton, Ariz.", "Pellaton, Texas")."""


@dataclass(frozen=True)
class Known:
    """One entry of the entity table."""

    name: str
    label: str
    literal_before: tuple[str, ...] = ()
    literal_after: tuple[str, ...] = ()


class EntityTable:
    """The alias table and title words of rules/entities.yml, read once."""

    def __init__(self, table: dict) -> None:
        self.aliases: dict[str, Known] = {}
        for entry in table["entities"]:
            known = Known(entry["name"], entry["label"],
                          tuple(w.lower() for w in entry.get("literal_before", ())),
                          tuple(entry.get("literal_after", ())))
            for alias in entry["aliases"]:
                self.aliases[alias.lower()] = known
        for alias, known in list(self.aliases.items()):
            self.aliases.setdefault(without_last_period(alias), known)
        self.titles = {w.lower() for w in table["titles"]}
        self.legal_forms = set(table.get("legal_forms", ()))
        self.families = frozenset(table.get("family_words", ()))
        self.suffixes = frozenset(table.get("name_suffixes", ()))
        self.courtesy = frozenset(table.get("courtesy_titles", ()))
        self.royal = frozenset(table.get("royal_titles", ()))
        self.firm_nouns = frozenset(table.get("descriptors", {}).get("ORG", ()))
        self.where = frozenset(table.get("where_prepositions", ()))
        self.abbreviated = abbreviated_forms(set(self.aliases))  # "Oy", "B.V.": other countries' legal forms
        self.bare = partial(without_legal_form, legal_forms=self.legal_forms, abbreviated=self.abbreviated)
        self.governments = {w.lower() for w in table.get("government_words", ())}
        self.market_moves = frozenset(table.get("market_move_words", ()))
        self.descriptors = {noun: label for label, nouns in table.get("descriptors", {}).items() for noun in nouns}
        self.departments = Departments(table, self._country)
        written = sorted({alias for entry in table["entities"] if entry["label"] in TEXT_LABELS
                          for alias in entry["aliases"]}, key=len, reverse=True)
        self.written = re.compile(r"(?<![\w&/-])(?:" + "|".join(map(re.escape, written)) + r")(?![\w&/])") \
            if written else None

    def canonical_entities(self, doc: Doc) -> list[dict]:
        """The article's entities as ``{"start", "end", "text", "label", "canonical"}``, in order."""
        text = doc_text(doc)
        written = self._written(doc)
        taken = {i for m in written for i in range(m.start, m.end)}
        mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS and not self._describes(ent)
                    and not part_of_dateline(ent) and (ent.text.lower() in self.aliases or not names_no_one(ent))
                    and (m := self._mention(ent, text)) and not taken & {m.start, m.end - 1}]
        mentions = [m for i, m in enumerate(mentions)  # "Harbor Savings" within "Harbor Savings & Loan", and "Drew" too
                    if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start > m.end - m.start or j < i)
                               for j, o in enumerate(mentions[max(0, i - 2): i + 3], max(0, i - 2)) if j != i)]
        legal = [span for span in legal_name_spans(doc, self.legal_forms, self.titles | {"the", "a", "an"})
                 + family_spans(doc, self.families) if not taken & set(range(*span))]  # "Tarrow's Inc.", "the Pell family"
        mentions = sorted([m for m in mentions if not any(s < m.end and m.start < e for s, e in legal)]
                          + [Mention(s, e, text[s:e], "ORG", False) for s, e in legal], key=lambda m: m.start)
        mentions = full_names_of_surnames(doc, self._unhyphened(text, mentions), self.courtesy)
        mentions = units_named_in_full(doc, mentions, self.firm_nouns)
        placed = partial(self._placed, text)
        mentions = places_named_as_firms(mentions, self._known_place, self.bare, placed)
        opening = {m.start: m for m in tagged_leading_words(mentions, self._known_place, self.bare, placed)}
        mentions = [opening.get(m.start, m) for m in mentions]
        full_names: dict[str, str] = {}  # a first or last name -> the first full name with it
        for name in (m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1
                     and m.text.lower() not in self.aliases):
            for word in (name.split()[0], surname(name, self.suffixes)):
                full_names.setdefault(word, name)
        abbreviations, spelled = self._abbreviations(mentions, full_names, text)
        short = {m.start: m for m in short_forms(doc, mentions, written, self.suffixes, self._founders(doc, mentions)) + abbreviations
                 + untagged_leading_words(doc, mentions) if m.start not in taken}
        mentions = sorted([m for m in mentions if m.start not in short] + list(short.values()) + written, key=lambda m: m.start)
        out = []
        for mention in mentions:
            named = self._name(text, mention, full_names)
            if named is not None:
                canonical, label = named
                if label == "ORG":
                    canonical = spelled_out(canonical) if canonical in spelled else self.bare(canonical)
                out.append({"start": mention.start, "end": mention.end, "text": mention.text,
                            "label": label, "canonical": canonical})
        return one_name_each(self.departments.named(unshouted(out, token_strings(doc, "ORTH"))))

    def _known_place(self, name: str) -> bool:
        """Whether the table or CLDR knows a name as a place or a people ("Washington", "Kuwaiti")."""
        return name.lower() in self.aliases or bool(self._country_label(name))

    def _placed(self, text: str, mention: Mention) -> bool:
        """Whether a name stands where a place does: after a preposition that says where ("its plant
        in Pellaton") or as a town before its state ("Pellaton, Ariz.", "Pellaton, Texas")."""
        before = text[:mention.start].rsplit(maxsplit=1)
        state = STATE_AFTER.match(text, mention.end)
        return bool(state and (state.group(1).endswith(".") or self._known_place(state.group(1)))) \
            or bool(before) and before[-1].lower() in self.where

    def _country(self, words: str) -> str | None:
        """The country a name's leading words write ("U.S." -> United States), or None."""
        known = self.aliases.get(words.lower())
        return known.name if known is not None and known.label == "GPE" else None

    def _founders(self, doc: Doc, mentions: list[Mention]) -> dict[str, str]:
        """The firms the model reads as a person's name, by that person's surname: "Brandvik" ->
        "Odile Brandvik Ltd.", which only its legal form makes a firm."""
        starts, types = token_starts(doc), token_strings(doc, "ENT_TYPE")
        return {surname(bare, self.suffixes): m.text for m in mentions if m.label == "ORG" and m.start in starts
                and types[starts[m.start]] == "PERSON" and len((bare := self.bare(m.text)).split()) > 1}

    def _unhyphened(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions with countries a hyphen joins in one word as one mention each ("U.S.-Japan
        trade" read as one organisation, "Israel-Syrian talks" read as Israel alone), unless the
        word is part of a longer name ("the U.S.-Japan Business Council")."""
        for start, end, parts in hyphened(text, self._country_label):
            if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in mentions):
                continue
            mentions = sorted([m for m in mentions if not (start <= m.start and m.end <= end)]
                              + [Mention(s, e, text[s:e], label, False) for s, e, label in parts], key=lambda m: m.start)
        return mentions

    def _country_label(self, word: str) -> str | None:
        """GPE for a country's name ("Japan", "U.S."), NORP for its people's ("Syrian"), else None."""
        known = self.aliases.get(word.lower())
        if known is not None:
            return known.label if known.label == "GPE" else None
        return "GPE" if word in COUNTRY_NAMES else "NORP" if country_of_people(word) else None

    def _written(self, doc: Doc) -> list[Mention]:
        """The table's names found in the text as written ("the Dow", "the FTSE 100"), on token
        boundaries, unless the words after show something else is meant ("Dow Chemical"). The
        same words after a company the article names with them and its legal form ("Dow Jones &
        Co.") are that company's short form ("Dow Jones said it extended its offer", "Dow Jones
        shares fell"), unless their sentence speaks of a market move ("Dow Jones fell 30 points")."""
        if self.written is None:
            return []
        out = []
        text = doc_text(doc)
        firms: dict[str, str] = {}  # "dow jones" -> "Dow Jones & Co."
        for match in self.written.finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is None:
                continue
            mention = Mention(match.start(), match.end(), match.group(), "INDEX", False)
            firm = self._firm_named(doc, span)
            if firm is not None:
                firms.setdefault(match.group().lower(), firm)
            elif match.group().lower() in firms and not self.market_moves & {t.lower_ for t in span.sent}:
                out.append(replace(mention, label="ORG", expands=firms[match.group().lower()]))
            elif not self._literal(text, mention, self.aliases[match.group().lower()]):
                out.append(mention)
        return out

    def _firm_named(self, doc: Doc, span: Span) -> str | None:
        """The company's full name when an index's words open it, up to its legal form after
        nothing or an ampersand ("Dow Jones & Co.", "Dow Jones amp Co."), else None."""
        after = doc[span.end: span.end + 2]
        form = next((t for t in after if t.text in self.legal_forms), None)
        if form is None or any(t.i < form.i and t.text not in JOINING_WORDS + ("amp",) for t in after):
            return None
        return doc[span.start: form.i + 1].text

    def _abbreviations(self, mentions: list[Mention], full_names: dict[str, str], text: str) -> tuple[list[Mention], set[str]]:
        """An organisation's initials, leading words or head noun standing for the longer name the
        article gives it: "ADS" after "Ardent Data Services Corp.", "BMAC" after "Brightwater Motors
        Acceptance Corp.", "the BM Kessler unit" after "BM Kessler Electronics", "the academy" (where
        the model tags it) after "the Harlow Science Academy". Only a form that
        fits one longer name counts (an organisation's trailing words too, after its full name:
        "the People's Union" after "the Kestrel People's Union"), and not a surname or first name of a person the article names
        in full ("Mr. Brandt of Brandt & Associates" after "Tobias Brandt"). Also the names said
        with their legal form spelled out: one whose initials take it in ("BMAC": "Brightwater Motors
        Acceptance Corporation"), and a parent's one-word name that opens its unit's (``opening_others``)."""
        longer = list(dict.fromkeys(m.text for m in mentions if m.label == "ORG" and len(m.text.split()) > 1))
        initials: dict[str, list[str]] = {}
        for name in longer:
            for form in {initials_of(name), initials_of(self.bare(name))}:
                if len(form) > 1:
                    initials.setdefault(form, []).append(name)
        spelled = {name for m in mentions for name in initials.get(m.text, ())
                   if m.text != initials_of(self.bare(name))} | opening_others(longer, self.bare, text)
        out = []
        for mention in mentions:
            if mention.label not in ("ORG", "PERSON", "GPE") or mention.text.lower() in self.aliases:
                continue
            if mention.label == "PERSON" and mention.text in full_names:
                continue
            words = mention.text.split()
            if mention.text.islower():  # "the academy" after "The Harlow Science Academy", tagged as a name
                fits = [m.text for m in mentions if m.label == "ORG" and m.start < mention.start and len(m.text.split()) > 1
                        and head_noun(self.bare(m.text)) == mention.text]
            elif mention.text.isupper() and len(words) == 1:
                fits = initials.get(mention.text, [])
            else:
                fits = [name for name in longer if len(words) > 1 and len(name.split()) > len(words)
                        and (name.split()[:len(words)] == words or (mention.label == "ORG" and _ends_earlier(
                            name, words, mentions, mention.start)))]
            if len(set(fits)) == 1:
                out.append(Mention(mention.start, mention.end, mention.text, "ORG", False, fits[0]))
        return out, spelled

    def _describes(self, ent: Span) -> bool:
        """A place or nationality that only describes a party ("the Akron, Ohio, company",
        "a New York-based bank", "the main German index, the DAX", "Kessel Ltd. of Toronto"), and a time zone after a
        clock time ("14:52 UTC")."""
        doc = ent.doc
        if ent.label_ == "ORG" and ent.start > 0 and CLOCK_TIME.fullmatch(doc[ent.start - 1].text):
            return True
        root = _head_word(ent)
        if ent.label_ in PLACE_LABELS and _locates_firm(root):
            return True
        if ent.label_ not in PLACE_LABELS and not any(c.dep_ == "appos" and c.ent_type_ == "GPE" for c in root.children):
            return False  # "the Green Bay, Wis., concern": a town and its state, whatever the model tags
        following = doc[ent.end: ent.end + 2]
        if following.text.lower().replace(" ", "").startswith("-based"):
            return True
        token = root
        while token.dep_ in ("compound", "amod", "npadvmod", "nmod", "appos", "punct") and token.head.i != token.i:
            token = token.head
            if token.pos_ == "NOUN" and self.descriptors.get(token.lemma_.lower(), "GPE") != "GPE" and token.i >= ent.end:
                return any(c.dep_ == "det" or c.dep_ == "poss" for c in token.children) or token.dep_ == "compound"
        return False

    def _mention(self, ent: Span, text: str) -> Mention | None:
        """The entity without a leading "the", a possessive and what follows it (not in a name
        ending in its legal form, nor after a plural: "the Farmers' Union", "the Kestrel People's
        Party" are one name each), and title words; None for a word of a title the model read as
        a name."""
        tokens = list(ent)
        cut = None if tokens[-1].text in self.legal_forms else next(  # "Tarrow's Inc." is one name
            (i for i, t in enumerate(tokens) if t.text in POSSESSIVES and not _plural_owner(t)), None)
        if cut is not None:
            tokens = tokens[:cut]
        while tokens and (tokens[0].lower_ == "the" or (tokens[0].lower_ in self.titles and len(tokens) > 1
                                                       and ent.label_ == "PERSON"
                                                       and not (tokens[0].lower_ in self.royal and len(tokens) == 2))):
            tokens = tokens[1:]  # "King Hussein" keeps his title: "Hussein" alone would be another's surname
        if ent.label_ == "ORG" and tokens and tokens[-1].text not in self.legal_forms:
            tokens = maker_of(tokens)
        if not tokens or self._in_title(ent) or (ent.label_ == "NORP" and _describes_party(ent, self.titles)):
            return None
        joined = joined_before(tokens)  # names an ampersand joins are a firm's: "Marina Hotel & Casino"
        joined = joined if ent.label_ in ("GPE", "LOC") else joined_after(joined)
        label = ent.label_ if len(joined) == len(tokens) or ent.label_ in ("GPE", "LOC") else "ORG"
        name = text[joined[0].idx: joined[-1].idx + len(joined[-1])]
        for suffix in POSSESSIVES:
            name = name.removesuffix(suffix)
        return Mention(joined[0].idx, joined[0].idx + len(name), name, label, cut is not None and cut < len(ent) - 1)

    def _in_title(self, ent: Span) -> bool:
        """"State" in "Secretary of State", "Trade" in "Trade Minister": part of a title, unless the
        word opens a company's name (``_opens_other``). A title written in lower case names a post
        at the organisation after it ("president of Contoso Tours")."""
        if ent.label_ != "ORG" or ent.text.lower() in self.aliases or ent[-1].text in POSSESSIVES:
            return False  # "Contoso Inc.'s chief executive": the title is the organisation's
        doc = ent.doc
        before = doc[max(0, ent.start - 2): ent.start]
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return (len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in self.titles
                and before[0].is_title) or (
            after in self.titles and after not in ("state", "former", "then", "acting") and not _opens_other(ent))

    def _name(self, text: str, mention: Mention, full_names: dict[str, str]) -> tuple[str, str] | None:
        """(canonical name, label), or None for what names nothing a claim is about."""
        if mention.expands:
            known = self.aliases.get(mention.expands.lower())
            return (known.name if known else mention.expands), mention.label
        known = self.aliases.get(mention.text.lower())
        if known is not None and not self._literal(text, mention, known):
            return known.name, mention.label if mention.label == "NORP" else known.label
        country = self._governed(mention)
        if country is not None:
            return country.name, country.label
        if len(mention.text.split()) == 1:
            full = full_names.get(mention.text)
            if full is not None:
                return full, "PERSON"
        # "the Indonesian stock market"; and "48 Kuwaiti jets", where the model took "Kuwaiti" for a firm or a place
        misread = mention.label in ("ORG", "GPE", "LOC") and " " not in mention.text and mention.text not in COUNTRY_NAMES
        people = country_of_people(mention.text) if mention.label == "NORP" or misread else None
        if (mention.label == "NORP" or people) and not mention.cut:
            return (people, "NORP") if people else None
        if mention.cut:
            return None
        return mention.text, mention.label

    def _governed(self, mention: Mention) -> Known | None:
        """The country whose government an organisation's name is: "the US Government", "the
        Russian Government", "the Government of Japan" stand for the country."""
        words = mention.text.split()
        if mention.label != "ORG" or len(words) < 2:
            return None
        if words[-1].lower() in self.governments:
            place = " ".join(words[:-1])
        elif words[0].lower() in self.governments and words[1] == "of":
            place = " ".join(words[2:])
        else:
            return None
        known = self.aliases.get(place.lower())
        if known is None:  # "the Belgian government"
            country = place if place in COUNTRY_NAMES else country_of_people(place)
            return Known(country, "GPE") if country else None
        return known if known.label == "GPE" else None

    @staticmethod
    def _literal(text: str, mention: Mention, known: Known) -> bool:
        """Whether the words around a capital show the place itself is meant ("Washington state")."""
        before = " ".join(text[max(0, mention.start - 30): mention.start].lower().split())
        after = text[mention.end: mention.end + 40].split(maxsplit=1)
        return any(before.endswith(phrase) for phrase in known.literal_before) or (
            bool(after) and after[0].strip(".,;:") in known.literal_after)


def _ends_earlier(name: str, words: list[str], mentions: list[Mention], start: int) -> bool:
    """Whether an organisation's name, given before ``start``, ends in these words after words of
    a name ("German", not the "a" of "a Khmer Rouge faction" the model took in)."""
    return name.split()[-len(words):] == words and all(w[:1].isupper() for w in name.split()[:-len(words)]) \
        and any(m.text == name and m.start < start for m in mentions)


def _locates_firm(root: Token) -> bool:
    """Whether a place is joined by "of" to an organisation's name the model ends before it
    ("Kessel Trust Ltd. of Toronto", "Pell Corp., of Phoenix"): it only says where the firm is."""
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.ent_type_ != "ORG" and of.head.ent_type_ == "ORG" \
        and of.head.i < of.i


def _plural_owner(possessive: Token) -> bool:
    """Whether a possessive inside an entity follows a plural noun ("Farmers' Union", "People's
    Party"), which opens a name of its own, not a headline's owner ("Xi's Unholy Alliance")."""
    return possessive.i > 0 and possessive.nbor(-1).tag_ in ("NNS", "NNPS") and possessive.i + 1 < len(possessive.doc) \
        and possessive.nbor(1).ent_iob_ == "I"


def _head_word(ent: Span) -> Token:
    """An entity's head word, not the article the model took in with it: "Bay" in "the Green Bay,
    Wis., concern", whose "the" belongs to "concern"."""
    words = [t for t in ent if t.dep_ != "det" and not ent.start <= t.head.i < ent.end]
    return words[0] if words else ent.root


def _opens_other(ent: Span) -> bool:
    """Whether a one-word organisation before a title and a name opens a longer one the model reads
    elsewhere in the article: "Corvane" of "Corvane Chairman Ruth Adler" after "Corvane Systems
    Inc." is the company the person's title is at, not a word of the title ("Trade" of "Trade
    Minister Ann Lee"); "a Corvane spokesman" stays the spokesman's name."""
    return len(ent) == 1 and ent.end + 1 < len(ent.doc) and ent.doc[ent.end + 1].pos_ == "PROPN" and any(
        other.label_ == "ORG" and len(other) > 1 and other[0].text == ent.text for other in ent.doc.ents)


def _describes_party(ent: Span, titles: set[str]) -> bool:
    """Whether a nationality word only describes a named party ("Japanese drugmaker Takeda",
    "Chelsea's American owners, Todd Boehly and ..."): the party, not the country, is what is
    named. "Russian exports" names the country's exports, and "Chinese leader Xi Jinping" the
    country's office-holder: both keep the country."""
    noun = ent.root.head
    if ent.root.dep_ not in ("amod", "compound") or noun.pos_ != "NOUN" or noun.lower_ in titles:
        return False
    named = [c for c in noun.children if c.dep_ in ("appos", "poss") and c.pos_ == "PROPN"]
    return bool(named) or (noun.dep_ == "compound" and noun.head.pos_ == "PROPN")
