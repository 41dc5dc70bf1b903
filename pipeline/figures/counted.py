"""What a bare count counts, read from the parse around it: the members of a group it gives the size
of ("a crowd of about 3,000" -> person), the subject a verb of reaching or change measures ("cases
topped 2.5 million" -> case, "bookings climbed to 9,400" -> booking), and which earlier count it
continues ("600 of them"; not a part named after "including")."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, first_conjunct

@dataclass(frozen=True)
class CountReading:
    """Words for reading what a bare count counts: the lemmas of verbs of reaching ("top",
    "exceed") and of change ("climb", "dip"), the member noun of a group or collective noun
    ("crowd" -> person), the counted noun of any plural subject such a verb measures
    ("bookings" -> booking; "" for a plural of money or of a level, "prices"), "" for others, the
    words of what befalls people in a casualty report ("killed", "arrested"), the words that
    open a part of the count before them ("including", "among"), and the nouns of a number a clause
    may be about ("the number of job vacancies fell by 43,000")."""

    reaching_verbs: frozenset[str] = frozenset()
    members: Callable[[Token], str] = lambda noun: ""
    change_verbs: frozenset[str] = frozenset()
    plural_subject: Callable[[Token], str] = lambda noun: ""
    casualty_words: frozenset[str] = frozenset()
    including_words: frozenset[str] = frozenset()
    number_nouns: frozenset[str] = frozenset()


def casualty_count(span: Span, casualty_words: frozenset[str]) -> bool:
    """Whether a count is of people something befell: the subject of a verb of what befell them
    ("at least 57 were killed", "nine have been detained", "seven were reported dead"), alone or
    joined to it by "and" ("her brother and 10 others drowned") or "with" ("perished along with 10
    others", "was arrested with two others"), or what such a verb acts on ("injured more than 1,000
    others"): casualty and arrest reports count people so."""
    number = first_conjunct(span.root)
    if number.dep_ == "pobj" and number.head.lower_ == "with":
        return number.head.head.lower_ in casualty_words
    if number.dep_ not in ("nsubjpass", "nsubj", "dobj"):
        return False
    verb = number.head
    return verb.lower_ in casualty_words or (number.dep_ != "dobj" and any(
        c.lower_ in casualty_words and c.dep_ in ("oprd", "acomp") for c in verb.children))


REFERRING_PRONOUNS = ("them", "those", "these")
"""Words after "of" that point back to things counted before ("6,000 of them")."""

def group_members(span: Span, members: Callable[[Token], str]) -> str:
    """The members counted by a bare number that gives the size of a group or a collective, by
    "of" ("a crowd of about 3,000", "a population of 9 million") or as what its clause's subject
    measures ("employment peaked at 8,200", "attendance rose to 18,400"); ``members`` names the
    member of such a noun ("crowd" -> person) and "" for any other. "" when there is none."""
    number = span.root
    if number.head.lower_ == "of" and number.dep_ == "pobj" and members(number.head.head):
        return members(number.head.head)
    verb = clause_head(number)
    if verb.i == number.i:
        return ""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.i < span.start and members(subject):
            return members(subject)
    return ""


def reached_subject(span: Span, reaching: frozenset[str], changing: frozenset[str],
                    counted: Callable[[Token], str]) -> str:
    """The counted noun of the subject of a verb of reaching or change that the number measures:
    the object of a verb of reaching ("dengue cases top 2.5 million" -> case, "deaths passed
    10,000" -> death) or the number after "to" or "by" of either ("bookings climbed to 9,400" ->
    booking, "visitors rose by 1.2 million" -> visitor). Not "workers earned 3,000" (no such
    verb), "employers added 9,000" (a verb of change acts on its object) nor "firms cut jobs by
    500" (another object). ``reaching`` and ``changing`` hold the verbs' lemmas."""
    number = span.root
    linked = number.dep_ == "pobj" and number.head.lower_ in MEASURED_LINKS
    # the parser hangs "to 64 million" after a "by" phrase on the verb, with its "to" inside
    linked_inside = number.dep_ == "npadvmod" and any(c.lower_ in MEASURED_LINKS for c in number.children)
    verb = number.head.head if linked else number.head
    lemma = verb.lemma_.lower()
    if not (linked or linked_inside) and not (number.dep_ == "dobj" and lemma in reaching):
        return ""
    if verb.pos_ not in ("VERB", "AUX") or lemma not in reaching | changing:
        return ""
    if any(c.dep_ == "dobj" and c.i != number.i for c in verb.children):
        return ""
    return next((counted(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and counted(c)), "")


MEASURED_LINKS = ("to", "by")
"""Prepositions between a verb of change and the level or the change it measures ("rose to 9,400")."""


def refers_back(span: Span) -> bool:
    """Whether a bare count is a part of things counted before it, in this sentence or an earlier
    one: "6,714 of them developed the illness"."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].lower_ in REFERRING_PRONOUNS


def cased_lemma(token: Token) -> str:
    """The lemma of a word, or the word itself when it is a capitalised adjective, name or word the
    tagger left as it is, as a nationality that counts people is ("40 Burmese", where the tagger
    gives "burmese"); a capitalised plural keeps its lemma ("131 Tests" -> test) but a people's
    stays as written (``is_people``: "8,000 Tutsis", tagged a common plural, -> Tutsi), and so does
    a plural the model takes for a people ("512 wickets in 131 Tests" -> Test)."""
    text = token.text
    if text[:1].isupper() and not text.isupper() and (token.tag_ in ("JJ", "NNP", "NNPS") or token.lemma_ == text.lower()
                                                      or is_people(token)):
        return text
    return token.lemma_


def is_people(token: Token) -> bool:
    """Whether a word names a people, as the model's entity tag for nationalities and groups (NORP)
    says of it or of a word it is listed with: "2,000 Americans, 1,500 Britons and 300 Germans",
    where the tagger takes "Britons" for a common noun but not for a nationality, is three peoples;
    "131 Tests" is none unless the model tags it NORP, as it does in "512 wickets in 131 Tests"."""
    return any(t.ent_type_ == "NORP" for t in (token, *token.conjuncts))


def named_part(span: Span, counted: Callable[[Token], str]) -> str:
    """What a part of things counted before is, named right after "of them" ("forty pilots flew,
    twelve of them women" -> woman); "" when no countable noun follows ("12 of them with help")."""
    doc = span.doc
    if not refers_back(span) or span.end + 2 >= len(doc):
        return ""
    noun = doc[span.end + 2]
    return counted(noun) if noun.tag_ == "NNS" else ""


def is_included(span: Span, including: frozenset[str]) -> bool:
    """Whether a count is a part named after a word of ``including`` ("including", "among") within
    a bigger count of its sentence ("about 200,000 soldiers, including some 40,000 volunteers"): a
    bare count later in the sentence continues the bigger one, not the part."""
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.lower_ in including:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


MAX_CLIMB = 4
"""How many heads up from a count its "including" may be."""


def joined_measures(spans: list[Span], kinds: list[str], units: list[str], links: set[str]) -> list[int | None]:
    """For a bare number joined by a range word to a quantity or a count of a named thing right
    after it ("will stretch from 3,000 to 4,500 kilometers", "from 3 million to 4.5 million
    units"), the index of that figure: a reader takes both in its unit. None for every other figure."""
    out: list[int | None] = [None] * len(spans)
    for i, (span, following) in enumerate(zip(spans, spans[1:])):
        between = span.doc[span.end:following.start]
        if (kinds[i] == "count" and not units[i] and kinds[i + 1] in ("quantity", "count") and units[i + 1]
                and len(between) == 1 and between[0].lower_ in links):
            out[i] = i + 1
    return out


def linked_measures(kinds: list[str], units: list[str], parts: list[str],
                    linked: list[tuple[int, ...]]) -> list[int | None]:
    """For a bare number that is one end of a change whose other end is measured ("cut his term
    from 14 years to 10", "from 6 hours to 4"), the index of that other end: a reader takes both
    ends in one unit. A bare change takes the unit of the count it leads to ("subscribers rose by
    5.9 million to 247 million"), but not of a measure, whose change may be in other units ("by 25
    basis points to 5"). None for every other figure."""
    out: list[int | None] = [None] * len(kinds)
    for i, (kind, unit, part) in enumerate(zip(kinds, units, parts)):
        if kind != "count" or unit:
            continue
        wanted = ENDS.get(part, ())
        out[i] = next((j for j in linked[i] if units[j] and (parts[j], kinds[j]) in wanted), None)
    return out


ENDS = {"to": (("from", "quantity"), ("from", "count")), "from": (("to", "quantity"), ("to", "count")),
        "by": (("to", "count"),)}
"""For the part a bare number plays, the (part, kind) of a linked figure whose unit it takes."""


def with_compound_nouns(span: Span, unit: str, scales: Mapping[str, float]) -> str:
    """The unit of a count whose noun carries nouns compounded onto it, as the reader names the
    thing: "three investment bankers" counts investment bankers, "40 police cars" police cars, "32
    death claims" death claims. Adjectives stay out ("two special prosecutors" counts
    prosecutors), as do names ("six Boeing jets", a class's letter: "1.1 million Class C warrants"), scale words ("96 crore voters"), an ordinal's
    suffix set apart ("its 20,000 th user review" counts user reviews), the
    parts of a hyphenated word ("six open-hearth furnaces" counts furnaces), and any noun before
    a people's name ("40,000 minority Karens" counts Karens)."""
    head = span[-1]
    if head.ent_type_ == "NORP" or head.tag_ in ("NNP", "NNPS"):
        return unit
    nouns = []
    for token in reversed(span[:-1]):
        if token.head.i not in {head.i, *(t.i for t in nouns)} or token.dep_ != "compound" or token.tag_ not in ("NN", "NNS") \
                or not token.is_alpha or token.like_num or scales.get(token.lower_) or token.lower_ in ORDINAL_SUFFIXES \
                or (len(token.text) == 1 and token.is_upper):
            break
        nouns.insert(0, token)
    if nouns and nouns[0].i > span.start and span.doc[nouns[0].i - 1].text == "-":
        return unit
    return " ".join([*(t.lower_ for t in nouns), unit]) if nouns and unit else unit


ORDINAL_SUFFIXES = ("th", "st", "nd", "rd")
"""The suffixes of an ordinal written apart from its number ("the 12,345 th plane")."""
