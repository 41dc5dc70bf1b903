"""A date between a verb of saying and the clause it reports is the day it was said (published
Tuesday 2024-04-09)."""


def _head(resources, text: str, word: str) -> str:
    return next(t.head.head.text for t in resources.nlp(text) if t.text == word)


def test_a_date_before_the_reported_clause_hangs_from_the_verb_of_saying(resources):
    assert _head(resources, "Bravo Corp said on Wednesday it would cut 500 jobs.", "Wednesday") == "said"


def test_a_date_inside_the_reported_clause_stays_there(resources):
    assert _head(resources, "Bravo Corp said it would cut 500 jobs on Wednesday.", "Wednesday") == "cut"


def test_the_day_said_is_before_publication_and_dates_the_statement(extract):
    figure = extract("Bravo Corp said on Wednesday it would cut 500 jobs.").figures[0]
    assert (figure.time.value, figure.time.source) == ("2024-04-03", "statement")
    figure = extract("The council said on Friday it would spend $2 million on roads.").figures[0]
    assert (figure.time.value, figure.time.source) == ("2024-04-05", "statement")
