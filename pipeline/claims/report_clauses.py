"""How a reporting verb stands in its sentence: whether it is used as a verb and speaks at all
("did not say" gives no words), the source named after it ("..., reported Morgenposten."), the
"by" phrase of a passive one ("was confirmed by police"), a speaker misread after a quote or a
cue misread as a noun ("..., the Tarrow Retail Council forecasts."), and which stretch of the sentence it
reports beyond its own dependents: the clause before it ("Inflation held at 6.7 per cent, the
Office for National Statistics said"), the clause it interrupts ("Mr. Kerr, the agency said,
earned $8 million") and the noun its relative clause says something of ("4,000 jobs that Corvane
said would go"). Split from pipeline/claims/speakers.py, which gives those stretches a speaker.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.claims.speech_runs import reporting_subject
from pipeline.nlp.structure import dateline_end


def tells_past(verb: Token) -> bool:
    """Whether a verb is in the past tense, also as a passive or perfect ("killed", "was
    rescued", "had agreed")."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


def inverted_source(verb: Token) -> Token | None:
    """The source named after a reporting verb that follows what it reports with no subject of its
    own, misread as going on from the clause before it ("Police held two men, reported Morgenposten."
    read as the police reporting Morgenposten): its object, a name that ends the sentence; or
    misread as part of that name (``_named_after``)."""
    doc = verb.doc
    if verb.dep_ == "compound":
        return _named_after(verb)
    if verb.dep_ not in ("advcl", "conj") or verb.head.i > verb.i or doc[verb.i - 1].text != "," \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    source = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
                   and c.ent_type_ not in ("DATE", "TIME")), None)  # not "..., announced Monday."
    return source if source is not None and all(t.is_punct for t in doc[source.right_edge.i + 1: verb.sent.end]) else None


def _named_after(verb: Token) -> Token | None:
    """The name after a reporting verb misread as a word of that name, where the verb follows what
    it reports and ends the sentence with the name ("“No one has built 12 a year,” claims analyst
    Mark Dunn." read as a name "claims analyst Mark Dunn"): the name's last word."""
    doc, name = verb.doc, verb.head
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if verb.tag_ not in ("VBZ", "VBD") or name.pos_ != "PROPN" or name.i < verb.i \
            or not (doc[verb.i - 1].text == "," or doc[verb.i - 1].is_quote):
        return None
    return name if all(t.is_punct or t.is_space for t in doc[name.right_edge.i + 1: verb.sent.end]) else None


def quoted_speaker(verb: Token) -> Token | None:
    """The speaker named between a closing quote mark and a reporting verb left without a subject,
    where the parser hung the name from the quote's last noun ("“We knew the road,” a guard,
    speaking on condition of anonymity, said." read with "a guard" in apposition to "road"): the
    first noun or pronoun there whose head is before the quote mark."""
    doc = verb.doc
    close = next((t for t in reversed(doc[verb.sent.start: verb.i]) if t.tag_ == "''" or t.text in ("”", '"')), None)
    if close is None or not any(c.dep_ in ("ccomp", "parataxis") and c.i < close.i for c in verb.children):
        return None
    return next((t for t in doc[close.i + 1: verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON") and t.head.i <= close.i
                 and t.dep_ not in ("nsubj", "nsubjpass")), None)


def noun_cue(word: Token) -> tuple[Token, tuple[int, int]] | None:
    """A reporting verb misread as a plural noun in a cue after what it reports ("Sales should
    rise 4 percent, the Tarrow Retail Council forecasts." read with "forecasts" a noun): the head of
    its subject, a name or a phrase after "the" set off by a comma, and the clause before that
    comma; None elsewhere ("It sells books, magazines and trade reports.")."""
    doc, sent = word.doc, word.sent
    if word.tag_ != "NNS" or not word.lower_.endswith("s") or word.i + 1 >= sent.end or doc[word.i + 1].text not in (",", "."):
        return None
    comma = word.i - 1
    while comma > sent.start and doc[comma].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART"):
        comma -= 1
    start, subject = dateline_end(sent), doc[word.i - 1]
    if doc[comma].text != "," or comma + 1 == word.i or subject.pos_ not in ("PROPN", "NOUN") \
            or not (doc[comma + 1].lower_ == "the" or doc[comma + 1].pos_ == "PROPN"):
        return None
    return (subject, (start, comma)) if any(t.pos_ in ("VERB", "AUX") for t in doc[start:comma]) else None


def passive_agent(verb: Token) -> Token | None:
    """Who a passive verb's "by" phrase names: the mayor of "was hailed by the mayor as ..."."""
    return next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)


def verbal(token: Token) -> bool:
    """Whether a word is used as a verb: tagged so, or a noun read where a verb with a subject and
    a clause stands ("Prosecutors allege he hid $2 million", "allege" taken for a noun)."""
    return token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children)
                                              and any(c.dep_ == "ccomp" for c in token.children))


def has_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own: "as prices fell" has, "bringing its total to
    512" has not."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def hedged(verb: Token) -> bool:
    """"can report", "did not say", "requires parties to publish": no words are given to anyone.
    Asked only of reporting verbs, as building every token's children is slow."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children) or (
        verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children))


def says_of_its_noun(verb: Token) -> bool:
    """Whether a reporting verb's relative clause says something of the noun it hangs from, the
    subject of what is said: "4,000 workers that Corvane said would be let go"; not where the
    noun is only what another subject acted on ("a speech that aides said she had rewritten"), nor
    where the noun itself speaks ("500 workers who said they were fired")."""
    subject = reporting_subject(verb)
    if verb.dep_ != "relcl" or subject is None or subject.tag_ in ("WDT", "WP"):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") and any(s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in ("WDT", "WP")
                                                        for s in c.children) for c in verb.children)


def leading_clause(verb: Token, sent: Span) -> tuple[int, int] | None:
    """The clause before a comma that opens a sentence whose reporting verb and subject come after
    it ("Inflation held at 6.7 per cent, the Office for National Statistics said"): its tokens,
    after any dateline. A phrase without a subject of its own is no such clause, nor a prepositional
    phrase with a clause inside it ("In Tokyo, where shares fell 2 percent, analysts said ..."). A
    cue set in the middle of a sentence ("That era ended, she said, sometime in the mid-2000s")
    gives the whole clause it interrupts."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i > sent.start]
    if verb.dep_ == "parataxis" and subjects and (verb.head.i < verb.i or _set_off(verb)):
        # "That era ended, she said, in ...", "The bridge, officials said, will cost ..."
        return max(verb.head.left_edge.i, dateline_end(sent)), verb.head.right_edge.i + 1
    if verb.dep_ == "conj" and subjects and verb.head.i < verb.i < subjects[0].i and sent.doc[verb.i - 1].text == ",":
        return max(verb.head.left_edge.i, dateline_end(sent)), verb.i - 1  # "... in two campaigns, say consultants"
    if verb.dep_ != "ROOT" or not subjects or subjects[0].i > verb.i:
        return None
    comma = subjects[0].left_edge.i - 1
    start = dateline_end(sent)
    if comma <= start or sent.doc[comma].text != ",":
        return None
    has_subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in sent.doc[start:comma]) or any(
        c.dep_ == "dep" and start <= c.i < comma for c in verb.children)  # "The loss of $3 a share ..., Ford said"
    opening = [c.dep_ for c in verb.children if start <= c.i < comma]
    if opening and all(dep == "prep" for dep in opening):
        return None  # a phrase that sets the scene: "In Tokyo, where shares fell 2 percent, analysts said ..."
    return (start, comma) if has_subject else None


def _set_off(verb: Token) -> bool:
    """Whether a reporting clause sits between commas inside the clause it reports, after that
    clause's subject ("Mr. Kerr, the agency said, earned $8 million") or after a clause that opens
    it ("If the board balks within 30 days, she said, the bid would lapse"): not a clause of its
    own before the rest of the sentence."""
    doc, subject = verb.doc, reporting_subject(verb)
    before, after = subject.left_edge.i - 1, verb.right_edge.i
    after += doc[after].text != ","  # the closing comma may hang from the cue itself
    return before > verb.sent.start and after < len(doc) and doc[before].text == "," and doc[after].text == "," \
        and any((c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "advcl" and has_subject(c))) and c.i < before
                for c in [*verb.head.children, *verb.children])


def clause_tail(verb: Token, comparing: frozenset[str]) -> list[Token]:
    """The end of a reported clause that the parser hung from a cue set after the clause's verb
    ("Spending will rise slightly, Ms. Vance said, from an estimated $80 million this year.", read
    with "from ..." a phrase of "said"): a phrase after the cue and its comma, opened by a word of
    ``comparing`` (rules/speech.yml ``comparison_words``), where what the cue reports comes before
    it. A phrase of the saying itself ("..., she said, in a call with analysts") is no such tail."""
    doc = verb.doc
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in comparing
            and doc[c.i - 1].text == ","]
