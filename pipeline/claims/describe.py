"""Says what a figure is about: the entities of its sentence and the thing it measures."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.claims.legal_names import head_noun
from pipeline.nlp.structure import clause_head, dateline_end, starts_paragraph, token_strings

CLAUSAL = ("relcl", "advcl", "ccomp", "acl", "parataxis", "csubj")
"""Dependents that open a clause of their own: what they say is not what the figure's clause says."""


def claim_clause(token: Token) -> Token:
    """The head of the clause a claim is made in: a participle without its own subject belongs to
    the clause it hangs from ("The EU remained ..., accounting for 38 percent")."""
    head = clause_head(token)
    while (head.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl")
           and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) and head.head.i != head.i):
        head = clause_head(head.head)
    return head


def clause_tokens(span: Span, dropped_prepositions: frozenset[str] = frozenset()) -> set[int]:
    """The tokens of a figure's clause: without the other clauses inside it and, for entities,
    without the phrases that date it by an event (``dropped_prepositions``: "before the annexation
    of Crimea")."""
    clause, inner = _clause_parts(claim_clause(span.root))
    inside = range(span.start, span.end)
    dropped: set[int] = set()
    for subtree in inner:  # those the figure is in stay: "said [sales rose 5%]"
        if not any(i in subtree for i in inside):
            dropped |= subtree
    tokens = set(clause)
    tokens -= dropped
    return without_phrases(span, tokens, dropped_prepositions) if dropped_prepositions else tokens


_CLAUSES_KEY = "claims.clause_parts"
"""Where ``_clause_parts`` keeps each clause's tokens and inner clauses, by its head, in ``Doc.user_data``."""


def _clause_parts(head: Token) -> tuple[frozenset[int], tuple[frozenset[int], ...]]:
    """A clause's tokens and the tokens of each clause inside it (a clausal dependent, or a verb
    joined by "and"), read once per clause: every figure of "Sales rose 5% to $2 billion, while
    costs fell 3%" asks for the same clause, and read for each figure a long sentence's clause
    cost as much as the sentence per figure."""
    known = head.doc.user_data.setdefault(_CLAUSES_KEY, {})
    if head.i not in known:
        clause = list(head.subtree)
        inner = tuple(frozenset(t.i for t in token.subtree) for token in clause if token.i != head.i and (
            token.dep_ in CLAUSAL or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"))))
        known[head.i] = (frozenset(t.i for t in clause), inner)
    return known[head.i]


def without_phrases(span: Span, tokens: set[int], prepositions: frozenset[str]) -> set[int]:
    """A figure's clause ``tokens`` (from ``clause_tokens``) without the phrases these prepositions
    open, unless the figure is inside one. Reads the words' strings, not a Token of each word."""
    doc, inside, head = span.doc, range(span.start, span.end), claim_clause(span.root).i
    deps, lowers = token_strings(doc, "DEP"), token_strings(doc, "LOWER")
    dropped: set[int] = set()
    for i in sorted(tokens):
        if i not in dropped and i != head and deps[i] == "prep" and lowers[i] in prepositions:
            _drop_unless_inside(doc[i], inside, dropped)
    return tokens - dropped


def _drop_unless_inside(token: Token, inside: range, dropped: set[int]) -> None:
    subtree = {t.i for t in token.subtree}
    if not any(i in subtree for i in inside):
        dropped |= subtree


def governing_words(span: Span) -> list[Token]:
    """The words of the clauses above a figure's clause that frame it: each governing verb with its
    subject, auxiliaries and adverbs ("I think prices will rise 5 percent")."""
    words = []
    for verb in claim_clause(span.root).ancestors:
        words.append(verb)
        words += [c for c in verb.children if c.dep_ in ("nsubj", "aux", "advmod", "neg")]
    return words


class EntityIndex:
    """The article's canonical entities sorted by offset, so a claim finds its own by bisection."""

    def __init__(self, doc: Doc, entities: list[dict]) -> None:
        self.doc = doc
        self.entities = sorted(entities, key=lambda e: e["start"])
        self.starts = [e["start"] for e in self.entities]
        self._first_tokens: dict[tuple[int, int], int | None] = {}

    def headed_by(self, noun: str, start: int, end: int) -> list[tuple[str, str]]:
        """The one organisation named between two offsets whose name ends in ``noun``: "the
        museum" after "the Orley Museum of Art" (``head_noun``), "the court" after "the Supreme
        Court"; nothing where two such are named ("the Harlow Science Academy and the Kerry
        Academy" leave "the academy" to the subject before it)."""
        named = {e["canonical"] for e in self.within(start, end) if e["label"] == "ORG"
                 and len(e["canonical"].split()) > 1 and head_noun(e["canonical"]) == noun}
        return [(named.pop(), "ORG")] if len(named) == 1 else []

    def within(self, start_char: int, end_char: int) -> list[dict]:
        """The entities that lie between two offsets, in order."""
        out = []
        for i in range(bisect_left(self.starts, start_char), len(self.entities)):  # no copy of the rest
            ent = self.entities[i]
            if ent["start"] >= end_char:
                break
            if ent["end"] <= end_char:
                out.append(ent)
        return out

    def latest_first(self, offset: int) -> Iterator[dict]:
        """The entities that end by ``offset``, the latest first: ``reversed(within(0, offset))``
        walked back only as far as the caller reads, not copied whole for each question (which
        made a long article quadratic)."""
        for i in range(bisect_left(self.starts, offset) - 1, -1, -1):
            if self.entities[i]["end"] <= offset:
                yield self.entities[i]

    def last_before(self, offset: int, label: str) -> dict | None:
        """The last entity with this label that ends before ``offset``."""
        for i in range(bisect_left(self.starts, offset) - 1, -1, -1):
            if self.entities[i]["label"] == label and self.entities[i]["end"] <= offset:
                return self.entities[i]
        return None

    def names(self, tokens: set[int], start_char: int, end_char: int, labels: tuple[str, ...] = ()) -> list[str]:
        """Canonical names, in order and without repeats, of the entities between two offsets whose
        first token is one of ``tokens`` (and whose label is one of ``labels``, if given)."""
        names: list[str] = []
        for ent in self.within(start_char, end_char):
            if ent["canonical"] not in names and (not labels or ent["label"] in labels):
                if self._first_token(ent) in tokens:
                    names.append(ent["canonical"])
        return names

    def _first_token(self, ent: dict) -> int | None:
        """The index of an entity's first token, found once per entity."""
        key = (ent["start"], ent["end"])
        if key not in self._first_tokens:
            span = self.doc.char_span(ent["start"], ent["end"], alignment_mode="expand")
            self._first_tokens[key] = None if span is None else span.start
        return self._first_tokens[key]


@dataclass(frozen=True)
class DescribeWords:
    """Word lists from rules/lexicons.yml that describing a claim needs."""

    event_prepositions: frozenset[str] = frozenset()
    target_nouns: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    multiplier_units: frozenset[str] = frozenset()
    transaction_nouns: Mapping[str, str] = field(default_factory=dict)


def subject_of(span: Span, words: DescribeWords = DescribeWords(), counted: bool = False) -> str:
    """The noun phrase a figure measures: for a count, the noun it counts ("70,000 permits",
    "1.6 million households whose fixed deals expire next year"); the noun it stands beside in
    parentheses ("cars (20 percent)", "industrial equipment (around 23 percent of exports)"), "X
    percent of <NP>" ("62% of them": the things counted just before), the noun the figure modifies
    ("the 2,615-mile border"), the noun it is the amount of ("revenue of £712.8m"), the noun it is
    the age of ("children aged 10 to 14"), the noun it is
    the worth of ("energy commodities worth $129 billion", told with the verb and its subject:
    "energy commodities imported by China"), or else the subject of its clause ("bilateral trade
    grew by 36 percent"). A goal ("surpassing the $200 billion mark") measures its clause's subject,
    unless someone owns it ("the Bank of England's 2% target").
    "it" and "they" stand for the subject of the sentence before, in the same paragraph."""
    doc = span.doc
    root = span.root
    if counted and span[-1].pos_ == "NOUN":  # a count ends with its noun ("between 4.2 million and 5 million cases")
        return _counted_noun(span[-1], span)
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in ("NOUN", "PROPN"):
        if len(span) == 1 and span[0].like_num:
            return "age"  # a bare number set beside a person: "Dana Whitfield, 52, a welder"
        return _phrase(root.head, span)
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ == "PRON":
            counted_before = _counted_before(span)
            if counted_before:
                return counted_before
        elif objects:
            return _phrase(objects[0], span)
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.i >= span.end and (
            root.head.lemma_.lower() not in words.target_nouns or any(c.dep_ == "poss" for c in root.head.children)):
        return _phrase(root.head, span)  # "the Bank of England's 2% target": an owned target is its own subject
    owner = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if (owner is not None and owner.pos_ == "NOUN" and owner.i < span.start
            and owner.lemma_.lower() not in words.target_nouns):
        return _phrase(owner, span)
    if root.head.lower_ in ("aged", "ages") and root.head.head.pos_ == "NOUN" and root.head.head.i < span.start:
        return _phrase(root.head.head, span)  # an age: "children aged 10 to 14" -> children
    if root.head.lower_ == "worth" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return _with_verb(root.head.head, span)
    transaction = _transaction(span, words.transaction_nouns)
    if transaction:
        return transaction
    return _clause_subject(claim_clause(root), span)


def _transaction(figure: Span, nouns: Mapping[str, str]) -> str:
    """A sum that is the object of a money verb, named by the verb's noun with what it went on or
    who made it ("Premier League clubs have spent £2 billion" -> "spending by Premier League
    clubs"; "spent ..., including €100m on Neymar" -> "spending on Neymar"); a sum told again or
    listed beside it goes with it."""
    root = anchor = figure.root
    while anchor.dep_ in ("conj", "appos") and anchor.ent_type_ and anchor.head.ent_type_ == anchor.ent_type_:
        anchor = anchor.head  # "€830 million, or some $900m", "€100m on Neymar and €90m on Mitrovic"
    verb = anchor.head
    if anchor.dep_ == "pobj" and verb.lower_ == "including":
        verb = verb.head
    elif anchor.dep_ != "dobj":
        return ""
    noun = nouns.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if noun is None:
        return ""
    purpose = [c for c in (*root.rights, *verb.rights) if c.dep_ == "prep" and c.lower_ in ("on", "for")
               and c.i > figure.end - 1]
    if purpose:
        return f"{noun} {_join(list(purpose[0].subtree))}"
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return f"{noun} by {_phrase(subjects[0], figure)}" if subjects else noun


def _counted_noun(noun: Token, figure: Span) -> str:
    """The thing a count counts: its noun with its owner and the words between the number and it
    ("the country's 27 federal units", "probable cases") and what defines it on the right ("of
    dengue", "whose fixed deals expire next year"), without a time or an aside."""
    numbers = [t.i for t in figure if t.like_num or t.dep_ in ("quantmod", "nummod")]
    owner = [t for c in noun.lefts if c.dep_ == "poss" and c.i < figure.start and c.tag_ != "PRP$" for t in c.subtree]
    kept = owner + [t for t in figure if t.i > max(numbers, default=figure.start - 1) and not t.is_punct]
    for child in noun.rights:
        if child.i >= figure.end and child.dep_ in ("prep", "relcl", "acl") and not _aside(child) \
                and not _dates(child):
            kept += list(child.subtree)
    return _join(kept)


def _counted_before(figure: Span) -> str:
    """The noun last counted before a figure in its sentence ("180,000 cases ..., 62% of them")."""
    for token in reversed(figure.doc[figure.sent.start: figure.start]):
        if token.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in token.children):
            return _join([c for c in token.lefts if c.dep_ in ("amod", "compound")] + [token])
    return ""


def _clause_subject(verb: Token, figure: Span) -> str:
    """The subject of the figure's clause; a phrase without one ("..., compared with 2.34 percent
    two years ago") compares or qualifies the subject of the clause it hangs from."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("prep", "advcl") and verb.head.i != verb.i:
        return _clause_subject(clause_head(verb.head), figure)
    if not subjects:
        return ""
    if subjects[0].lower_ in ("it", "they"):
        return _antecedent(subjects[0], figure)
    return "" if subjects[0].pos_ == "PRON" else _phrase(subjects[0], figure)


def _antecedent(pronoun: Token, figure: Span) -> str:
    """The subject of a clause above the pronoun in its sentence ("Corvane said it trimmed
    stockpiles by $65 million" -> Corvane), else the subject of the main clause of the sentence
    before, if it is in the same paragraph."""
    for above in pronoun.ancestors:
        subjects = [c for c in above.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i
                    and not c.is_ancestor(pronoun)] if above.pos_ in ("VERB", "AUX") else []
        if subjects:
            return "" if subjects[0].pos_ == "PRON" else _phrase(subjects[0], figure)
    sent = pronoun.sent
    if sent.start == 0:
        return ""
    if starts_paragraph(pronoun.doc, sent):
        return ""
    previous = pronoun.doc[sent.start - 1].sent
    subjects = [c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return _phrase(subjects[0], figure) if subjects and subjects[0].pos_ != "PRON" else ""


def _with_verb(noun: Token, figure: Span) -> str:
    """The object of a transitive verb told with the verb and its named subject, so the phrase
    stands alone ("China has imported energy commodities worth ..." -> "energy commodities
    imported by China")."""
    phrase = _phrase(noun, figure)
    verb = noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.tag_ not in ("VBN", "VBD") or verb.lemma_ in ("be", "have"):
        return phrase
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    return f"{phrase} {verb.text} by {_phrase(subjects[0], figure)}" if subjects else phrase


_DETACHED = ("punct", "acl", "appos", "advcl", "conj", "cc", "amod", "advmod")
"""Dependents right of a head that are not part of the thing named ("cars (20 percent), and ...",
"payments alone", "commodities worth $129 billion"). A relative clause not set off by a comma
defines the thing and stays ("patients who receive timely treatment")."""


def _phrase(head: Token, figure: Span) -> str:
    """The head's noun phrase without the figure itself (and the preposition that carries it),
    without a dateline, and without what hangs off to its right as an aside, a clause, a
    coordinated item or a time ("borrowing in the first half of the year"); leading articles
    dropped."""
    dropped = {t.i for t in figure}
    carrier = figure.root.head
    if figure.root.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.head.i == head.i:
        dropped.update(t.i for t in carrier.subtree)
    for child in head.rights:
        if child.dep_ in _DETACHED or _aside(child) or (child.dep_ == "prep" and _dates(child)):
            dropped.update(t.i for t in child.subtree)
    opening = dateline_end(head.sent)
    tokens = [t for t in head.subtree if t.i not in dropped and t.i >= opening]
    if head.dep_ == "pobj" and tokens and tokens[0].dep_ == "compound" and tokens[0].ent_type_ == "GPE" \
            and tokens[0].i == head.head.i + 1:
        tokens = tokens[1:]  # "exported to Russia goods": the place is the preposition's, not the noun's
    return _join(tokens)


def _aside(token: Token) -> bool:
    """Whether a dependent is set off by a comma before it ("growth, excluding bonuses,")."""
    before = token.left_edge.i - 1
    return before > token.head.i and token.doc[before].text == ","


def _dates(prep: Token) -> bool:
    """Whether a prepositional phrase is a time ("in December and January", "in the first half of
    the 2023-24 financial year")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ in ("DATE", "TIME")


def _join(tokens: list[Token]) -> str:
    """Tokens as text: the text's own spacing between neighbours, one space where words were left
    out; no leading article or possessive pronoun, no punctuation at either end."""
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].tag_ == "PRP$" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    out = []
    for token, following in zip(tokens, tokens[1:] + [None]):
        out.append(token.text)
        if following is not None:
            out.append(token.whitespace_ if following.i == token.i + 1 else " ")
    return "".join(out).strip()
