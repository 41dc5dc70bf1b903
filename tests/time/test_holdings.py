"""A stake that describes its holder holds when the story is told (published 2024-04-12, a Friday)."""
import pytest

STAKES = [  # text, figure, expected scope value and source
    ("The 45% state-owned Norsk Kjemi had 9 million kroner of charges in the third quarter of 2023.", "45%", "2024-04-12",
     "published"),
    ("The 28%-owned unit posted a loss of $4 million in the quarter.", "28%", "2024-04-12", "published"),
    ("Vestra, 60%-owned by the Halvorsen family, earned $5 million in the second quarter of 2023.", "60%",
     "2024-04-12", "published"),
    # the quarter's own figure keeps the quarter
    ("The 45% state-owned Norsk Kjemi had 9 million kroner of charges in the third quarter of 2023.", "9 million kroner",
     "2023-07/2023-09", "clause"),
    # counter-examples: a stake bought or held at a time its clause gives
    ("Halvorsen bought 45% of Vestra in 2019.", "45%", "2019", "clause"),
    ("Vestra, which was 40%-owned by the bank until 2001, grew fast.", "40%", "../2001", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", STAKES)
def test_a_stake_that_describes_its_holder_is_of_the_day_the_story_is_told(extract, text, figure, value, source):
    found = next(f for f in extract(text, published="2024-04-12").figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)
