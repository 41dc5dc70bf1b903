"""``claims extract`` on arbitrary text never fails: every input line gets its record, in order, none
is an internal error (E090), and every offset indexes the text the record gives back. The texts
mix what once broke a batch (lone surrogates, control characters, lone punctuation, reporting
verbs without a subject, numbers glued to symbols) with any character at all.

``make test`` tries a bounded number of examples; a longer hunt sets ``CLAIMS_FUZZ_EXAMPLES``:
``CLAIMS_FUZZ_EXAMPLES=20000 python -m pytest tests/jobs/test_run_properties.py``."""
from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.jobs.run import extract_stream

EXAMPLES = int(os.environ.get("CLAIMS_FUZZ_EXAMPLES", "60"))

NEWS_BITS = ["said", "said;", "told", "says", "according to", "she said", "he told", "they", "Her", "The",
             ";", "#!", "—", "“", "”", '"', "'", "(", ")", ".", ",", ":", "!", "?", "...", "-", "/", "%",
             "5%", "%5", "$5", "5$", "€12", "12€", "US$3bn", "5bn", "1,000", "12percent", "x5", "5x", "3-",
             "-3", "+4.5", "½", "Q3", "2023", "'23", "August", "last", "year", "percent", "rose", "fell",
             "Exports", "Mr.", "Dr", "Reuters", "\n", "\n\n", "\t", "\r\n", "\x00", "\u200b", "\ufeff"]

pieces = st.one_of(
    st.sampled_from(NEWS_BITS),
    st.characters(categories=["Cs"]),  # a lone surrogate, as JSON can spell one
    st.characters(max_codepoint=0x1F),  # control characters
    st.characters(categories=["P", "S"]),  # lone punctuation and symbols
    st.text(max_size=8),
)
texts = st.lists(st.tuples(pieces, st.sampled_from(["", " "])), max_size=40).map(
    lambda parts: "".join(piece + space for piece, space in parts))
documents = st.lists(st.tuples(texts, texts), min_size=1, max_size=4)

LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def test_extract_answers_every_line_of_any_text(resources):
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(docs=documents)
    def any_documents(docs):  # given inside, so that a failure shows the texts, not the pipeline
        check_every_line_answered(resources, docs)

    any_documents()


def check_every_line_answered(resources, docs: list[tuple[str, str]]) -> None:
    """The property, for documents given as (text, title) pairs."""
    lines = [json.dumps({"id": f"d{n}", "title": title, "text": text}) for n, (text, title) in enumerate(docs)]
    records = list(extract_stream(lines, resources, lambda line: None))
    assert len(records) == len(lines)
    for n, (line, record) in enumerate(zip(lines, records)):
        assert "[E090]" not in record.get("error", ""), record["error"]
        assert record["id"] == f"d{n}" or record.get("line") == n + 1
        if "error" in record:
            continue
        given_text = record["article"]["text"]
        # as the line spells it: two surrogates in a row ("\\ud800\\udc00") are one character
        assert given_text == LONE_SURROGATE.sub("\ufffd", json.loads(line)["text"])
        for item in record["figures"] + record["dates"] + record["entities"] + record["quotes"] + record["claims"]:
            assert 0 <= item["start"] <= item["end"] <= len(given_text)
            assert given_text[item["start"]:item["end"]] == item["text"]
