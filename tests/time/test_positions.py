"""A distance that says where a place is holds when the story is told (published 2024-04-12, a Friday)."""
import pytest

POSITIONS = [  # text, figure, expected scope value and source
    ("The treaty was signed in 1957 at Halden Hall, 85 kilometers north of the capital.", "85 kilometers",
     "2024-04-12", "published"),
    ("The mine lies 40 miles from the coast, where a trawler ran aground in 1962.", "40 miles", "2024-04-12",
     "published"),
    ("In 2003 the rebels took Varno, a market town 12 miles from the border.", "12 miles", "2024-04-12",
     "published"),
    # a day that dates the news stays: it happened there that day
    ("A bus overturned 30 miles south of Quito on Tuesday.", "30 miles", "2024-04-09", "clause"),
    # counter-examples: a journey keeps its date
    ("In 2019 the jet flew 300 miles from Lima to Cusco.", "300 miles", "2019", "clause"),
    ("The storm moved 50 miles inland in 1998.", "50 miles", "1998", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", POSITIONS)
def test_a_distance_that_places_something_is_of_the_day_the_story_is_told(extract, text, figure, value, source):
    found = next(f for f in extract(text, published="2024-04-12").figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)
