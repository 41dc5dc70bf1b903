"""A "now" or "currently" right beside a figure makes it current, whatever else its clause dates."""
import pytest

CURRENT = [  # text, figure, expected scope value
    ("The treasury expects public debt, currently at 91% of output, to climb to 118% in 2027.", "91%", "2024-04-09"),
    ("The treasury expects public debt, currently at 91% of output, to climb to 118% in 2027.", "118%", "2027"),
    ("Its reserves, now 41% of the total, will fall to 30% by 2029.", "41%", "2024-04-09"),
    # counter-example: a "now" away from the figure gives way to the date of its clause
    ("The carmaker now sees sales of $21 billion for 2026.", "$21 billion", "2026"),
]


@pytest.mark.parametrize("text,figure,value", CURRENT)
def test_now_beside_a_figure_makes_it_current(extract, text, figure, value):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert found.time.value == value
