"""An age is how old someone is when the story is told (published 2024-04-12, a Friday)."""
import pytest

AGES = [  # text, figure, expected scope value and source
    ("Dana Pryce, 31, has pleaded not guilty to the charges.", "31", "2024-04-12", "published"),
    ("Tomas Brandt, 58, is serving a prison term for the June 2019 robbery of a bank in Leeds.", "58",
     "2024-04-12", "published"),
    ("Police searched a house where Karl Moreno, a 47-year-old roofer, lived last year.", "47-year",
     "2024-04-12", "published"),
    ("Records show Ines Vidal, 52, was convicted of fraud twice from 2011 to 2016.", "52", "2024-04-12",
     "published"),
    ("The agency ruled Monday that Teo Marsh, the 9-year-old boy who survived the crash, should return home.",
     "9-year", "2024-04-12", "published"),
    # a day of the age's own clause, told in the past, is its time
    ("Lena Ortiz, 34, was arrested on Tuesday at her home.", "34", "2024-04-09", "clause"),
    # ... and so is the day of the news an age told in the simple past goes on about
    ("A gunman shot a surgeon at his home in Leeds on Oct. 23.\n\nHugo Lamb, 61, was shot through a window.", "61",
     "2023-10-23", "lead"),
    ("A gunman shot a surgeon at his home in Leeds on Oct. 23.\n\nHugo Lamb, 61, has worked there since 1990.", "61",
     "2024-04-12", "published"),
    ("Omar Vance, 52 years old, will succeed Ada Roth as chairman on Feb. 1.", "52 years", "2024-04-12", "published"),
    # ... not a day or month years back: the age is still the one at the time of writing
    ("Ray Cole, 54, flew aboard the shuttle in October 2009.", "54", "2024-04-12", "published"),
    # ... unless the age is said to be "when" it happened
    ("The ministry told the family of Tom Reyes, 41 years old when he was abducted on May 3, 2019, that he had "
     "probably died.", "41 years", "2019-05-03", "sentence"),
]


@pytest.mark.parametrize("text,figure,value,source", AGES)
def test_an_age_is_of_the_day_the_story_is_told(extract, text, figure, value, source):
    found = next(f for f in extract(text, published="2024-04-12").figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


def test_a_duration_that_describes_no_one_keeps_its_period(extract):
    found = next(f for f in extract("In 2019, the town signed a 10-year lease.").figures if f.text == "10-year")
    assert found.time.value == "2019"
