"""Short forms of an article's longer names: a person's surname or first name, an organisation's
leading word, tagged by the model or not ("Hale said" after "Governor Patricia Hale", "Farrow
shares rose" after "R.J. Farrow Corp."), the leading words of one it leaves untagged ("Polk
Harbor posted a loss" after "Polk Harbor Industries Inc."), an organisation's one-word name
the model once reads as a place ("Tarrow earned $4 million" after "Tarrow Mills Corp." and "Tarrow said ..."),
the leading words of a company named with its legal form that the model reads as a place or tags alone
("Pellaton declined to comment" after "Pellaton Technologies Ltd."),
and the whole names the model cut or missed that a short form stands for: a person's first name
and surname ("Odile Brandvik ... Ms. Brandvik"), a unit's name ("Halden's Brisk Water unit")."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_TITLE, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from pipeline.claims.legal_names import called_by, extends, leading_word
from pipeline.claims.name_spellings import surname, surname_bearers
from pipeline.nlp.structure import doc_text, headline_and_lead, token_starts, token_strings

ENTITY_LABELS = ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT")
PLACE_LABELS = ("GPE", "LOC", "NORP")
NOT_SHORT_FORMS = (*PLACE_LABELS, *ENTITY_LABELS, "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
"""Model labels of a word that is no short form of a name: a place, a number, or a name the
model read in full (a product or a work of art it took a surname for still may be one)."""


@dataclass(frozen=True)
class Mention:
    """A name as the article writes it: where, and the label it is read with."""

    start: int
    end: int
    text: str
    label: str
    cut: bool
    """Whether the model's entity went on past a possessive (a headline read as one name)."""
    expands: str = ""
    """The article's longer name this short form stands for."""


def _beside_name(doc: Doc, i: int) -> bool:
    """Whether a proper noun stands right before or after the token: looked at only for a word that
    may be a short form, as building the neighbouring tokens for every word was a good part of the
    time spent on entities."""
    return any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" for j in (i - 1, i + 1))


def short_forms(doc: Doc, mentions: list[Mention], written: list[Mention] = (),
                suffixes: frozenset[str] = frozenset(), founders: Mapping[str, str] = MappingProxyType({})) -> list[Mention]:
    """Short forms of the article's longer names, tagged or left untagged by the model: a person's
    surname or first name ("Hale said" after "Governor Patricia Hale") and an organisation's
    leading word ("the Bank estimates" after "the Bank of England", "Brighton" after "Brighton & Hove
    Albion", even where the model took it for a person). An organisation's or an index's leading word
    is a short form only of a longer name given before the word is first used alone: "Halden fell
    9%" is not the "Halden Capital" of a later sentence, nor "Fabrikam" after a headline on Fabrikam
    and a later "Fabrikam Aerospace Systems". The same goes for an index's leading word ("the S&P gained 3%"
    after "the S&P 500", ``written`` as the table names it). A headline's word is the name its lead
    gives in full, though: "Corvane posts loss" over "Corvane Motor Co. posted ..." is Corvane
    Motor, there and after. A short form stands for the longer name it fits that the article uses
    most, unless another fits as often, or one that the others only extend (the parent "Corvane
    Motor Co." beside its "Corvane Motor Credit Co."); one the model
    tags as a person stands for a person where one fits ("Mr. Brandt of Brandt & Co." after "Tobias
    Brandt"), and so does one it tags as a product or a work ("The 44-year-old Mendes" after "Arturo
    Mendes"); one it tags as a place or a number is none. A firm's leading word follows its founder's
    initials ("Farrow" of "R.J. Farrow Corp."), even read as a common noun ("Farrow shares rose"); of
    people who share a surname, the surname stands for the one ``surname_bearers`` picks. A surname
    comes before a generational suffix (``suffixes``): "Mr. Abbott" after "Warren T. Abbott Jr.". A
    firm named for a person is called by the surname (``founders`` maps it to the firm's name):
    "Brandvik's sales" after "Odile Brandvik Ltd."."""
    counts = Counter(m.text for m in [*mentions, *written] if m.label in ("PERSON", "ORG", "INDEX")
                     and (len(m.text.split()) > 1 or (m.label == "ORG" and "-" in m.text.strip("-"))))
    labels = {m.text: m.label for m in [*mentions, *written]}
    heading, lead = headline_and_lead(doc)
    in_body: dict[str, int] = {}  # where a name is first used below the headline
    named_at: dict[str, list[int]] = {}  # where each name is written in full, in order
    for m in sorted([*mentions, *written], key=lambda m: m.start):
        named_at.setdefault(m.text, []).append(m.start)
        if m.start >= heading:
            in_body.setdefault(m.text, m.start)
    tagged = {m.start: m for m in mentions}
    inside = {i for m in [*mentions, *written] for i in range(m.start, m.end)}
    out = []
    leading = {doc.vocab.strings.add(leading_word(name)) for name, label in labels.items() if label == "ORG"}
    rows = doc.to_array([POS, IDX, ORTH]).tolist()  # only proper nouns, tagged names and firms' leading words
    firsts = {doc.vocab.strings.add(name.split()[0]): name for name, label in labels.items()
              if label == "PERSON" and len(name.split()) > 1}
    called_first = Counter(firsts[orth] for _, idx, orth in rows if orth in firsts  # "Ana", tagged alone or not
                           and (idx not in inside or (idx in tagged and " " not in tagged[idx].text)))
    for token in (doc[i] for i, (pos, idx, orth) in enumerate(rows) if pos == PROPN or idx in tagged or orth in leading):
        mention = tagged.get(token.idx)
        if mention is not None and (mention.label not in ("ORG", "PERSON") or mention.end != token.idx + len(token)):
            continue  # among tagged names, only a one-word person or organisation is a short form
        if mention is None and (token.pos_ not in ("PROPN", "NOUN") or token.idx in inside or token.ent_type_ in NOT_SHORT_FORMS
                                or not token.is_title or _beside_name(doc, token.i)):
            continue  # an untagged word is a short form only standing alone ("Farrow shares", read as a noun)
        alone = in_body.get(token.text, token.idx if token.idx >= heading else len(doc_text(doc)))
        fits = Counter({name: n for name, n in counts.items() if (called_by(token.text, name, labels[name] != "PERSON")
                        or (labels[name] == "PERSON" and token.text == surname(name, suffixes))
                        or founders.get(token.text) == name)
                        and (labels[name] == "PERSON" or named_at[name][0] < named_at.get(token.text, [token.idx])[0]
                             or named_at[name][0] < min(lead, alone))})
        fits = Counter({name: n for name, n in fits.items() if not any(extends(name, other) for other in fits)})
        if mention is not None and mention.label == "PERSON" and any(labels[name] == "PERSON" for name in fits):
            fits = Counter({name: n for name, n in fits.items() if labels[name] == "PERSON"})  # "Mr. Brandt of Brandt & Co."
        elif mention is None and token.ent_type_:  # "The 44-year-old Mendes", taken for a product
            fits = Counter({name: n for name, n in fits.items() if labels[name] == "PERSON"})
        fits = surname_bearers(fits, token.text, token.idx, named_at, called_first, labels, suffixes)
        ranked = fits.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            name = ranked[0][0]
            out.append(Mention(token.idx, token.idx + len(token), token.text, labels[name], False, name))
    return out


def places_named_as_firms(mentions: list[Mention], place: Callable[[str], bool], bare: Callable[[str], str],
                          placed: Callable[[Mention], bool]) -> list[Mention]:
    """The mentions with a one-word name the model reads as a place, read as the organisation it
    stands for: one the model reads as an organisation elsewhere in the article ("Tarrow earned $4
    million" after "Tarrow Mills Corp." and "Tarrow said ..."), or the leading word of a company
    named before it with its legal form ("Pellaton declined to comment" after "Pellaton
    Technologies Ltd.", "11% of Vantra" after "Vantra-B Hotel Co."), unless it stands where a
    place does (``placed``: "its plant in Pellaton", "Pellaton, Ariz."); the short form then stands
    for the longer name. Not a word ``place`` knows as one ("Washington", "Kuwaiti"), nor the whole
    name of one without its legal form (``bare``: "Nestor" of "Nestor S.A.", already named as it is)."""
    firms = {m.text for m in mentions if m.label == "ORG" and " " not in m.text}
    whole = {bare(m.text) for m in mentions if m.label == "ORG" and " " in m.text}
    formal = [m for m in mentions if m.label == "ORG" and " " in m.text and bare(m.text) != m.text]

    def firm(m: Mention) -> bool:
        return m.text not in whole and (m.text in firms or not placed(m) and any(
            f.start < m.start and called_by(m.text, f.text) for f in formal))

    return [replace(m, label="ORG") if m.label == "GPE" and " " not in m.text and firm(m) and not place(m.text) else m
            for m in mentions]


def tagged_leading_words(mentions: list[Mention], place: Callable[[str], bool], bare: Callable[[str], str],
                         placed: Callable[[Mention], bool]) -> list[Mention]:
    """The mentions of two words or more the model tags by themselves, as an organisation or a
    place, that open exactly one company's longer name given before them, with its legal form or
    in three words or more, read as that company: "Halvey Nutritional has 10 million shares" after
    "Halvey Nutritional Services Inc.", "each share of Costa Verde" after "Costa Verde Bancorp".
    Not the whole name of another company ("Kessel Grand" beside "Kessel Grand Inc." and its unit
    "Kessel Grand Air Inc."), a name ``place`` knows ("New York" before "New York Stock
    Exchange"), nor one standing where a place does (``placed``: "a bank in Costa Verde")."""
    longer = [m for m in mentions if m.label == "ORG" and (bare(m.text) != m.text or len(m.text.split()) > 2)]
    whole = {bare(m.text) for m in longer if bare(m.text) != m.text}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.label not in ("ORG", "GPE", "LOC") or len(words) < 2 or m.text in whole or place(m.text) or placed(m):
            continue
        fits = {f.text for f in longer if f.start < m.start and len(bare(f.text).split()) > len(words)
                and f.text.split()[:len(words)] == words}
        if len({bare(f) for f in fits}) == 1:
            out.append(replace(m, label="ORG", expands=sorted(fits)[0]))
    return out


def untagged_leading_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Runs of two or more capitalised words the model left untagged that open exactly one longer
    organisation's name given before them: "Polk Harbor posted a 38% jump" after "Polk Harbor
    Industries Inc." is that company ("Polk Harbor Group" after it is another name, which the run
    would take in). The words are read from the document's arrays, not as a Token each."""
    longer = [(m.start, m.text.split()) for m in mentions if m.label == "ORG" and len(m.text.split()) > 2]
    if not longer:
        return []
    inside = {i for m in mentions for i in range(m.start, m.end)}
    texts = token_strings(doc, "ORTH")
    out, run = [], []  # the run's words, as (offset, text)
    for i, row in enumerate([*doc.to_array([POS, IS_TITLE, ENT_TYPE, IDX]).tolist(), None]):
        pos, title, ent_type, idx = row or (0, 0, 0, 0)  # the end closes the last run
        if pos == PROPN and title and not ent_type and idx not in inside:
            run.append((idx, texts[i]))
            continue
        words = [text for _, text in run]
        fits = {" ".join(name) for start, name in longer if len(words) > 1 and start < run[0][0]
                and name[:len(words)] == words and len(name) > len(words)}
        if len(fits) == 1:
            out.append(Mention(run[0][0], run[-1][0] + len(words[-1]), " ".join(words), "ORG", False, fits.pop()))
        run = []
    return out


def full_names_of_surnames(doc: Doc, mentions: list[Mention], courtesy: frozenset[str]) -> list[Mention]:
    """The mentions with a person's full name the model left untagged or took for an organisation,
    read as that person: "Odile Brandvik, a consultant at Pell & Co., said ... Ms. Brandvik said",
    where the model tags "Brandvik" as a person after a ``courtesy`` title and leaves "Odile
    Brandvik" untagged or calls it an organisation. Only two capitalised words whose first is
    written nowhere else in the article: "Dow Jones" stays the firm beside "Mr. Jones", as "Dow"
    is written alone too. The words are read from the document's arrays, not as a Token each."""
    texts, lowers, types = (token_strings(doc, attr) for attr in ("ORTH", "LOWER", "ENT_TYPE"))
    iob = [Token.iob_strings()[value] for value in doc.to_array(ENT_IOB).tolist()]
    surnames = {texts[i] for i in range(1, len(doc)) if iob[i] == "B" and types[i] == "PERSON"
                and lowers[i - 1] in courtesy and (i + 1 == len(doc) or iob[i + 1] != "I")}
    if not surnames:
        return mentions
    written = Counter(texts)
    inside = {i for m in mentions for i in range(m.start, m.end)}
    out = [replace(m, label="PERSON") if m.label == "ORG" and _first_and_surname(m.text.split(), surnames, written) else m
           for m in mentions]
    rows = doc.to_array([POS, IS_TITLE, IDX]).tolist()
    for i in range(len(doc) - 1):
        (pos, title, idx), last = rows[i], rows[i + 1][2]
        if (idx not in inside and last not in inside and pos == PROPN and title and lowers[i] not in courtesy
                and _first_and_surname([texts[i], texts[i + 1]], surnames, written)):
            out.append(Mention(idx, last + len(texts[i + 1]), f"{texts[i]} {texts[i + 1]}", "PERSON", False))
    return sorted(out, key=lambda m: m.start)


def _first_and_surname(words: list[str], surnames: set[str], written: Counter) -> bool:
    """Whether two words are a first name written only here, in letters alone, and a known surname
    ("F.A.O. Schwarz" is a toy store's initials, not a first name)."""
    return len(words) == 2 and words[1] in surnames and words[0].istitle() and words[0].isalpha() and written[words[0]] == 1


def units_named_in_full(doc: Doc, mentions: list[Mention], descriptors: frozenset[str]) -> list[Mention]:
    """The mentions of an owner's unit the model cut to its last words, given their whole name:
    "Halden's Brisk Water unit", where the model tags only "Water", is Brisk Water, as it is where
    the article writes the name again ("Halden and Brisk Water will grow"). The untagged capitalised
    words run back to the owner's possessive, and a company noun (``descriptors``: "unit",
    "subsidiary") follows the name."""
    starts = token_starts(doc)
    inside = {i for m in mentions for i in range(m.start, m.end)}
    opened: dict[int, int] = {}  # a mention's start -> where its untagged capitalised words begin
    for m in mentions:
        if m.label != "ORG" or m.start not in starts:
            continue
        token = doc[starts[m.start]]
        i = token.i
        while i > 0 and doc[i - 1].pos == PROPN and doc[i - 1].is_title and not doc[i - 1].ent_type_ \
                and doc[i - 1].idx not in inside:
            i -= 1
        if i < token.i:
            opened[m.start] = i
    text = doc_text(doc)
    units = {text[doc[i].idx:m.end] for m in mentions if m.start in opened for i in [opened[m.start]]
             if i > 0 and doc[i - 1].tag_ == "POS" and _followed_by(doc, m, descriptors)}
    return [replace(m, start=start, text=text[start:m.end]) if m.start in opened
            and text[(start := doc[opened[m.start]].idx):m.end] in units else m for m in mentions]


def _followed_by(doc: Doc, mention: Mention, nouns: frozenset[str]) -> bool:
    """Whether the word right after a mention is one of ``nouns`` ("unit" of "Brisk Water unit")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in nouns
