"""A stake or a size that describes its holder holds when the story is told (published 2024-04-12, a
Friday)."""
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

SIZES = [  # text, figure, expected scope value and source
    ("The $1.5 billion Alder Income Fund has had outflows of about $150 million in the past two months.",
     "$1.5 billion", "2024-04-12", "published"),
    ("At the $900 million Tarn Trust, investors pulled out $80 million last month.", "$900 million", "2024-04-12",
     "published"),
    ("Tarn's $4 billion bond portfolio lost $30 million in the third quarter of 2023.", "$4 billion", "2024-04-12",
     "published"),
    # what happened in the period keeps it
    ("The $1.5 billion Alder Income Fund has had outflows of about $150 million in the past two months.",
     "$150 million", "2024-02/2024-03", "span"),
    ("At the $900 million Tarn Trust, investors pulled out $80 million last month.", "$80 million", "2024-03",
     "clause"),
    # counter-examples: a deal's amount, a size no known holder has, a day that dates the sentence
    ("The $25 billion Alder buyout closed in February.", "$25 billion", "2024-02", "clause"),
    ("Alder grew into a $2 billion fund in 2019.", "$2 billion", "2019", "clause"),
    ("On Tuesday, the $2 billion Alder Income Fund shut its doors to new money.", "$2 billion", "2024-04-09", "clause"),
]


@pytest.mark.parametrize("text,figure,value,source", STAKES)
def test_a_stake_that_describes_its_holder_is_of_the_day_the_story_is_told(extract, text, figure, value, source):
    found = next(f for f in extract(text, published="2024-04-12").figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


@pytest.mark.parametrize("text,figure,value,source", SIZES)
def test_a_size_written_before_its_holder_is_of_the_day_the_story_is_told(extract, text, figure, value, source):
    found = next(f for f in extract(text, published="2024-04-12").figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)
