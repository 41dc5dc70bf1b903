"""The day of the news an undated lead tells, when the article gives it in another sentence."""
import pytest

NEWS_DAYS = [  # text, figure, expected scope value and source (published 2024-04-09, a Tuesday)
    # the sentence right after the lead dates its news: the lead's figures told in the present
    # perfect and the later figures told in the past take that day
    ("Harbor Freight and Delmont Rail have agreed to merge their container arms in a $900 million deal. "
     "The two boards approved the merger on Sunday.", "$900 million", "2024-04-07", "lead"),
    ("Velmar Steel bought a rolling mill in Ohio.\n\nThe purchase was signed on Monday.\n\n"
     "The seller received $40 million.", "$40 million", "2024-04-08", "lead"),
    # a later sentence that dates the lead's own verb
    ("Norcross Savings was cleared by regulators to buy Alder Bank, the banks said. The bank paid $31 a share "
     "for its rival. Regulators cleared the purchase on Monday, and the sale must wait 30 days.",
     "$31 a share", "2024-04-08", "lead"),
    # counter-examples: the day something was said, a market's close, what had happened before the
    # news, a day that is a subject, a total to date told later on
    ("Velmar Steel sold its Ohio mill for $40 million. A spokesman said on Monday that the sale went well.",
     "$40 million", "2024-04-09", "published"),
    ("Velmar Steel sold its Ohio mill for $40 million. In composite trading on Monday, Velmar closed at $12.",
     "$40 million", "2024-04-09", "published"),
    ("Stock markets worldwide have surged 5%. On Sunday, ministers had agreed on a rescue plan.",
     "5%", "2024-04-09", "published"),
    ("Grand Coastal have rolled out a freighter that carried 90 tonnes on its first flight. On Sunday, ministers "
     "had agreed on a rescue plan.", "90 tonnes", "2024-04-09", "published"),
    ("Grand Coastal rolled out a freighter that carried 90 tonnes on its first flight. Sunday was chosen for "
     "the ceremony.", "90 tonnes", "2024-04-09", "published"),
    ("Harbor Freight and Delmont Rail have agreed to merge their container arms. The two boards approved the "
     "merger on Sunday.\n\nDelmont has shipped 2,400 containers to Lisbon.", "2,400 containers", "2024-04-09",
     "published"),
    ("The presidents of two lenders have signed a pact that pooled 40 branches. Their deputies signed it on "
     "Monday in another city.", "40 branches", "2024-04-08", "lead"),
]


@pytest.mark.parametrize("text,figure,value,source", NEWS_DAYS)
def test_an_undated_lead_takes_the_day_the_article_gives_its_news(extract, text, figure, value, source):
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


def test_a_lead_told_in_the_present_perfect_is_dated_only_by_the_sentence_after_it(extract):
    """"have signed" says nothing of when: a later sentence that dates another signing is not
    the lead's day unless it comes right after the lead."""
    text = ("The presidents of two lenders have signed a pact that pooled 40 branches. The pact is their first. "
            "A deputy signed another pact on Monday.")
    found = next(f for f in extract(text).figures if f.text == "40 branches")
    assert (found.time.value, found.time.source) == ("2024-04-09", "published")
