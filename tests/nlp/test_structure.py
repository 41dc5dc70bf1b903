"""Sentences, paragraphs, datelines and clauses: sentence look-ups through the document's sentence
starts give what spaCy's own give."""
from pathlib import Path

import pytest

from pipeline.nlp.structure import (clause_head, clause_subject, clause_tense, dateline_end, doc_text, first_joined_verb,
                                    in_dateline, index_sentences, paragraph_numbers, part_of_dateline, preposition_objects,
                                    starts_paragraph, token_starts, token_strings)

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"


def test_span_and_token_sentences_are_spacys_own(resources):
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))[:8]]
    texts.append("HEADLINE IN CAPITALS\n\nFirst one.  Second one!\n\n- a list item\nno stop here")
    for doc in resources.nlp.pipe(texts):
        spans = [doc[i:j] for i in range(0, len(doc), 3) for j in (i + 1, min(i + 7, len(doc)), min(i + 40, len(doc)))]
        expected = ([(t.sent.start, t.sent.end) for t in doc], [(s.sent.start, s.sent.end) for s in spans])
        index_sentences(doc, list(doc.sents))
        assert "sent" in doc.user_span_hooks
        assert ([(t.sent.start, t.sent.end) for t in doc], [(s.sent.start, s.sent.end) for s in spans]) == expected


def test_doc_text_is_the_documents_text_joined_once(resources):
    text = "Sales rose 5% in May.\n\nThe  board\tmet on Friday. "
    doc = resources.nlp(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)  # kept, not joined again
    assert doc_text(resources.nlp("Another text.")) == "Another text."

def test_token_strings_are_the_tokens_own(resources):
    doc = resources.nlp("The Harlow board said on Monday that its profits rose 7% to $40 million.")
    assert token_strings(doc, "LOWER") == [t.lower_ for t in doc]
    assert token_strings(doc, "LEMMA") == [t.lemma_ for t in doc]
    assert token_strings(doc, "DEP") == [t.dep_ for t in doc]
    assert token_strings(doc, "ORTH") == [t.text for t in doc]
    assert token_strings(doc, "LOWER") is token_strings(doc, "LOWER")  # read once


def test_a_clause_head_asked_again_is_the_same_word(resources):
    doc = resources.nlp("Shares of Tessin Group fell 3 percent on Tuesday, and bonds rose.")
    first = [clause_head(t).i for t in doc]
    assert [clause_head(t).i for t in doc] == first
    assert doc[first[2]].text == "fell" and doc[first[-2]].text == "rose"


def test_an_extracted_doc_is_freed_without_the_cyclic_collector(resources):
    """The hooks hold offsets, not the document's spans, so no reference cycle keeps a Doc alive."""
    import gc
    import weakref
    from datetime import date

    from pipeline.extract import extract_doc
    from pipeline.nlp.parse import parse_articles
    from pipeline.records import Article

    article = Article(id="x", text="Prices rose 5 percent in May, up from 4 percent. \"It is high,\" she said.",
                      title="", source="", published=date(2024, 6, 1), path="x")
    gc.disable()
    try:
        [(doc, parsed)] = list(parse_articles([article], resources.nlp, 8))
        extract_doc(doc, parsed, resources)
        freed = weakref.ref(doc)
        del doc
        assert freed() is None
    finally:
        gc.enable()


def test_a_line_break_starts_a_paragraph(resources):
    doc = resources.nlp("Trade Soars\n\nIn 2022, trade grew. It grew again.\n\nImports fell.")
    sentences = list(doc.sents)
    assert [starts_paragraph(doc, s) for s in sentences] == [True, True, False, True]
    assert list(paragraph_numbers(doc, sentences).values()) == [0, 1, 1, 2]


def test_a_dateline_is_a_place_in_capitals_before_a_dash(resources):
    doc = resources.nlp("SAO PAULO (Reuters) - Prices rose.\n\nPrices - and wages - rose.")
    first, second = doc.sents
    assert doc[dateline_end(first)].text == "Prices"
    assert dateline_end(second) == second.start  # counter-example: no place before the dash


@pytest.mark.parametrize("text, body", [
    ("KELSO, Tasmania (AP) _ Ferries stopped running on Monday.", "Ferries"),
    ("ORLAND, Mo. _ Two mills closed.", "Two"),
    ("TALLINN, May 3 (Xinhua) -- Port traffic rose.", "Port"),
    ("PORT LOUIS (Reuters)-- Sugar output fell.", "Sugar"),
])
def test_a_dateline_may_name_a_region_a_day_and_an_agency_before_a_dash_or_an_underscore(resources, text, body):
    doc = resources.nlp(text)
    first = next(doc.sents)
    assert doc[dateline_end(first)].text == body


def test_a_dateline_on_a_line_of_its_own_is_its_whole_sentence(resources):
    doc = resources.nlp("GRAFTON, Vermont (AP) _\n\nThe quarry shed 40 jobs.")
    first = next(doc.sents)
    assert "quarry" not in first.text
    assert dateline_end(first) >= first.end - 1 and all(t.is_space for t in doc[dateline_end(first):first.end])


def test_the_place_and_agency_of_a_dateline_are_part_of_it(resources):
    doc = resources.nlp("LIMA (Reuters) - Copper exports to Chile rose.")
    assert [t.text for t in doc if part_of_dateline(doc[t.i:t.i + 1])] == ["LIMA", "(", "Reuters", ")", "-"]


@pytest.mark.parametrize("text", ["BRIGHT HORIZON Co. said its RENT-A-BOAT unit grew.", "Prices - and wages - rose.",
                                  "the port, Grafton - rose"])
def test_no_dateline_without_a_place_in_capitals_before_a_separating_dash(resources, text):
    first = next(resources.nlp(text).sents)
    assert dateline_end(first) == first.start


def test_the_date_of_a_dateline_follows_a_place_and_a_comma(resources):
    doc = resources.nlp("VIENNA, April 8 (Reuters) - Saudi Arabia will cut output.\n\nOn April 8, output fell.")
    first, second = [s for s in doc.sents if "April" in s.text]
    assert in_dateline(first[2:4]) and not in_dateline(second[1:3])


@pytest.mark.parametrize("text, date", [
    ("DENTON, Tex., Sept. 14 (AP) -- Grain shipments rose.", "Sept. 14"),
    ("TALLINN, May 3 (Xinhua) -- Port traffic rose.", "May 3"),
])
def test_the_date_of_a_dateline_is_read_wherever_the_dateline_is(resources, text, date):
    doc = resources.nlp(text)
    start = next(t.i for t in doc if t.text == date.split()[0])
    assert in_dateline(doc[start:start + 2])
    assert not in_dateline(doc[0:1])  # the place is no date


def test_a_date_before_a_dash_without_a_place_in_capitals_is_no_dateline(resources):
    doc = resources.nlp("Late on May 3 - a Friday - grain shipments rose.")
    assert not in_dateline(doc[2:4])


def test_the_tense_of_a_date_is_that_of_its_clause(resources):
    def tense(text, words):
        doc = resources.nlp(text)
        start = next(t.i for t in doc if t.text == words.split()[0])
        return clause_tense(doc[start:start + len(words.split())], frozenset({"expected"}))

    assert tense("The bank will decide on rates in May.", "May") == "future"
    assert tense("The economy is expected to grow in May.", "May") == "future"
    assert tense("Employers added jobs in May.", "May") == "past"
    assert tense("Parliament returns on July 9.", "July 9") == "present"
    assert tense("The court will suspend the injunction issued Thursday.", "Thursday") == "past"
    assert tense("Prices fell from the 19.2 percent recorded in March.", "March") == "past"
    assert tense("She vowed to double the homes built each year by 2030.", "2030") != "past"
    assert tense("The bank is to resume trading in Paris Tuesday.", "Tuesday") == "future"
    assert tense("The bank was to resume trading Tuesday.", "Tuesday") != "future"
    assert tense("The team expected to leave on Thursday.", "Thursday") == "future"
    assert tense("On Thursday, the team expected a ruling soon.", "Thursday") == "past"
    assert tense("After rising 12 percent in the first half, exports were expected to slow.", "first half") != "future"
    assert tense("Before closing the deal in March, the bank is expected to sell the unit.", "March") == "future"


def test_the_head_of_a_clause_is_its_verb(resources):
    doc = resources.nlp("Exports rose 5 percent in May.")
    assert clause_head(doc[4]).text == "rose"


def test_verbs_joined_by_and_share_the_first_one(resources):
    doc = resources.nlp("The bomb that damaged the embassy and killed 12 people went off at noon.")
    verbs = {t.text: t for t in doc}
    assert first_joined_verb(verbs["killed"]).text == "damaged"
    assert first_joined_verb(verbs["went"]).text == "went"  # a verb joined to none is its own first


def test_a_subject_split_at_a_comma_is_its_nearer_part(resources):
    doc = resources.nlp("Kalamazoo, Mich.-based First of Harlow said it will eliminate 13 positions.")
    said = next(t for t in doc if t.text == "said")
    subjects = [c for c in said.children if c.dep_ == "nsubj"]
    assert len(subjects) == 2  # the parse this reading is for
    assert clause_subject(said).text == "First"


def test_a_clause_with_its_own_finite_auxiliary_keeps_the_subject_the_parse_took_for_an_object(resources):
    doc = resources.nlp("Keller Corp. strengthened its takeover defenses after announcing a Dutch firm is seeking "
                        "to buy up to 25% of the company.")
    buy = next(t for t in doc if t.lower_ == "buy")
    assert clause_subject(buy).lower_ != "corp."


def test_a_verb_joined_by_and_shares_the_first_ones_subject(resources):
    doc = resources.nlp("Keller Corp. posted a loss and is cutting 300 jobs.")
    cutting = next(t for t in doc if t.lower_ == "cutting")
    assert clause_subject(cutting).text == "Corp."


def test_preposition_objects_are_read_head_by_head_from_any_collection_of_prepositions(resources):
    doc = resources.nlp("Orla sold its stake in Vexa for $9 million in March.")
    words = {t.text: t for t in doc}
    in_phrases = preposition_objects([words["sold"], words["stake"]], ("in",))
    assert [t.text for t in in_phrases] == ["March", "Vexa"]  # the first head's phrases come first
    assert [t.text for t in preposition_objects([words["sold"]], frozenset({"for"}))] == ["million"]
    assert preposition_objects([words["Orla"]], ("of",)) == []


def test_token_starts_give_each_token_by_its_first_character(resources):
    doc = resources.nlp("Odile Brandvik Ltd. said sales rose.")
    starts = token_starts(doc)
    assert {offset: doc[i].text for offset, i in starts.items()} == {t.idx: t.text for t in doc}
    assert token_starts(doc) is starts  # read once per document
