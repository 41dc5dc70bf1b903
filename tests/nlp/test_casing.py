"""How the article writes its words, read once per article: a capitalised word inside a sentence,
a word capitalised on its own."""
from pipeline.claims.name_spellings import names_no_one
from pipeline.nlp.casing import capitalised_alone, capitalised_within, titled_inside


def test_words_written_capitalised_inside_a_sentence(resources):
    doc = resources.nlp("Treasury officials met on Monday. They said the Treasury would sell bonds.")
    titled = titled_inside(doc)
    assert doc.vocab.strings["treasury"] in titled and doc.vocab.strings["they"] not in titled
    assert titled_inside(doc) is titled  # read once, kept on the document


def test_a_word_capitalised_on_its_own_inside_a_sentence(resources):
    doc = resources.nlp("Diversified said profit rose. Kestrel bought a stake in Diversified. "
                        "Police said the Ridgeford Police Department closed the road.")
    opening_diversified, opening_police = doc[0], next(t for t in doc if t.text == "Police")
    assert capitalised_within(opening_diversified)
    assert not capitalised_within(opening_police)  # only inside a name ("the Ridgeford Police Department")
    assert capitalised_alone(doc) is capitalised_alone(doc)


def test_an_entity_of_common_words_names_no_one_unless_written_capitalised_elsewhere(resources):
    once = resources.nlp("Permits for the delegation were not issued, the ministry said on Monday.")
    again = resources.nlp("Permits for the delegation were not issued. The office of Visas and Permits said so.")
    assert once[0].pos_ != "PROPN" and again[0].pos_ != "PROPN"
    assert names_no_one(once.char_span(0, len("Permits"), label="ORG"))
    assert not names_no_one(again.char_span(0, len("Permits"), label="ORG"))
