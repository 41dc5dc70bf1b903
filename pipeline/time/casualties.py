"""The event a count of victims belongs to: "The blasts have killed 90 people", "At least 40 were hurt".

A toll is a figure of the event that caused it, and news gives the event's day to it however it
is told: in the present perfect with the event for subject ("The bombings at the two depots have
killed more than 90 people and wounded 400", after "Sunday's bombings"), which ``events`` reads
as a total to date for any other verb; or with no event named at all, where the figure's
paragraph or the one before it is about one event the article dates ("Twin blasts tore through a
market in the port. At least 40 were killed and 300 hurt, police said Sunday. ... The bombs went
off on Saturday" -> Saturday). A casualty is a verb or adjective of ``toll_verbs`` in
rules/lexicons.yml (killed, injured, wounded, hurt, died, dead) that the figure counts the victims
of: its subject ("40 were killed", "12 died"), its object ("wounded 400"), or the noun it describes
("12 dead"); or a verb of ``victim_count_verbs`` giving the number of ``victim_nouns`` ("The victims in the
capital numbered 57, including 4 tourists": the toll of the day the blasts went off).

Counter-examples: "Road accidents killed 300 people last year" names its own date; a paragraph
naming two kinds of event the article dates ("the blast ... the crash") gives neither; "Dozens
were still missing" and "the toll has risen to 40" (a running toll) are no casualties of the event.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.structure import LOOKING_AHEAD_AUXILIARIES, clause_head, starts_paragraph
from pipeline.records import TimeScope
from pipeline.time.fallback import UNDATED_SOURCES
from pipeline.time.scope import is_single_day

VICTIM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
APPROXIMATING = frozenset({"over", "about", "around", "nearly", "almost", "some"})


def casualty(figure: Span, toll_verbs: frozenset[str],
             tallies: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> Token | None:
    """The casualty verb or adjective a figure counts the victims of ("40 were killed", "wounded
    over 400", "12 dead", "killed 90 people, including 12 children"), or the verb numbering the
    victims ("the casualties totaled 57, including 4 tourists"), else None. ``tallies`` are the
    victim nouns and the verbs that number them."""
    token = figure.root
    if token.head.lemma_.lower() in toll_verbs and token.dep_ in ("amod", "acomp", "nsubj", "npadvmod"):
        return token.head  # "12 dead", "1,700 injured"
    while token.dep_ == "pobj" and token.head.head.i != token.head.i and token.head.lower_ == "including":
        token = token.head.head  # "200 people, including 12 Americans": victims too
    verb = clause_head(token)
    if verb.lemma_.lower() in tallies[1] and (token.i == verb.i or token.head.i == verb.i and token.dep_ in (
            "dobj", "attr", "npadvmod")) and any(c.dep_ == "nsubj" and c.lemma_.lower() in tallies[0]
                                                 for c in verb.children):
        return verb  # "the victims numbered 57", and "including 4 tourists" hung on the verb
    approximate = token.dep_ == "pobj" and token.head.lower_ in APPROXIMATING and token.head.head.i == verb.i
    if (approximate or token.dep_ in VICTIM_DEPS and token.head.i == verb.i) and verb.lemma_.lower() in toll_verbs:
        return verb  # "wounded over 400", which the parse may read as a preposition
    return None


def told_as_toll(verb: Token) -> bool:
    """'have killed 90 people', 'killed 90', 'were killed': a casualty verb told in the present
    perfect or the past, not the future ("will kill") nor the present of a narration ("One
    person is killed", told of a blast years before)."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return not auxiliaries & (LOOKING_AHEAD_AUXILIARIES | {"is", "are", "am"})


def event_subjects(verb: Token) -> list[Token]:
    """The subjects of a casualty verb, or of the verb it is joined to ("The blasts have killed 90
    people ... and wounded 400": the blasts for the wounded too)."""
    subjects = []
    while True:
        subjects += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            return subjects
        verb = verb.head


def named_kinds(figure: Span, sentences: list[Span], kinds: dict[str, str]) -> dict[str, Token]:
    """The kinds of event named (by any of ``kinds``' nouns) in the figure's paragraph and in the
    one before it, each with the first noun that names it: what a toll naming no event is about."""
    doc = figure.doc
    index = next(i for i, s in enumerate(sentences) if s.start <= figure.start < s.end)
    starts = [i for i in range(index + 1) if i == 0 or starts_paragraph(doc, sentences[i])]
    last = index
    while last + 1 < len(sentences) and not starts_paragraph(doc, sentences[last + 1]):
        last += 1
    found: dict[str, Token] = {}
    for token in doc[sentences[starts[-2] if len(starts) > 1 else 0].start:sentences[last].end]:
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in kinds:
            found.setdefault(kinds[token.lemma_.lower()], token)
    return found


def joined_toll_scopes(figures: list[Span], scopes: list[TimeScope | None],
                       toll_verbs: frozenset[str]) -> list[TimeScope | None]:
    """Every figure's scope, the counts of one toll given the day one of them is dated by: the
    figures whose clause is the same casualty verb ("More than 100 people have been killed and more
    than 1,000 others wounded in the blasts on Friday", where the parse hangs the day from the
    second count; "More than 100 people have died, eight of them Americans, since a bomb went off
    Friday", where only the first is read as the toll) are one toll, and an undated one (the
    article's day or a carried frame) takes the one day the others were given. Counter-examples:
    counts of two days ("killed 12 on Friday and 30 on Saturday": each keeps its own) and counts of
    other verbs ("killed 12 people, bringing this year's toll to 300") keep theirs."""
    groups: dict[int, list[int]] = {}
    for i, figure in enumerate(figures):
        verb = clause_head(figure.root)
        if verb.lemma_.lower() in toll_verbs:
            groups.setdefault(verb.i, []).append(i)
    out = list(scopes)
    for members in groups.values():
        days = {scopes[i].value: scopes[i] for i in members if scopes[i] is not None
                and scopes[i].source not in UNDATED_SOURCES and is_single_day(scopes[i].value)}
        if len(days) != 1:
            continue
        for i in members:
            if scopes[i] is not None and scopes[i].source in UNDATED_SOURCES:
                out[i] = next(iter(days.values()))
    return out
