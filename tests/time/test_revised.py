"""A figure a "before" clause replaces on a day belongs to the days before that one."""
import pytest

REVISED = [  # text, figure, expected scope value
    ("The storm came ashore on Sunday. Officials first put the death toll at 40 before raising it on "
     "Tuesday to 212.", "40", "2024-04-07/2024-04-08"),
    ("Officials first put the death toll at 40 before raising it on Tuesday to 212.", "40", "2024-04-08"),
    ("The storm came ashore on Sunday. Officials first put the death toll at 40 before raising it on "
     "Tuesday to 212.", "212", "2024-04-09"),
    # counter-example: a month is no day of a change
    ("The index stood at 9,100 before sliding in March to 8,700.", "9,100", "2024-03"),
]


@pytest.mark.parametrize("text,figure,value", REVISED)
def test_a_replaced_figure_takes_the_days_before_the_change(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert found.time.value == value
