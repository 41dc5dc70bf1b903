"""Where sentences must break before the parser reads them: at a line break (headlines, datelines
and list items stand alone), and inside a run of words so long without a full stop that it is no
sentence (a data dump, a page's text run into one line), whose parse and every reading that
walks a figure's sentence would cost time growing with the square of its length."""
from __future__ import annotations

from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

LONGEST_RUN = 250
"""Tokens a run may hold without a word ending in a full stop, question or exclamation mark
before a sentence is made to break: well over twice the longest sentence of the news read so far
(about 100 tokens), so that no real sentence is cut, while a three-megabyte line runs in minutes
rather than days."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence, and so does the ``LONGEST_RUN``-th token of a run with
    no word ending a sentence ("... 40 tonnes and 12 more and ..." 250 tokens long). The break
    is in the text of the token before (the space after a word is never one), so the words are
    read from the document's arrays, each distinct word once, and a Token is made only for a
    word that opens a sentence: this runs in every parse, over every token."""
    strings, kinds = doc.vocab.strings, {}
    rows = doc.to_array([ORTH, IS_SPACE]).tolist()
    run = 0
    for i in range(1, len(rows)):
        before = rows[i - 1][0]
        if before not in kinds:
            text = strings[before]
            kinds[before] = "line" if "\n" in text else "end" if text.endswith((".", "?", "!")) else ""
        run = 0 if kinds[before] else run + 1
        if not rows[i][1] and (kinds[before] == "line" or run >= LONGEST_RUN):
            doc[i].is_sent_start = True
            run = 0
    return doc
