"""Nouns a number above one counts are tagged plural, though the tagger read them as singular."""


def _tag(resources, text: str, word: str) -> str:
    return next(t.tag_ for t in resources.nlp(text) if t.text == word)


def test_a_noun_whose_plural_is_itself_is_plural_when_a_number_counts_it(resources):
    assert _tag(resources, "The yard will refit 12 more Q400 aircraft next year.", "aircraft") == "NNS"
    assert _tag(resources, "A further 30 of the aircraft are due in May.", "aircraft") == "NNS"


def test_such_a_noun_stays_singular_without_a_number_above_one(resources):
    assert _tag(resources, "The aircraft landed safely in Oslo.", "aircraft") == "NN"
    assert _tag(resources, "The carrier took one aircraft from the lessor.", "aircraft") == "NN"


def test_a_title_case_plural_after_a_number_is_plural(resources):
    assert _tag(resources, "Officials Report 4 New Measles Deaths", "Deaths") == "NNS"


def test_counts_of_such_nouns_are_read(extract):
    figures = extract("The yard will refit 12 more Q400 aircraft in 2031 and 20 the year after.").figures
    assert [(f.text, f.value, f.unit) for f in figures if f.kind == "count"] == [
        ("12 more Q400 aircraft", 12, "aircraft"), ("20", 20, "aircraft")]
    headline = extract("Officials Report 4 New Measles Deaths").figures
    assert [(f.value, f.unit) for f in headline if f.kind == "count"] == [(4, "death")]
