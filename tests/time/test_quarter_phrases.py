"""Quarters a results or data story names by other words: the last months of a year, the quarter
before the one it reports, a quarter told in the past just after its year ended, a whole year
"across" it, and a base "compared to" with a glued scale word."""
import pytest

QUARTERS = [  # text, published, figure, expected scope value
    ("Net income for the final three months of last year was $3.1bn, against $2.4bn for the final three "
     "months of 2030.", "2032-02-03", "$3.1bn", "2031-10/2031-12"),
    ("Net income for the final three months of last year was $3.1bn, compared to $2.4bn for the final three "
     "months of 2030.", "2032-02-03", "$2.4bn", "2030-10/2030-12"),
    ("Output at the works grew at a yearly rate of 4.4% from July to September. That is well up on the prior "
     "quarter's pace of 1.3%.", "2031-10-30", "1.3%", "2031-04/2031-06"),
    ("Growth in the second quarter was first put at 2.9%, but was later cut to 2.5%.", "2031-07-28",
     "2.9%", "2031-04/2031-06"),
    ("Even so, the economy shrank by 1.7% across 2030 as a whole.", "2031-01-30", "1.7%", "2030"),
    # a quarter or half named by the month it ends in, placed as that month is (the latest one in a past
    # clause, in the year before a January story), and "the quarter" after it is that quarter
    ("Tarra Mining's output fell 4% in the September quarter.", "2031-11-20", "4%", "2031-07/2031-09"),
    ("Tarra Mining's output fell 4% in the December quarter.", "2032-01-25", "4%", "2031-10/2031-12"),
    ("Waikato Dairy earned NZ$40 million in the June half.", "2031-08-20", "NZ$40 million", "2031-01/2031-06"),
    ("Tarra Mining said September-quarter output fell 4%. Costs in the quarter rose 2%.", "2031-11-20", "2%",
     "2031-07/2031-09"),
    # a half named alone and told in the past is the latest whose last month had begun; one looked ahead to
    # is the first not yet over
    ("Sales at Orvik rose 5% in the first half.", "2032-01-20", "5%", "2031-01/2031-06"),
    # a half written before the noun it dates, or a company's own, as the half named alone; its base a year back
    ("Orvik Ltd. said first-half profit rose 12% to $40 million from $35.7 million.", "2032-01-20", "12%",
     "2031-01/2031-06"),
    ("Orvik Ltd. said first-half profit rose 12% to $40 million from $35.7 million.", "2032-01-20", "$35.7 million",
     "2030-01/2030-06"),
    ("Orvik said net for its second half rose 5% to $40 million.", "2032-01-20", "$40 million", "2031-07/2031-12"),
    ("Sales at Orvik rose 5% in the first half.", "2031-08-20", "5%", "2031-01/2031-06"),
    ("Orvik earned $3 million in the second half.", "2031-10-05", "$3 million", "2030-07/2030-12"),
    ("Orvik expects to earn $3 million in the second half.", "2031-10-05", "$3 million", "2031-07/2031-12"),
    # counter-examples: a span back from now, and a company's own quarter a year off the calendar's
    ("Prices have climbed 6% in the last three months.", "2031-05-20", "6%", "2031-03/2031-05"),
    ("Harlow Foods reported that fourth-quarter profit fell 12%.", "2031-11-02", "12%", "2031-07/2031-09"),
]


@pytest.mark.parametrize("text,published,figure,value", QUARTERS)
def test_a_quarter_named_by_other_words_dates_its_figures(extract, text, published, figure, value):
    found = next(f for f in extract(text, published=published).figures if f.text == figure)
    assert found.time.value == value
