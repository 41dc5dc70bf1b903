"""The parts figures play in one change statement: a start point after "from", an end point after
"to", the change itself ("by 36 percent to $190 billion", "to $240 from $195"), and which
neighbouring figures make one statement."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

LINK_PARTS = {"from": "from", "to": "to"}


def link_parts(doc: Doc, spans: list[Span], roles: list[str], fillers: set[str]) -> list[str]:
    """The part each figure plays in a change statement: "from" (start point), "to" (end point),
    "by" (the change itself), or "" for none. "from"/"to" may stand a few filler words before the
    figure ("to a record 102.3 million bpd"); a change right after another by "or" is the same
    change in other units ("gained $1.60, or 2.2%"); a level of the same kind right before a "from"
    figure in its sentence is the end point ("14% of its iPhones, up from 7 percent")."""
    parts = []
    for i, (span, role) in enumerate(zip(spans, roles)):
        word = _link_word(doc, span.start, fillers)
        if word in LINK_PARTS:
            parts.append(LINK_PARTS[word])
        elif role == "change" or (word == "or" and i and parts[-1] == "by"):
            parts.append("by")
        else:
            parts.append("")
    for i in range(1, len(parts)):
        if parts[i] == "from" and parts[i - 1] == "" and spans[i - 1].sent.start == spans[i].sent.start \
                and roles[i - 1] != "change":
            parts[i - 1] = "to"
    return parts


def _link_word(doc: Doc, start: int, fillers: set[str]) -> str:
    """The first word before a figure that is not a filler (at most three fillers are skipped)."""
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].lower_ in fillers:
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def link_groups(doc: Doc, spans: list[Span], parts: list[str]) -> list[tuple[int, ...]]:
    """For each figure, the indices of the other figures of its change statement: a run of
    neighbouring figures of one sentence that each play a part, no part twice, with no verb of a
    subject of its own between them, which would start another statement ("by 36 percent to $190
    billion"; "to $240 from $195"; "added $2 million to reserves, increasing them to $30 million";
    but "Brisco fell 14 to #11.62, Harlow slid 9.5 to 200.5" is two). A figure alone in its run
    links to nothing."""
    groups: list[list[int]] = []
    for i, (span, part) in enumerate(zip(spans, parts)):
        previous = groups[-1] if groups else []
        joins = (part and previous and parts[previous[-1]] and previous[-1] == i - 1
                 and spans[previous[-1]].sent.start == span.sent.start
                 and not any(_has_subject(t) for t in doc[spans[previous[-1]].end:span.start])
                 and (part not in {parts[j] for j in previous} or _alternative(doc, span)))
        if joins:
            previous.append(i)
        else:
            groups.append([i])
    linked: list[tuple[int, ...]] = [()] * len(spans)
    for group in groups:
        for i in group:
            linked[i] = tuple(j for j in group if j != i) if len(group) > 1 else ()
    return linked


def _has_subject(token: Token) -> bool:
    """Whether a word is a verb with a subject of its own ("Harlow slid"), not a participle that
    continues its clause ("increasing reserves")."""
    return token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _alternative(doc: Doc, span: Span) -> bool:
    """The same figure in other units, after "or" ("$1.60, or 2.2%")."""
    return span.start > 0 and doc[span.start - 1].lower_ == "or"
