"""The counts of one toll share the day one of them is dated by (published Saturday 2024-04-13)."""
import pytest

TOLLS = [  # text, figure, expected scope value
    # the day hangs from the second count; only the first count is read as the toll
    ("More than 40 people have been killed and more than 300 others wounded in the blasts in Orvik on Friday.",
     "40 people", "2024-04-12"),
    ("More than 40 people have died, six of them children, and over 300 injured since a bomb went off in Orvik "
     "on Friday.", "six", "2024-04-12"),
    # counter-examples: counts of two days keep their own
    ("The storm killed 12 people on Friday and 30 on Saturday.", "30", "2024-04-13"),
    ("The storm killed 12 people on Thursday and 30 on Friday.", "12 people", "2024-04-11"),
]


@pytest.mark.parametrize("text,figure,value", TOLLS)
def test_the_counts_of_one_toll_share_its_day(extract, text, figure, value):
    found = next(f for f in extract(text, published="2024-04-13").figures if f.text == figure)
    assert found.time.value == value
