"""The figure a time expression belongs to, and the bases of a change a date right after dates."""
import pytest

from pipeline.time.owners import is_base_figure, owning_figure, restates_as_alternative

OWNERS = [  # text, figures, date, expected owner (None: the date is its clause's)
    ("Jobless claims fell to 4.1 per cent from 4.4 per cent in May.", ["4.1 per cent", "4.4 per cent"], "May",
     "4.4 per cent"),
    ("The rate stood below the 12.5 percent reached in June.", ["12.5 percent"], "June", "12.5 percent"),
    # counter-example: a date of the clause's verb dates the clause, not one figure
    ("Tarlow sold 300 trucks in June.", ["300 trucks"], "June", None),
]


def _span(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), alignment_mode="expand")


@pytest.mark.parametrize("text,figures,when,owner", OWNERS)
def test_a_date_belongs_to_the_figure_it_qualifies(resources, text, figures, when, owner):
    doc = resources.nlp(text)
    found = owning_figure(_span(doc, when), [_span(doc, f) for f in figures])
    assert (found.text if found is not None else None) == owner


def test_a_base_is_what_a_change_starts_from_and_its_restatement(resources):
    doc = resources.nlp("Net rose to $52 million from roughly $41 million, or 61 cents a share.")
    rise, base, per_share = (_span(doc, t) for t in ("$52 million", "$41 million", "61 cents"))
    assert is_base_figure(base) and not is_base_figure(rise)
    assert restates_as_alternative(base, per_share) and not restates_as_alternative(rise, base)
