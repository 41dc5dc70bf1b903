"""Reported words looked up by position, and the quotes of an article with their speakers: the
cue around a quote, else the quote it goes on from ("“We will build it,” said Ann Dole. / “It has
to last 20 years.”" are both Dole's), and the date words were said on ("told senators in March
2023"). Split from pipeline/claims/speakers.py, which finds the cues.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.structure import doc_text
from pipeline.records import DateMention, Quote, TimeScope

AUTHOR = "author"


def reporting_parties(speaker: str, labels: Mapping[str, str], countries: frozenset[str], bodies: frozenset[str]) -> list[str]:
    """The parties of a figure that names no one, read off the organisations that report it: a
    company reporting its sales speaks of its own ("Acme Motors said net income fell 17%"), but a
    government department or a statistics office (a word of ``bodies`` in its name) reports on
    its country, the one country the article names: "The Interior Ministry said 2.4 million
    people were out of work" after "Norway's jobless rate" is Norway's figure."""
    named = [name for name in labels if name in countries]
    return list(dict.fromkeys(
        named[0] if len(named) == 1 and bodies & set(name.lower().split()) else name
        for name in speaker.split("; ") if labels.get(name) == "ORG"))


@dataclass(frozen=True)
class Attribution:
    """Words of ``speaker`` between token ``start`` and ``end`` (half-open), said at ``time``."""

    start: int
    end: int
    speaker: str
    time: TimeScope | None = None
    cue: int = -1
    """The token of the reporting verb or "according to" that gives the words to the speaker."""


class Reported:
    """Every stretch of reported words and every quote of an article, looked up by position."""

    def __init__(self, attributions: list[Attribution], quotes: list[Quote]) -> None:
        self.attributions = sorted(attributions, key=lambda a: a.start)
        self.attribution_starts = [a.start for a in self.attributions]
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]
        self.longest = max((a.end - a.start for a in self.attributions), default=0)

    def speaker_at(self, span: Span) -> str:
        """Who asserts a figure or date: the quote it is in, the narrowest reported stretch holding
        it, else the author."""
        quoted = self.quoted_by(span)
        if quoted is not None:
            return quoted
        first = bisect_left(self.attribution_starts, span.start - self.longest)
        last = bisect_right(self.attribution_starts, span.start)
        holding = [a for a in self.attributions[first:last] if span.end <= a.end]
        return min(holding, key=lambda a: a.end - a.start).speaker if holding else AUTHOR

    def quoted_by(self, span: Span) -> str | None:
        """The speaker of the quotation marks a span is in, None outside quotes: a description the
        author gives in reported words ("Varga said the 7-year-old boy should go home") is still
        the author's."""
        i = bisect_right(self.quote_starts, span.start_char) - 1
        return self.quotes[i].speaker if i >= 0 and span.end_char <= self.quotes[i].end else None


def quote_patterns(marks: list[list[str]]) -> tuple[re.Pattern, dict[str, re.Pattern]]:
    """One pattern for the quotes of all pairs of marks, each alternative a named group: a quote
    closed on its line (``c<n>``), and for marks that open and close differently, one left open at
    the end of its paragraph (``u<n>``), as a quote running on into the next paragraph is ("``We
    will build it. / ``It has to last 20 years.''"). With it, by group, the pattern of a next
    paragraph that closes such a quote without opening it ("``We will build it. / It has to last
    20 years.''")."""
    alternatives, closing = [], {}
    for n, (open_, close) in enumerate(marks):
        o, c = re.escape(open_), re.escape(close)
        alternatives.append(f"{o}(?P<c{n}>(?:(?!{c})[^\n])+){c}")
        if open_ != close:
            alternatives.append(f"{o}(?P<u{n}>(?:(?!{c})(?!{o})[^\n])+)$")
            closing[f"u{n}"] = re.compile(f"\n+(?P<h>(?:(?!{c})(?!{o})[^\n])+){c}")
    return re.compile("|".join(sorted(alternatives, key=lambda a: "(?P<u" in a)), re.MULTILINE), closing


def find_quotes(doc: Doc, sentences: list[Span], by_sentence: list[list[Attribution]],
                patterns: tuple[re.Pattern, dict[str, re.Pattern]], min_words: int) -> list[Quote]:
    """Quotes with a speaker: the cue around them, else the quote just before in the paragraph
    (``patterns`` from ``quote_patterns``)."""
    starts = [s.start_char for s in sentences]
    quotes: list[Quote] = []
    text = doc_text(doc)
    pattern, closing = patterns
    done = 0
    for match in pattern.finditer(text):
        if match.start() < done:
            continue
        found = [(match.start(match.lastgroup), match.end(match.lastgroup))]
        closed = closing[match.lastgroup].match(text, match.end()) if match.lastgroup in closing else None
        if closed is not None:  # "``We will build it. / It has to last 20 years.''"
            found.append((closed.start("h"), closed.end("h")))
            done = closed.end()
        for start, end in found:
            quote = _quote(doc, text, starts, by_sentence, quotes, *_trim(text, start, end), min_words)
            if quote is not None:
                quotes.append(quote)
    return quotes


def _quote(doc: Doc, text: str, starts: list[int], by_sentence: list[list[Attribution]], quotes: list[Quote],
           start: int, end: int, min_words: int) -> Quote | None:
    """The quote from ``start`` to ``end`` with its speaker, None without one or too short."""
    if len(text[start:end].split()) < min_words:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentence_index = bisect_right(starts, start) - 1
    last = bisect_right(starts, end - 1) - 1
    nearby = [a for group in by_sentence[sentence_index: last + 1] for a in group]
    # a cue inside the quote is the speaker's own report ("“People say ...,” Hale said")
    owner = next((a for a in nearby if a.start < span.end and span.start < a.end and a.speaker != AUTHOR
                  and not span.start <= a.cue < span.end), None)
    if owner is None and quotes and _continues(text, quotes[-1], start, end):
        owner = Attribution(0, 0, quotes[-1].speaker, quotes[-1].time)
    if owner is None and not text[end: starts[last + 1] if last + 1 < len(starts) else len(text)].strip(QUOTE_MARKS + ".,;:!?\n"):
        owner = _introduced(text, starts, by_sentence, sentence_index, start)  # a quote that is its sentences
    if owner is None:
        return None
    return Quote(start=start, end=end, text=text[start:end], sentence_index=sentence_index,
                 speaker=owner.speaker, time=owner.time)


def introduced_words(verb: Token, sent: Span) -> tuple[int, int] | None:
    """What a reporting clause ending in a colon introduces without quotation marks, as token
    offsets, where the colon closes the clause's own phrase: the rest of its paragraph, or the
    paragraph after it where the colon ends one ("The Ledger said in an editorial on Friday: / The
    fire was the worst in 40 years."); where the clause opens the article, as a reprinted editorial
    or statement does, the whole article after it. None without such a colon, or where a quote
    follows it (a quote has its own speaker)."""
    doc = verb.doc
    colon = next((t for t in doc[verb.i + 1: sent.end] if t.text == ":" or t.pos_ in ("VERB", "AUX")), None)
    if colon is None or colon.text != ":":  # "said the two men have one thing in common: ..." reports its clause
        return None
    start = next((t.i for t in doc[colon.i + 1:] if not t.is_space), len(doc))
    if start == len(doc) or doc[start].is_quote or doc[start].text.strip(QUOTE_MARKS) == "":
        return None
    if all(t.is_space for t in doc[:sent.start]):
        return start, len(doc)
    return start, next((t.i + ("\n" in t.whitespace_) for t in doc[start:] if "\n" in t.text_with_ws), len(doc))


def _introduced(text: str, starts: list[int], by_sentence: list[list[Attribution]], index: int,
                start: int) -> Attribution | None:
    """The cue of the sentence just before a quote that makes up its sentences, with no cue of its
    own, in its paragraph or ending the one before: the speaker who was reporting goes on in their own
    words ("Maria Vance, who runs a dairy, said the year was poor. “We lost 40 percent of the
    herd.”" -> Maria Vance). None where that sentence reports nothing, or the quote does not open
    its sentence."""
    if index == 0 or text[starts[index]:start].strip(QUOTE_MARKS) or text[starts[index - 1]:start].count("\n\n") > 1:
        return None
    told = sorted((a for a in by_sentence[index - 1] if a.speaker != AUTHOR), key=lambda a: a.cue)
    return told[-1] if told else None


def _continues(text: str, previous: Quote, start: int, end: int) -> bool:
    """Whether a quote from ``start`` to ``end`` goes on from ``previous``: nothing but a sentence
    or two of attribution between them, in the same paragraph, or ending it and the quote making
    up the next paragraph ("“We will build it,” said Ann Dole. / “It has to last 20 years.”" are
    both Dole's; not "/ “It will fly in May,” a pilot said.")."""
    lines = text[previous.end:start].split("\n")
    if len(lines) == 1:
        return len(lines[0]) < 200
    return len(lines[0]) < 200 and not any(line.strip() for line in lines[1:-1]) \
        and not lines[-1].strip(QUOTE_MARKS) and not text[end:].split("\n", 1)[0].strip(QUOTE_MARKS + ".,;:!?")


QUOTE_MARKS = " \t\"'`“”‘’«»"  # quote marks as news text writes them, and the spaces around them


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Quote offsets without surrounding spaces and the closing punctuation inside the marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    return start, end


DATING_PATH = ("prep", "pobj", "npadvmod", "acl", "advmod", "pcomp")
"""Dependencies on the way from a date up to a reporting verb that keep it a date of the saying
("told senators in March 2023", "in a joint statement issued on February 4, 2022"); through a
subject, a clause or a noun's relative clause it dates something else ("said Carol Hendricks, who
has run a bakery since 1994")."""


def statement_time(verb: Token, dates: list[DateMention], doc: Doc) -> TimeScope | None:
    """The date the words were said: a date in the verb's own phrase, outside what it reports."""
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not mention.value:
            continue
        token = span.root
        while token.i != verb.i and token.dep_ in DATING_PATH and token.head.i != token.i:
            token = token.head
        if token.i == verb.i:
            return TimeScope(mention.text, mention.value, "statement")
    return None
