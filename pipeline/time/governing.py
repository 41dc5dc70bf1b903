"""Whether a time mark of a sentence, or a frame carried from sentences before, is said of a figure.

A sentence's date frames the figures of the clauses it is said of ("Operating profit fell 4% to $20
million, but its shares rose 30 cents in late trading yesterday": yesterday is the shares' day,
not the profit's), and a frame carried from earlier sentences does not date a figure that is stated
as current ("Hotels are only thirty percent full") or told ahead of a period already over ("The
payments will leave it with $130 million").
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from pipeline.nlp.structure import clause_head, clause_tense
from pipeline.time.points import published_as
from pipeline.time.scope import TimeMark


CONCESSIVE = frozenset({"although", "though", "whereas"})

SIMULTANEOUS = frozenset({"when", "while", "as"})
"""Words that open a clause telling when its main clause happened."""


def governs(frame: TimeMark, figure: Span) -> bool:
    """Whether the sentence's frame is said of the figure's clause: it is not when the frame's
    clause is one beside the figure's or an adverbial clause, with a subject of its own, that is
    not above the figure's clause ("Operating profit fell 4% to $20 million, but its shares rose 30
    cents in late trading yesterday"; "the stock slid $3 after the bank reported its results after
    the exchange shut on Tuesday": that clause's time). A clause of "when", "while" or "as" tells
    when the main clause happened ("40 people were hurt when two trams collided last March"), and
    a survey's date ("In a poll completed on Saturday, 62 percent said") still frames the sentence;
    so does a clause without a subject ("waited 3.5 days to unload in May", "in the year starting
    April 1") and a date before the sentence's main verb ("On May 2, divers, who had searched ...,
    found the hull 40 feet down", however the parse hangs it)."""
    head = clause_head(frame.span.root)
    own_clause = (head.dep_ in ("advcl", "conj") and frame.span.start > figure.sent.root.i  # not one fronted
                  and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
                  and not any(c.dep_ in ("advmod", "mark") and c.lower_ in SIMULTANEOUS for c in head.children))
    token = clause_head(figure.root)
    while token.i != head.i and token.head.i != token.i:
        token = token.head
    return token.i == head.i or not own_clause


def conceded(token: Token) -> bool:
    """'It ended up 0.8%, although this comes after a slide to a record low yesterday': a date in a
    clause that concedes something else (its verb, or one it hangs from, is marked "although",
    "though", "whereas") tells of another event, and frames none of the main clause's figures."""
    verb = clause_head(token)
    while verb.head.i != verb.i:
        if any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in verb.children):
            return True
        verb = clause_head(verb.head)
    return False


def names_another_event(span: Span) -> bool:
    """'Sales rose 12% to $2 billion, reflecting the purchase of Brandt earlier this year': a date
    that hangs from a noun of an event ("the purchase of Brandt", "the company's closing of two
    mills": a noun with what it acts on after "of" or before "'s"), itself the object of a
    participle without a subject that explains the main clause ("reflecting", "helped by"), dates
    that event, and frames none of the sentence's other figures: they keep the period of the
    story. A figure of that participle's own clause still takes it ("reflecting a $3 million
    charge in June")."""
    noun = span.root.head
    if noun.pos_ == "ADP":  # "the closing of two mills in June"
        noun = noun.head
    if noun.i == span.root.i or noun.pos_ != "NOUN" or not any(
            ((c.dep_ == "prep" and c.lower_ == "of") or c.dep_ == "poss") and not span.start <= c.i < span.end
            for c in noun.children):
        return False  # "over Thursday's closing price": the date is the noun's own, no event's
    verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head  # "helped by the sale of ..."
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and noun.dep_ in ("dobj", "pobj")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children))


def stated_as_current(figure: Span, future_cues: frozenset[str]) -> bool:
    """'Hotels are only thirty percent full': a main clause in the present tense says what is so
    now, and takes no period carried from earlier sentences. A relative clause takes the time of
    what it describes ("imported energy worth $129 billion that account for 73 percent of ..."),
    and so is current when that is told in the present too, all the way up to the main verb ("Acme
    is close to a deal with Borel that is likely to give it a 30% stake")."""
    tense = clause_tense(figure, future_cues)
    if tense == "present" and clause_head(figure.root).dep_ == "ROOT":
        return True
    verbs = [t for t in [figure.root, *figure.root.ancestors] if t.pos_ in ("VERB", "AUX")]
    return (tense in ("present", "") and bool(verbs) and verbs[-1].dep_ == "ROOT" and verbs[-1].tag_ in ("VBZ", "VBP")
            and all(v.tag_ in PRESENT_OR_PLAIN and not any(c.dep_ == "aux" and c.lower_ in future_cues
                                                            for c in v.children) for v in verbs))


PRESENT_OR_PLAIN = frozenset({"VBZ", "VBP", "VB", "VBG"})
"""Verb tags of a clause told in the present or without a tense of its own ("is likely to give")."""


OBLIGATION = frozenset({"must", "should", "may", "might", "could", "can"})


def looks_past_frame(figure: Span, frame: TimeMark | None, published: date | None, future_cues: frozenset[str]) -> bool:
    """'... paid $41.5 million in taxes during the quarter. The payments will leave it with $130
    million in loss carry-forwards'; 'That means it must pay $100 million in interest': a figure
    told in the future or as an obligation is not in a period that was over at publication, so
    such a frame carried from earlier sentences does not date it."""
    if frame is None or published is None or ".." in frame.value:
        return False
    end = frame.value.split("/")[-1]
    return told_ahead(figure, future_cues) and end < published_as(end, published)


def happened_before(figure: Span, frame: TimeMark, published: date | None, future_cues: frozenset[str]) -> bool:
    """'pledged to call an election next year after lawmakers voted 61-40': a figure told in
    the simple past happened by publication, so a frame of its sentence that starts after it (a
    plan, a horizon) does not date it. A date that describes a noun ("cut its 2025 profit estimate
    for Corvel to $3.40") names what the noun is about, and still dates the figure."""
    head = frame.span.root.head
    if head.dep_ == "prep":
        head = head.head
    start = frame.value.split("/")[0]
    return (published is not None and start > published_as(start, published)
            and head.pos_ not in ("NOUN", "PROPN") and clause_head(figure.root).tag_ == "VBD"
            and clause_tense(figure, future_cues) == "past")


def before_subordinator(figure: Span, mark: TimeMark) -> bool:
    """'pledged to call an election next year after lawmakers voted 61-40': a date written
    before the word that opens the figure's clause ("after", "when") belongs to the clause above,
    however the parse hangs it, and is not the figure's clause's own date."""
    opener = next((c for c in clause_head(figure.root).children if c.dep_ == "mark"), None)
    return opener is not None and mark.span.end <= opener.i < figure.start


def told_ahead(span: Span, future_cues: frozenset[str]) -> bool:
    """Whether a clause is told in the future or as an obligation ("will leave", "must pay")."""
    verb = clause_head(span.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return clause_tense(span, future_cues) == "future" or bool(auxiliaries & OBLIGATION)
