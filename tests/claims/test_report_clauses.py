"""How a reporting verb stands in its sentence, read from the parse of our own sentences: the
clause it reports before it, the source named after it, a hedged verb and a passive's "by"
phrase."""
from __future__ import annotations

from pipeline.claims.report_clauses import clause_tail, hedged, inverted_source, leading_clause, passive_agent, verbal


def _verb(doc, word: str):
    return next(t for t in doc if t.lower_ == word)


def test_the_clause_before_the_cue_is_what_it_reports(resources):
    doc = resources.nlp("Freight volumes fell 4.2 percent in May, the port authority said.")
    start, end = leading_clause(_verb(doc, "said"), doc[:])
    assert doc[start:end].text == "Freight volumes fell 4.2 percent in May"


def test_a_cue_before_its_clause_has_no_leading_clause(resources):
    doc = resources.nlp("The port authority said freight volumes fell 4.2 percent in May.")
    assert leading_clause(_verb(doc, "said"), doc[:]) is None


def test_a_source_named_after_its_verb(resources):
    doc = resources.nlp("Customs officers seized 40 kilograms of cocaine, reported Aftenbladet.")
    source = inverted_source(_verb(doc, "reported"))
    assert source is not None and source.text == "Aftenbladet"


def test_a_negated_or_modal_cue_gives_no_words(resources):
    doc = resources.nlp("The ministry did not say how many flights were cancelled.")
    assert verbal(_verb(doc, "say")) and hedged(_verb(doc, "say"))


def test_a_passive_cue_names_its_speaker_by_its_by_phrase(resources):
    doc = resources.nlp("The figure of 310 arrests was confirmed by the sheriff on Monday.")
    assert passive_agent(_verb(doc, "confirmed")).text == "sheriff"


def test_a_scene_setting_phrase_before_the_cue_is_not_what_it_reports(resources):
    doc = resources.nlp("In Tokyo, where shares fell 2 percent on Monday, analysts said the yen would weaken.")
    assert leading_clause(_verb(doc, "said"), doc[:]) is None


def test_a_cue_misread_as_part_of_the_name_after_a_quote_names_its_source(resources):
    doc = resources.nlp("`` It's a hard task, nobody has ever built a ship at the rate of 12 per year before, '' "
                        "claims analyst Mark Dunn.")
    source = inverted_source(_verb(doc, "claims"))  # the parser reads "claims analyst Mark Dunn" as one name
    assert source is not None and source.text == "Dunn"


def test_a_cue_after_an_opening_clause_reports_the_whole_sentence(resources):
    doc = resources.nlp("If the union rejects the offer within 30 days, she said, the plant would close.")
    start, end = leading_clause(_verb(doc, "said"), doc[:])
    assert doc[start:end].text == "If the union rejects the offer within 30 days, she said, the plant would close."


def test_a_comparison_hung_from_a_cue_after_its_clause_is_reported(resources):
    doc = resources.nlp("Spending will rise slightly next year, Ms. Orla Vance said, from an estimated $80 million this year.")
    tail = clause_tail(_verb(doc, "said"), frozenset({"from"}))
    assert [t.text for t in tail] == ["from"]


def test_a_phrase_of_the_saying_is_no_tail(resources):
    doc = resources.nlp("Ms. Orla Vance said on Monday that spending will rise, from an estimated $80 million.")
    assert clause_tail(_verb(doc, "said"), frozenset({"from"})) == []
