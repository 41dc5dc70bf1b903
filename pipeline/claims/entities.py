"""Names the people, organisations, countries and groups of an article canonically.

spaCy's named entities are the starting point; rules/entities.yml gives the canonical name and
label of the ways news text writes a country or an organisation ("Washington" -> United States,
"the Kremlin" -> Russia), and the title words that are not part of a name. On top of that, rules
mend what the model gets wrong on news: a possessive stuck to a name ("Xi Jinping’s"), a title
inside a name ("President Xi"), a headline read as an organisation ("Xi’s Unholy Alliance"), a word
of a title read as one ("State" in "Secretary of State"), and a place labelled as an organisation
("Crimea"). A person's short form ("Xi") takes the full name the article uses ("Xi Jinping").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

ENTITY_LABELS = ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT")
POSSESSIVES = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class Known:
    """One entry of the entity table."""

    name: str
    label: str
    literal_before: tuple[str, ...] = ()
    literal_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    label: str
    cut: bool
    """Whether the model's entity went on past a possessive (a headline read as one name)."""
    expands: str = ""
    """The article's longer name this short form stands for."""


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
        self.titles = {w.lower() for w in table["titles"]}

    def canonical_entities(self, doc: Doc) -> list[dict]:
        """The article's entities as ``{"start", "end", "text", "label", "canonical"}``, in order."""
        text = doc.text
        mentions = [m for ent in doc.ents if ent.label_ in ENTITY_LABELS and (m := self._mention(ent, text))]
        full_names = [m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1
                      and m.text.lower() not in self.aliases]
        short = {m.start: m for m in _short_forms(doc, mentions)}
        mentions = sorted([m for m in mentions if m.start not in short] + list(short.values()), key=lambda m: m.start)
        out = []
        for mention in mentions:
            named = self._name(text, mention, full_names)
            if named is not None:
                canonical, label = named
                out.append({"start": mention.start, "end": mention.end, "text": mention.text,
                            "label": label, "canonical": canonical})
        return out

    def _mention(self, ent: Span, text: str) -> _Mention | None:
        """The entity without a leading "the", a possessive and what follows it, and title words;
        None for a word of a title the model read as a name."""
        tokens = list(ent)
        cut = next((i for i, t in enumerate(tokens) if t.text in POSSESSIVES), None)
        if cut is not None:
            tokens = tokens[:cut]
        while tokens and (tokens[0].lower_ == "the" or (tokens[0].lower_ in self.titles and len(tokens) > 1
                                                       and ent.label_ == "PERSON")):
            tokens = tokens[1:]
        if not tokens or self._in_title(ent) or (ent.label_ == "NORP" and _describes_party(ent, self.titles)):
            return None
        name = text[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]
        for suffix in POSSESSIVES:
            name = name.removesuffix(suffix)
        return _Mention(tokens[0].idx, tokens[0].idx + len(name), name, ent.label_,
                        cut is not None and cut < len(ent) - 1)

    def _in_title(self, ent: Span) -> bool:
        """"State" in "Secretary of State", "Trade" in "Trade Minister": part of a title."""
        if ent.label_ != "ORG" or ent.text.lower() in self.aliases:
            return False
        doc = ent.doc
        before = [t.lower_ for t in doc[max(0, ent.start - 2): ent.start]]
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        return (len(before) == 2 and before[1] == "of" and before[0] in self.titles) or (
            after in self.titles and after not in ("state", "former", "then", "acting"))

    def _name(self, text: str, mention: _Mention, full_names: list[str]) -> tuple[str, str] | None:
        """(canonical name, label), or None for what names nothing a claim is about."""
        if mention.expands:
            known = self.aliases.get(mention.expands.lower())
            return (known.name if known else mention.expands), mention.label
        known = self.aliases.get(mention.text.lower())
        if known is not None and not self._literal(text, mention, known):
            return known.name, mention.label if mention.label == "NORP" else known.label
        if len(mention.text.split()) == 1:
            full = next((f for f in full_names if mention.text in (f.split()[0], f.split()[-1])), None)
            if full is not None:
                return full, "PERSON"
        if mention.cut or mention.label == "NORP":
            return None
        return mention.text, mention.label

    @staticmethod
    def _literal(text: str, mention: _Mention, known: Known) -> bool:
        """Whether the words around a capital show the place itself is meant ("Washington state")."""
        before = " ".join(text[max(0, mention.start - 30): mention.start].lower().split())
        after = text[mention.end: mention.end + 40].split(maxsplit=1)
        return any(before.endswith(phrase) for phrase in known.literal_before) or (
            bool(after) and after[0].strip(".,;:") in known.literal_after)


def _beside_name(doc: Doc, i: int) -> bool:
    """Whether a proper noun stands right before or after the token: looked at only for a word that
    may be a short form, as building the neighbouring tokens for every word was a good part of the
    time spent on entities."""
    return any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (i - 1, i + 1))


def _short_forms(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
    """Short forms of the article's longer names, tagged or left untagged by the model: a person's
    surname or first name ("Hale said" after "Governor Patricia Hale") and an organisation's
    leading word ("the Bank estimates" after "the Bank of England", "Brighton" after "Brighton & Hove
    Albion", even where the model took it for a person). A short form stands for the
    longer name it fits that the article uses most, unless another fits as often."""
    counts = Counter(m.text for m in mentions if m.label in ("PERSON", "ORG") and len(m.text.split()) > 1)
    labels = {m.text: m.label for m in mentions}
    tagged = {m.start: m for m in mentions}
    inside = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for token in doc:
        mention = tagged.get(token.idx)
        if mention is not None and (mention.label not in ("ORG", "PERSON") or mention.end != token.idx + len(token)):
            continue  # among tagged names, only a one-word person or organisation is a short form
        if mention is None and (token.pos_ != "PROPN" or token.idx in inside or token.ent_type_ or not token.is_title
                                or _beside_name(doc, token.i)):
            continue  # an untagged word is a short form only as a proper noun standing alone
        fits = Counter({name: n for name, n in counts.items() if token.text == name.split()[0]
                        or (labels[name] == "PERSON" and token.text == name.split()[-1])})
        ranked = fits.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            name = ranked[0][0]
            out.append(_Mention(token.idx, token.idx + len(token), token.text, labels[name], False, name))
    return out


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
