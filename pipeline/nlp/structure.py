"""Reads a parsed document's structure: its sentences, paragraphs, datelines and clauses (a clause's
tense and subject, the person an age describes)."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

DATELINE_SEPARATORS = ("-", "–", "—", "--", "_")
"""What ends a dateline: a dash, two hyphens or an underscore in old wire copy."""
DATELINE_TOKENS = 12
"""How far into its sentence a dateline's separator may come ("DAR ES SALAAM, Tanzania (AP) _")."""

MAX_DEPTH = 6
"""How deep a reading follows heads and owners before it gives up."""

_CLAUSE_LINKS = ("conj", "ccomp", "parataxis", "advcl", "relcl")
"""Dependencies that join a separate clause: its tense is not the date's."""

_TEXT_KEY = "pipeline.text"
"""Where ``doc_text`` keeps the text, in ``Doc.user_data``."""

_CLAUSE_HEADS_KEY = "pipeline.clause_heads"
"""Where ``clause_head`` keeps each token's answer, by the token's index, in ``Doc.user_data``."""

_STRINGS_KEY = "pipeline.strings."
"""Where ``token_strings`` keeps each attribute's strings, under this and the attribute's name."""

_STARTS_KEY = "pipeline.token_starts"
"""Where ``token_starts`` keeps each token's index by its first character's offset."""

_DATELINES_KEY = "pipeline.datelines"
"""Where ``dateline_end`` keeps each sentence's answer, by its (start, end), in ``Doc.user_data``."""


def index_sentences(doc: Doc, sentences: list[Span]) -> None:
    """Make ``Span.sent`` and ``Token.sent`` look their sentence up among the document's
    sentences. spaCy's own walks the tokens and first asks the document whether sentences are set,
    which reads tokens one by one as Python objects: a tenth of the extraction's time. The hooks
    give what spaCy gives: the sentence holding the span's first token. They hold offsets only: a
    hook holding the document's own spans would keep it alive until the cyclic collector ran."""
    starts, ends = [sent.start for sent in sentences], [sent.end for sent in sentences]

    def sentence_at(owner: Doc, i: int) -> Span:
        k = bisect_right(starts, i) - 1
        return Span(owner, starts[k], ends[k])  # what owner[start:end] makes, without checking the bounds

    doc.user_span_hooks["sent"] = lambda span: sentence_at(span.doc, span.start)
    doc.user_token_hooks["sent"] = lambda token: sentence_at(token.doc, token.i)


def doc_text(doc: Doc) -> str:
    """The document's text, joined once per document: ``Doc.text`` joins every token's text again
    on each call, and the stages that search the text as a whole (quotes, names as written, the
    rows' sentences) each asked for it."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def token_strings(doc: Doc, attr: str) -> list[str]:
    """Each token's string of one attribute ("LOWER", "LEMMA", "DEP"), read from the document's
    arrays once and kept in ``Doc.user_data``: the stages that look for a few words in every
    sentence ("according", a fiscal year's "ends") test these strings and make a Token only for a
    word that passes, where ``token.lower_`` makes a Token of every word of every sentence."""
    key = _STRINGS_KEY + attr
    found = doc.user_data.get(key)
    if found is None:
        strings = doc.vocab.strings
        found = doc.user_data[key] = [strings[value] for value in doc.to_array(attr).tolist()] if len(doc) else []
    return found


def token_starts(doc: Doc) -> dict[int, int]:
    """Each token's index by the offset of its first character, read from the document's arrays
    once and kept in ``Doc.user_data``: the readers that ask which token a name found in the text
    opens ("Odile Brandvik Ltd." read as a person's name) make a Token only for that word, where
    ``{t.idx: t for t in doc}`` makes one of every word."""
    found = doc.user_data.get(_STARTS_KEY)
    if found is None:
        found = doc.user_data[_STARTS_KEY] = {idx: i for i, idx in enumerate(doc.to_array("IDX").tolist())} \
            if len(doc) else {}
    return found


def keep_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the text ``doc`` was parsed from, which spaCy keeps to the character, so
    that it never joins the tokens at all (a Python object made for every token of the article). A
    text of another length than the document's is not kept."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if len(text) == end:
        doc.user_data[_TEXT_KEY] = text


def starts_paragraph(doc: Doc, sent: Span) -> bool:
    """A sentence opens a paragraph when a line break separates it from the text before it."""
    gap = doc[sent.start - 1].text_with_ws if sent.start else "\n"
    first = sent[0]
    return "\n" in gap or (first.is_space and "\n" in first.text)


def headline_and_lead(doc: Doc) -> tuple[int, int]:
    """Where an article's headline and its lead end (character offsets): the headline is a first
    line of its own with no closing stop ("Corvane posts first loss"), the lead the first sentence
    of six words or more after it, past a dateline or an update line; (0, 0) with no headline."""
    text = doc_text(doc)
    first_line = text.partition("\n")[0].rstrip()
    if "\n" not in text.strip() or not first_line or first_line[-1] in ".!?\"'”’" or len(first_line.split()) > 20:
        return 0, 0
    heading = len(first_line)
    lead = next((s for s in doc.sents if s.start_char >= heading and sum(not t.is_punct and not t.is_space for t in s) >= 6), None)
    return heading, lead.end_char if lead is not None else heading


def paragraph_numbers(doc: Doc, sentences: list[Span]) -> dict[int, int]:
    """The paragraph number of every sentence, keyed by the sentence's first token: dates carry
    their year only within a paragraph ("In 2023, ... in November")."""
    numbers, paragraph = {}, -1
    for sent in sentences:
        paragraph += starts_paragraph(doc, sent)
        numbers[sent.start] = paragraph
    return numbers


def one_sentence_paragraphs(doc: Doc, sentences: list[Span]) -> bool:
    """Whether an article is laid out as web copy is, a paragraph for about every sentence (no
    more than one and a half sentences a paragraph on average), where print copy groups several:
    a paragraph break there does not end what the sentence before was about."""
    paragraphs = sum(starts_paragraph(doc, sent) for sent in sentences)
    return bool(paragraphs) and len(sentences) <= 1.5 * paragraphs


def dateline_end(sent: Span) -> int:
    """The first token after a dateline that opens a sentence, else the sentence's first token. A
    dateline is a place in capitals, perhaps its region or the day after a comma, perhaps the
    agency in parentheses, then a dash or an underscore: "LONDON - Chelsea have ...", "SAO PAULO
    (Reuters) - ...", "KELSO, Tasmania (AP) _ Ferries ...", "ORLAND, Mo. _ ...", "TALLINN, May 3
    (Xinhua) -- ...". On a line of its own it is the whole sentence. A hyphen inside a word ("AVON
    RENT-A-CAR Corp.") separates nothing. Read once per sentence and kept with the document: the
    stages ask it of the same sentences again and again (three or four times each in news)."""
    known = sent.doc.user_data.setdefault(_DATELINES_KEY, {})
    key = (sent.start, sent.end)
    if key not in known:
        known[key] = _dateline_end(sent)
    return known[key]


def _dateline_end(sent: Span) -> int:
    place: list[Token] = []
    region: list[Token] = []  # or the day, after the place's comma
    in_parentheses = False
    for token in sent[:DATELINE_TOKENS]:
        if _separates(token):
            fits = place and all(t.is_upper for t in place) and all(_names_region(t) for t in region)
            return token.i + 1 if fits else sent.start
        if token.text in ("(", ")"):
            in_parentheses = token.text == "("
        elif in_parentheses or token.is_space:
            continue
        elif token.text == "," or region:
            region.append(token)
        else:
            place.append(token)
    return sent.start


def whole_dateline(sent: Span) -> bool:
    """Whether a sentence is nothing but a dateline ("GRAFTON, Vermont (AP) _" on a line of its
    own): neither a headline nor the lead, which is the sentence after it."""
    end = dateline_end(sent)
    return end > sent.start and all(t.is_space for t in sent.doc[end:sent.end])


def part_of_dateline(span: Span) -> bool:
    """Whether a span lies in the dateline that opens its sentence ("KELSO" and "AP" in "KELSO,
    Tasmania (AP) _ Ferries ..."): where the story was filed and who sent it, not what it is about."""
    sent = span.sent
    return span.start - sent.start < DATELINE_TOKENS and span.start < dateline_end(sent)


def _separates(token: Token) -> bool:
    """A dash or an underscore after a dateline, not a hyphen joining two words ("RENT-A-CAR").
    Two hyphens right after the agency stay one token with it ("(AP)--" is "(", "AP)--")."""
    if token.text not in DATELINE_SEPARATORS:
        return token.text.endswith("--") and token.text.rstrip("-").endswith(")")
    return token.text != "-" or bool(token.whitespace_) or token.i == 0 or bool(token.doc[token.i - 1].whitespace_)


def _names_region(token: Token) -> bool:
    """A word of the region or the day after a dateline's place: "Tasmania", "New Zealand",
    "N.Y.", "MO.", "May 3", and the full stop the tokenizer splits off a state it does not know
    ("Tex", ".")."""
    return token.is_title or token.is_upper or token.like_num or token.text in (",", ".")


def in_dateline(span: Span) -> bool:
    """'VIENNA, June 4 (Reuters) - Saudi Arabia will cut ...': the date of a dateline is the day
    the story was filed, on or before publication, whatever the tense of the sentence it opens. It
    is read from the dateline ``dateline_end`` reads, after its place, at the head of a paragraph
    ("ORLAND, Mo., Oct. 3 (AP) --"); a date opening a paragraph without one ("On April 8, ...") is
    not."""
    sent = span.sent
    return span.start > sent.start and starts_paragraph(span.doc, sent) and part_of_dateline(span)


def clause_head(token: Token) -> Token:
    """The verb (or root) that governs a token: the head of its clause. Kept by the token's index
    in ``Doc.user_data``: the stages ask it of the same few words again and again ("rose" for
    every figure of "Sales rose 4% to $2 billion"), and each step up the tree makes a Token."""
    doc = token.doc
    heads = doc.user_data.setdefault(_CLAUSE_HEADS_KEY, {})
    found = heads.get(token.i)
    if found is None:
        start = token.i
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        heads[start] = token.i
        return token
    return doc[found]


def first_conjunct(token: Token) -> Token:
    """The first of words joined by "and" or a comma, whose place in the clause the later ones
    share: "brother" in "her brother and 10 others drowned", "1,200" in "1,200 and 500 jobs"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def preposition_objects(heads: Iterable[Token], prepositions: Collection[str]) -> list[Token]:
    """The objects of the given prepositions on any of ``heads``: "Vexa" of "its purchase of Vexa"
    for ("of",)."""
    return [obj for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in prepositions
            for obj in prep.children if obj.dep_ == "pobj"]


def first_joined_verb(verb: Token) -> Token:
    """The first of verbs joined by "and" or a comma, whose links the later ones share: "killed"
    in "that killed 259 and injured 11", "met" in "met on Sunday and approved the plan"."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def _starts_clause(token: Token) -> bool:
    """Whether a token heads a clause of its own, whose tense is not that of the clause above it.
    An infinitive ("whether to raise") and a verb sharing its auxiliary ("will hold X and report
    Y") take the tense of the verb above them. A gerund after "after" or "since" tells what went
    before the clause above: "After climbing 30 percent in the first half, orders were forecast to
    slow" is no look ahead for the first half."""
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in ("after", "since"):
        return True
    if token.dep_ not in _CLAUSE_LINKS or token.pos_ not in ("VERB", "AUX"):
        return False
    children = {c.dep_: c.lower_ for c in token.children}
    if children.get("aux") == "to":
        return False
    return not (token.dep_ == "conj" and not {"aux", "nsubj", "nsubjpass"} & set(children))


def _cue_after(cue: Token, span: Span) -> bool:
    """Whether a word that looks ahead is a verb in the past tense after the date, which then
    tells when it was said, not what lies ahead: "On Friday, the government planned to pay the
    families" is a plan made on Friday ("The team planned to leave on Thursday" looks ahead)."""
    return cue.i >= span.end and cue.tag_ == "VBD"


def _dates_participle(date: Token, verb: Token) -> bool:
    """Whether a date hangs right from a participle, bare or after a preposition that places it
    ("the injunction issued Thursday", "the 19.2 percent recorded in March"), but not after one
    that sets a deadline ("homes built by 2030")."""
    if date.head.i == verb.i:
        return True
    link = date.head
    return link.dep_ == "prep" and link.head.i == verb.i and link.lower_ not in ("by", "until", "till", "before")


LOOKING_AHEAD_AUXILIARIES = frozenset({"will", "would", "'ll", "shall", "could", "may", "might"})
"""Auxiliaries of what is still to come or only may be: "will kill", "could rise", "after two years,
the rate would rise"."""


def clause_tense(span: Span, future_cues: frozenset[str] = frozenset()) -> str:
    """'past', 'future', 'present' or '' for the clause a time expression sits in: past for a verb
    in the past tense or a participle without an auxiliary that the date hangs from ("the
    injunction issued Thursday"; not "homes built by 2030"). A word that looks ahead
    ("would", "expected", "scheduled", "payable") among the words it hangs from, or their
    auxiliaries, makes it future ("is expected to grow in the year ending March 31"), and so does
    an arrangement in the present progressive ("who is running again in November")."""
    verb = clause_head(span.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & {"will", "shall", "'ll"} or "going" in auxiliaries:
        return "future"
    if verb.tag_ == "VBG" and auxiliaries & {"is", "are", "am"}:
        return "future"
    if "to" in auxiliaries and verb.dep_ == "xcomp" and verb.head.lower_ in ("is", "are", "am"):
        return "future"  # an arrangement: "is to resume trading Tuesday"
    ancestors, token = [], span.root
    while token.head.i != token.i and not _starts_clause(token):
        token = token.head  # up the clause's verb chain, and from "to raise" to "would decide"
        ancestors.append(token)
    cues = [t for t in ancestors + [c for a in ancestors for c in a.children if c.dep_ == "aux"] if t.lower_ in future_cues]
    if any(not _cue_after(t, span) for t in cues):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "did", "was", "were", "has", "have"}:
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries and _dates_participle(span.root, verb):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries:  # "Parliament returns on July 9": a schedule
        return "present"
    return ""


def by_sentence(spans: list[Span]) -> dict[int, list[int]]:
    """The indices of ``spans`` grouped by the start of their sentence, each group in order: a
    figure's neighbours in its sentence are looked up here, not found by walking every figure of
    the article (which made a 1 MB article quadratic)."""
    groups: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        groups.setdefault(span.sent.start, []).append(i)
    return groups


def in_each_sentence(sentences: list[Span], spans: Sequence[Span], items: Sequence | None = None) -> list[list]:
    """``by_sentence`` in the sentences' order: for each sentence, the spans in it (or the ``items``
    they stand for), empty where it has none. For a walk through the sentences one by one, such as
    time scoping's, which would otherwise ask each sentence for its entities (``Span.ents`` walks
    every entity of the article, which made a long article quadratic)."""
    groups = by_sentence(spans)
    chosen = spans if items is None else items
    return [[chosen[i] for i in groups.get(sent.start, ())] for sent in sentences]


FINITE_TAGS = ("VBZ", "VBP", "VBD", "MD")
"""Tags of a finite auxiliary ("is", "are", "was", "will"), which a clause with its own subject has."""


def clause_subject(verb: Token) -> Token | None:
    """A verb's subject, or for a verb without one that goes on from another, that verb's. A
    clause set after another with a finite auxiliary of its own ("is seeking") but no subject is
    one whose subject the parse took for the object before it ("Corvane raised its defenses after
    announcing a Dutch firm is seeking to buy 25%": the firm seeks, not Corvane): that noun."""
    for _ in range(MAX_DEPTH):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[-1] if split_subjects(subjects) else subjects[0]
        finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS and c.i < verb.i]
        if verb.dep_ == "advcl" and finite:
            before = verb.doc[finite[0].i - 1] if finite[0].i > 0 else None
            return before if before is not None and before.pos_ in ("NOUN", "PROPN") and before.dep_ == "dobj" else None
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def split_subjects(subjects: list[Token]) -> bool:
    """Whether a verb's two subjects are one phrase the parser split at a comma, whose head is the
    nearer: "Tarrow, Ohio-based Corvane Bank said ..." read with both "Tarrow" and "Bank" subjects."""
    return len(subjects) > 1 and any(t.text == "," for t in subjects[0].doc[subjects[0].i + 1: subjects[-1].left_edge.i])


def described_by_age(span: Span) -> Token | None:
    """The noun an age describes, read from the parse: "the return of 7-year-old Mateo Ruiz" (Ruiz),
    "Lena Hart, 34, was charged" (Hart), "the judge is 58 years old" (judge), "children aged 10 to 14"
    (children), "a bid to keep the 7-year-old in Chile" (the age itself, standing for the person in
    view); None for a figure that is no age ("a 7-year loan", "a 30-year high")."""
    root = span.root
    if root.head.lower_ == "old" and root.dep_ == "npadvmod":
        old = root.head
        if old.dep_ == "amod" and old.head.pos_ in ("NOUN", "PROPN"):
            return old.head
        if old.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "dative") and any(c.lower_ == "the" for c in old.children):
            return old  # not "remembers the war as a 13-year-old", which is the subject's age
        return clause_subject(old.head) if old.dep_ == "acomp" else None
    if root.dep_ == "appos" and len(span) == 1 and root.like_num and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    if root.head.lower_ == "aged" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head
    return None
