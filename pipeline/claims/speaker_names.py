"""Names a speaker: the canonical name of the party a reporting verb's subject, an "according to"
object or a report's owner stands for ("U.S. Secretary of State Antony Blinken" -> Antony
Blinken, "analysts at Deloitte" -> Deloitte, "Most forecasters" -> forecasters, "she" -> the
person named just before). Split from pipeline/claims/speakers.py, which finds what is reported
and by which cue.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.claims.describe import EntityIndex
from pipeline.claims.party_reading import names_body
from pipeline.claims.reported import AUTHOR, Attribution
from pipeline.claims.speech_runs import reporting_subject
from pipeline.nlp.casing import capitalised_within
from pipeline.nlp.structure import MAX_DEPTH, starts_paragraph

MUTE_LABELS = ("INDEX",)
"""Labels of entities that say nothing: "Dow Jones said ..." is the company the index shares its
name with, named as written, never the Dow Jones Industrial Average."""


def party_name(names: EntityIndex, head: Token, pronouns: set[str], titles: set[str] = frozenset(),
               quantifiers: set[str] = frozenset()) -> str:
    """The canonical name of a party: the entity its head word is part of ("the Labor Department",
    "U.S. Secretary of State Antony Blinken" -> Antony Blinken), else a person or an organisation
    named in its phrase ("analysts at Deloitte" -> Deloitte) unless it is one of joined words before
    the head ("Red Cross and hospital officials") or in an adjective's phrase after it ("people
    familiar with Kerr's case" -> people, not Kerr), else the words up to its head without
    a leading article, title, quantifier or place it is based in ("Russia's central bank", "Chancellor
    Scholz" -> Scholz, "Most forecasters" -> forecasters, "construction-industry sources", "Ohio-based
    First of Harlow" -> First of Harlow, with the "of" of its name), lower case when a common
    noun opens the sentence and the article capitalises it nowhere else, and "her"
    told as the person's ("Her office" -> "Patricia Hale's office"). "he"/"she" is the named
    subject of a sentence just before in the paragraph ("Hale answered ... “...,” she said"), else
    the last person named. Other pronouns name no one."""
    if head.pos_ == "PRON":
        return _person(names, head, pronouns, titles) if head.lower_ in pronouns else ""
    covering = [e for e in names.within(head.idx - 60, head.idx + len(head) + 60) if e["start"] <= head.idx < e["end"]]
    if covering and covering[0]["label"] not in MUTE_LABELS:
        return covering[0]["canonical"]
    # an adjective after the noun says what its people know, not who they are: "people familiar with Kerr's case"
    aside = {t.i for c in head.rights if c.dep_ in ("appos", "relcl", "acl", "amod", "punct", "conj", "cc")
             for t in c.subtree}
    aside |= {t.i for d in head.subtree if d.i not in aside and d.i != head.i and d.dep_ in ("appos", "relcl", "acl")
              for t in d.subtree}  # "a spokesman for Kestrel, the concern controlled by the Ashworth family"
    tokens = [t for t in head.subtree if t.i not in aside]
    named = names.within(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    if any(t.dep_ == "cc" and t.i < head.i for t in tokens):
        named = []  # "Red Cross and hospital officials": the people of both, not the Red Cross alone
    kin = _kin_of(names, head, titles)
    if kin:
        return kin  # "Kerr's stepmother said" is not Kerr, as "His lawyer said" is not he
    for label in ("PERSON", "ORG"):  # "analysts at Deloitte" -> Deloitte; a place is no speaker
        found = [e["canonical"] for e in named if e["label"] == label]
        if found:
            return found[-1]
    start = max((t.i + 1 for t in head.doc[head.left_edge.i: head.i] if t.pos_ in ("VERB", "AUX") or t.tag_ in ("``", "''")),
                default=head.left_edge.i)  # "'' said a Harlow spokesman" misread as one phrase: its noun phrase
    end = head.i + 1
    if head.pos_ == "PROPN":  # a name that goes on with "of": "First of Harlow said ..."
        end = max([end] + [o.right_edge.i + 1 for p in head.rights if p.dep_ == "prep" and p.lower_ == "of"
                           and p.i == head.i + 1 for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"])
    words = [t for t in head.doc[start: end] if not t.is_punct or t.text == "%" or t.tag_ in ("HYPH", "POS")]
    if not words:  # a subject of punctuation only ("said; said #!") names no one
        return ""
    while len(words) > 1 and (words[0].lower_ in ("the", "a", "an") or words[0].lower_ in quantifiers
                              or words[0].lower_.endswith("-based")  # "Ohio-based Corvane" -> Corvane
                              or (words[0].lower_ in titles and words[1].tag_ != "POS" and not names_body(words))):
        words = words[1:]
    owner = ""
    if words[0].tag_ == "PRP$" and words[0].lower_ in pronouns and len(words) > 1:
        owner = _person(names, words[0], pronouns, titles)  # "Her office" -> "Patricia Hale's office"
        words = words[1:]
    phrase = "".join(t.text_with_ws for t in words).strip()
    if owner:
        return f"{owner}'s {phrase}"
    # a name the tagger reads as a verb or adjective ("Diversified, the parent of ..., said") is a name too
    misread = head.pos_ not in ("PROPN", "NOUN") and head.is_title
    if words[0].is_sent_start and words[0].pos_ != "PROPN" and not misread and not words[0].ent_type_ \
            and not capitalised_within(words[0]):  # "Tanzanian police" keeps the capital of its name
        return phrase[:1].lower() + phrase[1:]  # "Doctors advise ..." -> "doctors", as mid-sentence
    return article_name(names, phrase) if head.pos_ == "PROPN" or misread else phrase


def _kin_of(names: EntityIndex, head: Token, titles: set[str]) -> str:
    """A person's relative, lawyer or friend who speaks, named with the person as "her"/"his" before
    the noun is ("Tomas Kerr's stepmother" -> "Tomas Kerr's stepmother", not Tomas Kerr); "" where
    the noun's owner is no person, or the noun a title that speaks for its owner ("Hale's spokesman"
    is Hale's words)."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is None or head.lower_ in titles or head.pos_ != "NOUN":
        return ""
    person = [e for e in names.within(owner.idx - 60, owner.idx + 60)
              if e["start"] <= owner.idx < e["end"] and e["label"] == "PERSON"]
    words = head.doc[owner.right_edge.i + 1: head.i + 1]
    return f"{person[0]['canonical']}'s {words.text}" if person and len(words) else ""


def article_name(names: EntityIndex, phrase: str) -> str:
    """The article's full name for a short form of it that names no entity where it stands
    ("Harlow said ..." or "a Harlow spokesman said" after "Harlow Textiles Corp." -> Harlow
    Textiles; "Acquisition said" after "KL Acquisition Corp." -> KL Acquisition): the one
    organisation or person whose canonical name or a mention of it holds the phrase's words in a row
    ("an IBM spokeswoman" -> International Business Machines), as the entities cell writes it; the
    phrase itself where no such name or several are given, or where a word of it
    is not capitalised ("the company")."""
    words = phrase.split()
    if not words or not all(word[:1].isupper() for word in words):
        return phrase
    full = {e["canonical"] for e in names.entities if e["label"] in ("ORG", "PERSON")
            and (_holds(e["canonical"].split(), words) or _holds(e["text"].split(), words))}
    return full.pop() if len(full) == 1 else phrase


def _holds(name: list[str], words: list[str]) -> bool:
    """Whether a name's words hold these words in a row: "Harlow Textiles" holds "Harlow"."""
    return any(name[i: i + len(words)] == words for i in range(len(name) - len(words) + 1))


def whose_statements(sentences: list[Span], by_sentence: list[list[Attribution]],
                     nouns: set[str], unnamed: str = "") -> list[list[Attribution]]:
    """Each sentence's reported words with what a statement of no one named says (``nouns``: "the
    statement said", "according to a report") given to whose statement it is: the speaker of the
    sentence before that told of such a statement ("Tarrow Mills said in a statement ... / Horne
    called it a setback. / “...,” the statement said." -> Tarrow Mills), else the speaker named
    last before it ("Sales rose 9 percent, the Tarrow Growers' Union said. Prices should hold, the
    statement said." -> the union), also with words before the noun ("the latest data"). Such
    words with no speaker before them are no one's: the noun names no source ("“According to the
    latest information, 900 homes burned,” Ortiz said." is Ortiz's alone), and plural ones ("reports
    said") are no one statement. A speaker ``unnamed`` ("it said" where "it" stands for no party) is
    such a statement only right after one ("..., the statement said. / ..., it said.")."""
    last, told, out, stated = "", {}, [], False
    for sent, group in zip(sentences, by_sentence):
        out.append([replace(a, speaker=told.get(_noun(a.speaker), last)) if last and (
            _noun(a.speaker) in nouns or (a.speaker == unnamed and stated)) else a
            for a in group if last or _noun(a.speaker) not in nouns])
        cues = [_noun(a.speaker) for a in sorted(group, key=lambda a: a.cue) if a.speaker != AUTHOR]
        stated = cues[-1] in nouns if cues else stated
        named = [a.speaker for a in sorted(group, key=lambda a: a.cue)
                 if a.speaker != AUTHOR and _noun(a.speaker) not in nouns]
        if named:
            last = named[-1]
            told |= {t.lemma_.lower(): named[0] for t in sent if t.lemma_.lower() in nouns and t.tag_ == "NN"}
    return out


def _noun(speaker: str) -> str:
    """A speaker's last word where it is a common noun, as written in lower case: "data" of "the
    latest data", not of the name "Control Data"."""
    word = speaker.rsplit(" ", 1)[-1]
    return word.lower() if word.islower() or word == speaker else ""


def _person(names: EntityIndex, pronoun: Token, pronouns: set[str], titles: set[str], depth: int = 0) -> str:
    """The person a "he"/"she"/"her" stands for: the named subject nearest before it in its
    sentence; else the main subject of the sentence before it, also across a paragraph break, as a
    quote set in a paragraph of its own goes on from the one who was just speaking ("Ricardo Vega
    told reporters Cubans were tired of Hale's delays. / “...,” he said." -> Ricardo Vega, not
    Hale; a "he" or "she" there stands for whom that one stands for); else the named subject
    nearest before it in the sentence before it in the paragraph; else the last person named."""
    own = _named_subject_before(pronoun, within_sentence=True)
    if own is not None and _names_person(names, own):
        return party_name(names, own, pronouns, titles)
    main = _main_subject_before(pronoun)
    if main is not None and main.pos_ == "PRON" and main.lower_ in pronouns and depth < MAX_DEPTH:
        found = _person(names, main, pronouns, titles, depth + 1)  # "She spoke of Dunn. / “...,” she said."
        if found:
            return found
    elif main is not None and _names_person(names, named_beside(main)):
        return party_name(names, named_beside(main), pronouns, titles)
    antecedent = _named_subject_before(pronoun) if own is None else None  # else the same subject
    if antecedent is not None and _names_person(names, antecedent):  # "He said Van Arden holds ...": not Van Arden
        return party_name(names, antecedent, pronouns, titles)
    person = names.last_before(pronoun.idx, "PERSON")
    return person["canonical"] if person else ""


def _names_person(names: EntityIndex, token: Token) -> bool:
    """Whether a subject names a person: a proper noun the model tags as one or not at all."""
    if token.pos_ != "PROPN":
        return False
    covering = [e for e in names.within(token.idx - 60, token.idx + 60) if e["start"] <= token.idx < e["end"]]
    return not covering or covering[0]["label"] == "PERSON"


def spokesperson_before(pronoun: Token, spokespeople: frozenset[str]) -> Token | None:
    """The spokesperson a "he"/"she" stands for: the subject nearest before it, in its sentence or
    the one before it in the paragraph, else the main subject of the sentence before it across a
    paragraph break, where that is a spokesperson ("A spokeswoman for Harlow said ... She said the
    move would cost $3 million." -> the spokeswoman, who speaks for Harlow); None where a name comes
    nearer."""
    subject = _named_subject_before(pronoun, spokespeople)
    if subject is None:
        subject = _main_subject_before(pronoun)
        subject = subject if subject is not None and subject.lower_ in spokespeople else None
    return subject if subject is not None and subject.pos_ == "NOUN" else None


def _named_subject_before(pronoun: Token, nouns: frozenset[str] = frozenset(),
                          within_sentence: bool = False) -> Token | None:
    """The proper-noun subject nearest before a pronoun, or one of these common ``nouns``, in its
    sentence or (unless ``within_sentence``) the one before it in the same paragraph."""
    doc, sent = pronoun.doc, pronoun.sent
    start = sent.start
    if sent.start > 0 and not starts_paragraph(doc, sent) and not within_sentence:
        start = doc[sent.start - 1].sent.start
    for token in reversed(doc[start: pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and (token.pos_ == "PROPN" or (token.pos_ == "NOUN"
                                                                                and token.lower_ in nouns)):
            return token
    return None


def _main_subject_before(pronoun: Token) -> Token | None:
    """The subject of the main verb of the sentence before a pronoun's, in its paragraph or the one
    before it: "Lena Ortiz" of "Lena Ortiz admitted she told the police that Dunn had lied.", not
    Dunn."""
    doc, start = pronoun.doc, pronoun.sent.start
    while start > 0:
        before = doc[start - 1].sent
        if any(not (t.is_space or t.is_punct) for t in before):
            return next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        start = before.start
    return None


def named_kinds(doc: Doc, by_sentence: list[list[Attribution]], descriptors: Mapping[str, str]) -> list[list[Attribution]]:
    """Each sentence's reported words with a speaker told by its kind ("the newspaper said") given
    to the last speaker introduced as one of that kind ("The Ledger newspaper said ...", "said
    Harbinger, a weekly newspaper"): a paper or agency the model does not know as an organisation
    is no less the one meant than a name it does know (``descriptors``: rules/entities.yml)."""
    told: dict[str, str] = {}
    out = []
    for group in by_sentence:
        kept = []
        for said in group:
            subject = reporting_subject(doc[said.cue]) if said.cue >= 0 and said.speaker != AUTHOR else None
            kind = subject.lemma_.lower() if subject is not None and subject.pos_ == "NOUN" else ""
            if kind in descriptors and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
                    and not any(c.dep_ == "compound" for c in subject.children):
                said = replace(said, speaker=told.get(kind, said.speaker))  # "the newspaper said"
            elif subject is not None and said.speaker[:1].isupper():  # a name, not "a newspaper reported"
                for noun in [subject, *(t for t in subject.subtree if t.dep_ == "appos")]:
                    if noun.pos_ == "NOUN" and noun.lemma_.lower() in descriptors:
                        told[noun.lemma_.lower()] = said.speaker  # "said Harbinger, a weekly newspaper"
            kept.append(said)
        out.append(kept)
    return out


def kind_named(head: Token, names: EntityIndex, descriptors: Mapping[str, str]) -> str:
    """The name a noun of a kind carries before it, where no entity covers it: "The Ledger
    newspaper said" -> Ledger, as the article names it in full; "" for a kind without one ("the
    newspaper", "the Ruvian newspaper")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in descriptors or names.within(head.idx, head.idx + len(head)):
        return ""
    named = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i
             and c.ent_type_ not in ("NORP", "GPE", "LANGUAGE", "DATE")]
    if not named:
        return ""
    return article_name(names, head.doc[named[0].left_edge.i: named[-1].i + 1].text)


def named_beside(noun: Token) -> Token:
    """The name set beside a common noun that stands for a party, else the noun: "a memo sent by
    Corvane's parent, Halvard Holdings," is Halvard Holdings' memo, not Corvane's."""
    if noun.pos_ != "NOUN":
        return noun
    doc, end = noun.doc, noun.right_edge.i
    if end + 2 < len(doc) and doc[end + 1].text == "," and doc[end + 2].ent_type_ in ("ORG", "PERSON"):
        return doc[end + 2]  # the name set off by a comma, as the parser may leave it unattached
    return next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), noun)


def titled_name(title: Token, titles: set[str]) -> Token | None:
    """The person a title that speaks is set beside, where the parser hangs the name from the last
    noun of the title's phrase: "The U.S. ambassador to Norway, Dan Frey, said ..." is Dan Frey
    (read as an apposition of Norway), not the person most named before; None for a title with no
    name beside it."""
    if title.pos_ != "NOUN" or title.lower_ not in titles:
        return None
    return next((t for t in title.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.ent_type_ == "PERSON"
                 and t.doc[t.left_edge.i - 1].text == ","), None)


def based_name(place: Token) -> Token | None:
    """The organisation a place opens the name of, read as that name's apposition: "Tarrow,
    Ohio-based Corvane Bank said ..." is Corvane Bank speaking, not Tarrow; None for a place
    without one."""
    if place.ent_type_ != "GPE":
        return None
    return next((c for c in place.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ != "GPE"), None)


def joining_word(subject: Token) -> str:
    """The word that joins a subject's parts: "and" in "Red Cross and hospital officials"."""
    return next((c.lower_ for c in subject.children if c.dep_ == "cc"), "and")


def group_leaders(group: Token) -> Token | None:
    """Who leads a group that speaks, named in its "led by" phrase: "a group led by Dan Fry said"
    -> Dan Fry, "an investor group led by two of its directors, Ann Roe and Bo Li, indicated" -> the
    first of the names set beside the count; None for a group led by no one named."""
    for led in (c for c in group.children if c.dep_ == "acl" and c.lemma_ == "lead" and c.tag_ == "VBN"):
        for leader in (o for a in led.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
            if leader.pos_ == "PROPN":
                return leader
            return next((c for c in [*leader.children, *group.children] if c.dep_ in ("appos", "conj")
                         and c.pos_ == "PROPN" and c.i > leader.i), None)  # as the parser hangs them
    return None


def counted_group(quantifier: Token) -> Token | None:
    """The group a quantifier standing for a subject counts: its "of" phrase ("some of the
    analysts"), else the plural subject of the sentence before it in its paragraph ("Bond analysts
    were cautious. Several had predicted ..."); None where there is none ("Some say ...")."""
    of = [o for p in quantifier.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
          if o.dep_ == "pobj" and o.pos_ != "PRON"]
    if of:
        return of[0]
    sent = quantifier.sent
    if sent.start == 0 or starts_paragraph(quantifier.doc, sent):
        return None
    subject = reporting_subject(quantifier.doc[sent.start - 1].sent.root)
    return subject if subject is not None and subject.tag_ in ("NNS", "NNPS") else None
