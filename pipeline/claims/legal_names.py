"""Organisations known by their legal form: a run of capitalised words ending in a legal form of
rules/entities.yml ("Tarrow's Inc.", "Maud Pelham Ltd.", "Kestrel Bay Co.") names a company,
whatever the model tags it (a person, a place, nothing at all); and the way such a name is said
and written out ("Kestrel Bay Co." -> "Kestrel Bay", "Brightwater Motors Acceptance Corp." ->
"Brightwater Motors Acceptance Corporation"), by its leading word ("Tarrow" of "Tarrow's Inc.",
"Kestrel" of "KESTREL BAY Corp.", "Hewlett" of "Hewlett-Packard Co.") and without the capitals of a
wire's lead ("KESTREL BAY Corp. said ..." and later "Kestrel shares rose": Kestrel Bay), with the
legal forms of many countries from cleanco ("Nordvik Marine Oy" -> "Nordvik Marine", and written
before the name, "N.V. Kessel" -> "Kessel"), and by the noun its name ends in ("the academy" of
"Harlow Science Academy"). An ampersand joins the capitalised words around it into one name,
written or escaped ("Pell amp Barrow": Pell & Barrow)."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from cleanco.clean import get_unique_terms
from spacy.tokens import Doc, Token

from pipeline.nlp.structure import token_strings

POSSESSIVES = ("’s", "'s", "’", "'")
NAME_JOINERS = ("&", "amp", "'s", "’s")
"""Words inside a company's name between two capitalised words: "Pell & Barrow Inc." (or "Pell amp
Barrow Inc.", an HTML escape that lost its punctuation), "Tarrow's Inc." ("of" is left out:
"Chairman Ann Dole of Kestrel Corp." is two names)."""
AMPERSANDS = ("&", "amp")
"""An ampersand as written, and as an HTML escape ("&amp;") with its punctuation lost in some news
archives ("Pell amp Barrow")."""
ESCAPED_AMPERSAND = re.compile(r"(?<=[A-Za-z.]) amp (?=[A-Z])")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
"""Dotted initials written before a name ("R.J." of "R.J. Farrow Corp.", "N.V." of "N.V. Kessel")."""
INITIALS_SKIPPED = ("of", "and", "&", "the", "for", "de")
JOINING_WORDS = ("&", "and")
"""Words that join a legal form to a name ("& Co."), no part of the name as people say it."""
PLACE_TAGS = ("GPE", "LOC", "NORP", "FAC")
"""The model's labels of a place or a people, which name no family ("a Leeds family")."""
LEGAL_WORDS = {"Corp.": "Corporation", "Corp": "Corporation", "Co.": "Company", "Co": "Company"}


def legal_name_spans(doc: Doc, legal_forms: set[str], leading: set[str]) -> list[tuple[int, int]]:
    """The character spans of company names that end in a legal form and that the model tagged
    as no organisation, or as one that starts inside the name: "Tarrow's Inc. said it will ..."
    (untagged), "Maud Pelham Ltd. plans ..." (tagged a person), "Pell Ware Dunn Inc." (tagged from
    "Ware" on). The words before the form are the capitalised words and joiners up to it, without
    a leading word of ``leading`` ("The", a title). A Token is made only of a legal form's word."""
    out = []
    for token in (doc[i] for i, text in enumerate(token_strings(doc, "ORTH")) if i and text in legal_forms):
        end = token.i - 1 if doc[token.i - 1].text == "," else token.i
        start = end
        while start > token.sent.start and _part_of_name(doc, start - 1, end):
            start -= 1
        while start < end and doc[start].text.lower() in leading:
            start += 1
        tagged = _organisation_start(token)
        if start < end and doc[start].text not in NAME_JOINERS and (tagged is None or start < tagged):
            out.append((doc[start].idx, token.idx + len(token)))
    return out


def family_spans(doc: Doc, words: frozenset[str]) -> list[tuple[int, int]]:
    """The character spans of families named by "the", their surname and a word of ``words``: "the
    Pell family sold its stake" and "the Pell family interests" name one party, "Pell family", which
    holds, buys and lends as a company does; not a family from a place ("a Leeds family", "the
    Leeds family" where the model reads Leeds as a place), nor a person's ("Ann Pell's family"). A
    Token is made only of a word of ``words``."""
    out = []
    for token in (doc[i] for i, word in enumerate(token_strings(doc, "LOWER")) if i and word in words):
        name = doc[token.i - 1]
        if name.pos_ == "PROPN" and name.text[:1].isupper() \
                and name.ent_type_ not in PLACE_TAGS and name.i > 0 and doc[name.i - 1].lower_ == "the":
            out.append((name.idx, token.idx + len(token)))
    return out


def abbreviated_forms(places: set[str]) -> frozenset[str]:
    """The legal forms of cleanco's table of many countries' company types that are abbreviations
    (four letters at most: "oy", "gmbh", "b.v.", "k.k."), in lower case; not a spelled-out word,
    which names often keep ("Hughes Aircraft Company"), nor one that names a place ("uk")."""
    return frozenset(term for term in get_unique_terms() if " " not in term and term not in places
                     and len(re.sub(r"\W", "", term)) <= 4)


def without_legal_form(name: str, legal_forms: set[str], abbreviated: frozenset[str] = frozenset()) -> str:
    """"Corvane Corp." -> "Corvane", "BNP Paribas SA" -> "BNP Paribas": the name as people say it,
    with its ampersand written as one ("Pell amp Barrow Inc." -> "Pell & Barrow"), and without the
    ampersand that joins the legal form to it ("Pell, Barrow & Co." -> "Pell, Barrow"); also the
    name of an organisation ending in an ``abbreviated`` form written with a capital ("Nordvik
    Marine Oy", "Brandt Holding B.V.")."""
    name = ESCAPED_AMPERSAND.sub(" & ", name)
    words = name.split()
    if len(words) > 1 and _leading_form(words[0], legal_forms, abbreviated):
        words, name = words[1:], " ".join(words[1:])  # "N.V. Kessel" -> "Kessel"
    if len(words) > 1 and (any(form in legal_forms for form in (words[-1], words[-1].capitalize(), words[-1] + "."))
                           or (not words[-1].islower() and words[-1].casefold() in abbreviated)):
        # "INC." too, and "Cos" where the name was read without its period
        words = words[:-1]
        if len(words) > 1 and words[-1] in JOINING_WORDS:  # "Pell, Barrow & Co."
            words = words[:-1]
        return " ".join(words).rstrip(",")
    return name


def _leading_form(word: str, legal_forms: set[str], abbreviated: frozenset[str]) -> bool:
    """Whether a name's first word is a legal form written before it, as Dutch, French or Italian
    names may be ("N.V. Kessel", "S.p.A. Torrione", "GmbH" too): one of cleanco's forms written
    with its periods or in mixed case, of three letters or more or one of ``legal_forms``. Two
    dotted letters that are not a legal form of the rules are a founder's initials ("A.G. Brandt"),
    and a form in capitals without periods may be a name's own acronym ("SAS Tours")."""
    letters = re.sub(r"\W", "", word)
    return word.casefold() in abbreviated and ("." in word or not (word.isupper() or word.islower())) \
        and (len(letters) > 2 or word in legal_forms)


def spelled_out(name: str) -> str:
    """"Brightwater Motors Acceptance Corp." -> "Brightwater Motors Acceptance Corporation"."""
    words = name.split()
    return " ".join(words[:-1] + [LEGAL_WORDS.get(words[-1], words[-1])])


def opening_others(names: list[str], short: Callable[[str], str], text: str) -> set[str]:
    """The organisations whose legal form is said in full ("Corp.", "Co.") because without it their
    name is one word that opens the name of another organisation the article follows (names it
    twice or more): "Larkspur Corp." beside its unit "Larkspur Mills Inc." ... "Larkspur Mills
    said" is "Larkspur Corporation", as "Larkspur" alone, the way an article shortens either, would
    not tell them apart. ``names`` are the article's organisations, ``short`` a name without its
    legal form, ``text`` the article's; a unit named once in passing leaves the parent's name as it is said
    ("Larkspur" beside "its Larkspur Leasing Inc. unit"), and so does a form not said in full
    ("Larkspur Inc.") or a name of two words or more ("Kestrel Motors" beside "Kestrel Motors Finance")."""
    followed = {short(name) for name in names if text.count(short(name)) > 1}
    return {name for name in names if name.split()[-1] in LEGAL_WORDS and len(short(name).split()) == 1
            and any(other.split()[0] == short(name) and len(other.split()) > 1 for other in followed)}


def called_by(word: str, name: str, firm: bool = True) -> bool:
    """Whether a word is a name's leading word, written as the article writes it later: its first
    word without a possessive ("Tarrow" of "Tarrow's Inc."), in capitals or not ("Kestrel" of
    "KESTREL BAY Corp."), or the first of hyphenated names ("Hewlett" of "Hewlett-Packard Co."),
    after a ``firm``'s founder's initials or a legal form written before it ("Farrow" of "R.J.
    Farrow Corp.", "Kessel" of "N.V. Kessel"; a person's initials are no first name to skip)."""
    first = leading_word(name, firm)
    if word == first.split("-")[0] and "-" in first:
        return True  # "Hewlett" of "Hewlett-Packard Co."
    return word == first or (first.isupper() and len(first) > 1 and word == first.capitalize())


def leading_word(name: str, firm: bool = True) -> str:
    """A name's first word, after a ``firm``'s founder's initials or a legal form written before it,
    without a possessive: "Farrow" of "R.J. Farrow Corp.", "Kessel" of "N.V. Kessel", "Tarrow" of
    "Tarrow's Inc."."""
    words = name.split()
    first = next((w for w in words if not (firm and INITIALS.fullmatch(w))), words[0])
    return next((first.removesuffix(p) for p in POSSESSIVES if first.endswith(p) and first != p), first)


def head_noun(name: str) -> str:
    """The noun a name ends in, before an "of" phrase, in lower case: "academy" of "Harlow Science
    Academy", "museum" of "Orley Museum of Art"; what "the academy" and "the museum" call them."""
    return name.split(" of ")[0].split()[-1].lower()


def unshouted(entities: list[dict], words: list[str]) -> list[dict]:
    """Organisations' names written in capitals ("KESTREL BAY", in a wire's lead) in the case the
    article writes them in, word by word, from ``words`` (the article's tokens): a word the article
    writes in another case takes that case ("UniFirst" of "UNIFIRST Corp.", "Kestrel" of "Kestrel
    shares rose"); a word it writes in capitals outside the name stays (an acronym: "AEP" of "AEP
    INDUSTRIES Inc." ... "AEP shares closed"); and in a name of two words or more, a word the article
    writes in lower case ("GOODY PRODUCTS Inc. ... cosmetic products"), of five letters or more
    with a vowel, which is read rather than spelled out ("GOODY"), or beside a word the article
    writes in another case ("BAY" of "KESTREL BAY"), is capitalised. A name of one
    word the article writes only in capitals (an acronym, "IBM", "NATO") stays."""
    shouted = {e["canonical"] for e in entities if e["label"] == "ORG" and e["canonical"].isupper()}
    if not shouted:
        return entities
    spelled = {word.lower(): word for word in reversed(words) if word[:1].isupper() and not word.isupper()}
    lower = {word for word in words if word.islower()}
    text = " ".join(words)

    def case(name: str, word: re.Match) -> str:
        said = word.group()
        if said.lower() in spelled:
            return spelled[said.lower()]
        alone = len(re.findall(rf"\b{re.escape(said)}\b", text)) > len(re.findall(rf"\b{re.escape(name)}\b", text))
        read = (said.lower() in lower or (len(said) >= 5 and re.search("[AEIOUY]", said) is not None)
                or any(other.lower() in spelled for other in name.split()))
        return said.capitalize() if read and not alone and len(name.split()) > 1 else said

    renamed = {name: re.sub(r"[A-Z]{2,}", partial(case, name), name) for name in shouted}
    return [e | {"canonical": renamed.get(e["canonical"], e["canonical"])} for e in entities]


def _organisation_start(form: Token) -> int | None:
    """Where the organisation the model reads a legal form, or the word before it, as part of
    starts ("Kestrel Corp." tagged whole, or "Kestrel" tagged with the form left out); None if
    it reads no organisation there."""
    token = form if form.ent_type_ == "ORG" else form.nbor(-1)
    if token.ent_type_ != "ORG":
        return None
    while token.ent_iob_ == "I" and token.i > 0:
        token = token.nbor(-1)
    return token.i


def _part_of_name(doc: Doc, i: int, end: int) -> bool:
    """Whether a word belongs to the name before a legal form: capitalised (a noun if it opens
    its sentence: "Pell Ware Dunn Inc. said"; written in capitals only before a word written
    so), or a joiner between capitalised words, or an ampersand before the form ("Pell, Barrow &
    Co.")."""
    word = doc[i]
    if word.text in NAME_JOINERS:
        return (i + 1 < end or word.text in AMPERSANDS) and i > 0 and doc[i - 1].text[:1].isupper()
    if not word.text[:1].isupper() or word.is_punct or (word.text.isupper() and not doc[i + 1].text.isupper()):
        return False  # a heading in capitals is no part of the name after it: "BONDS Tarrow's Inc."
    return word.pos_ in ("PROPN", "NOUN") or not word.is_sent_start


def joined_before(tokens: list[Token]) -> list[Token]:
    """A name's tokens with the capitalised words an ampersand joins to it from before, where the
    model began the name after it: "Savings & Loan Association" is "Harbor Savings & Loan
    Association"; the ampersand may be an HTML escape whose punctuation was lost ("amp")."""
    doc, start = tokens[0].doc, tokens[0].i
    while start >= 2 and doc[start - 1].text in AMPERSANDS and doc[start - 2].text[:1].isupper():
        start -= 2
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            start -= 1
    return [doc[i] for i in range(start, tokens[0].i)] + tokens


def joined_after(tokens: list[Token]) -> list[Token]:
    """A name's tokens with the capitalised words an ampersand joins to it from after, where the
    model ended the name at the ampersand or before it: "Shell Trading amp" is "Shell Trading amp
    Transport" and "UBS Phillips" of "UBS Phillips & Drew" is the whole firm's name."""
    doc, end = tokens[0].doc, tokens[-1].i + 1
    if tokens[-1].text not in AMPERSANDS:
        if end + 1 >= len(doc) or doc[end].text not in AMPERSANDS or not doc[end + 1].text[:1].isupper():
            return tokens
        end += 1
    start = end
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ in ("PROPN", "NOUN") \
            and doc[end].sent.start == doc[start].sent.start:
        end += 1
    return tokens + [doc[i] for i in range(tokens[-1].i + 1, end)] if end > start else tokens


def initials_of(name: str) -> str:
    """"Ardent Data Services Corp." -> "ADSC"; "Federal Bureau of Investigation" -> "FBI"."""
    return "".join(w[0] for w in name.split() if w.lower() not in INITIALS_SKIPPED and w[0].isupper())


def extends(name: str, other: str) -> bool:
    """Whether an organisation's name only extends another's, legal forms aside: "Corvane Motor
    Credit Co." extends "Corvane Motor Co." (its finance arm), not "Corvane Bay Inc."."""
    words, others = name.split(), other.split()
    stem = others[:-1] if others[-1] in LEGAL_WORDS else others
    return len(words) > len(others) and len(stem) > 1 and words[:len(stem)] == stem
