"""Reported words that run on past the sentence of their cue: a transcript's soundbite after
"<person> says ...", indirect speech that goes on in the next sentence with a modal ("The maker
said the notes would pay 9% a year. They would mature in 2031." are both the maker's), and a source
given in the sentence after what it says ("Fares rose 4%. That's according to the Tolland
survey."). Split from
pipeline/claims/speakers.py, which finds the cues.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.claims.reported import AUTHOR, Attribution
from pipeline.nlp.structure import split_subjects, starts_paragraph

FINITE_TAGS = ("VBD", "VBP", "VBZ")
"""Tags of a verb in a tense of its own: an adverbial clause in one without a subject is a misread
sentence ("Varga remains at large and deputies concede ..." read as "at large and deputies", then
"concede"), not a participle going on from the verb above ("said Karen Lutz, noting that ...")."""


def reporting_subject(verb: Token) -> Token | None:
    """A verb's subject, or for a verb without one that goes on from another ("She set a goal ...
    and said ...", "said Karen Lutz, noting that ..."), the subject of the verb it goes on from."""
    while True:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:  # "Mr. Kerr, the agency said, earned ...", misread with two subjects of "said"
            return subjects[-1] if verb.dep_ == "parataxis" or split_subjects(subjects) else subjects[0]
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i or (
                verb.dep_ == "advcl" and verb.tag_ in FINITE_TAGS):
            return None
        verb = verb.head


def continued(doc: Doc, sentences: list[Span], by_sentence: list[list[Attribution]],
              modals: set[str]) -> list[Attribution]:
    """Sentences that go on with someone's indirect speech: a sentence of the same paragraph with
    no cue of its own, whose main verb takes a modal of reported speech (``modals``: "would",
    "could"), after reported words that have one ("Kestrel said the bonds would pay 7% a year. They
    would be repaid in 2030." -> Kestrel for both, and on through such sentences), about what the
    reported words were about: its subject a pronoun or the noun of a subject in them. A sentence
    in a tense of its own ("The shares trade at $40."), one about something else ("... said it would
    seek a law. The plan would also cost $2 million.") is the author's, and one with a cue of its
    own is its own speaker's."""
    out: list[Attribution] = []
    carried: list[Attribution] = []
    for index, sent in enumerate(sentences):
        before, carried = carried, []
        if index == 0 or by_sentence[index] or starts_paragraph(doc, sent):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in modals for c in sent.root.children):
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        reported = [a for a in by_sentence[index - 1] + before if a.speaker != AUTHOR
                    and any(t.dep_ == "aux" and t.lower_ in modals for t in doc[a.start:a.end])
                    and (subject.pos_ == "PRON" or any(t.dep_ in ("nsubj", "nsubjpass") and t.lemma_ == subject.lemma_
                                                       for t in doc[a.start:a.end]))]
        if reported:
            carried = [Attribution(sent.start, sent.end, reported[-1].speaker, reported[-1].time, reported[-1].cue)]
            out += carried
    return out


def pointed_back(doc: Doc, sentences: list[Span], by_sentence: list[list[Attribution]]) -> list[Attribution]:
    """The sentence before one that only names its source, pointing back with "that" or "this"
    ("Bus fares rose 4 percent in May. That's according to the Tolland survey of 900 riders." ->
    Tolland survey, as a broadcast gives its source), in the same paragraph."""
    out = []
    for index, sent in enumerate(sentences[1:], 1):
        words = [t for t in sent if not t.is_space]
        if not words or words[0].lower_ not in ("that", "this") or starts_paragraph(doc, sent):
            continue
        cue = next((t for t in words[1:] if t.lemma_ != "be"), None)
        source = next((a for a in by_sentence[index] if cue is not None and a.cue == cue.i and a.speaker != AUTHOR), None)
        if source is not None:
            out.append(Attribution(sentences[index - 1].start, sentences[index - 1].end, source.speaker, source.time, cue.i))
    return out


def soundbites(doc: Doc, sentences: list[Span], by_sentence: list[list[Attribution]],
                pronouns: set[str]) -> list[Attribution]:
    """A broadcast transcript's soundbites: where an article marks no quote at all, a paragraph
    that ends in "<person> says <clause>." hands the paragraph after it to that person, whose
    recorded words it is ("Maria Gonzalez of the growers' union says the harvest was poor. / We
    lost about forty percent this year." -> `Maria Gonzalez`). A correspondent's hand-off ("Lee
    Chan reports.") is no soundbite, nor what "officials say" (no one voice)."""
    out = []
    for index, sent in enumerate(sentences[:-1]):
        said = next((a for a in by_sentence[index] if a.cue == sent.root.i), None)
        if said is None or not starts_paragraph(doc, sentences[index + 1]) or not _introduces(sent.root, pronouns):
            continue
        end = next((s.start for s in sentences[index + 2:] if starts_paragraph(doc, s)), len(doc))
        out.append(Attribution(sentences[index + 1].start, end, said.speaker, said.time, sent.root.i))
    return out


def _introduces(verb: Token, pronouns: set[str]) -> bool:
    """Whether a sentence's root is a person's present "says" with a clause: a transcript's lead-in."""
    subject = reporting_subject(verb)
    return verb.lemma_ == "say" and verb.tag_ == "VBZ" and subject is not None and \
        (subject.ent_type_ == "PERSON" or subject.lower_ in pronouns) and any(c.dep_ == "ccomp" for c in verb.children)
