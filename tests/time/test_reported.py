"""A figure a company reports, undated in its sentence, takes the quarter its story reports on."""
import pytest

STORY = ("Kestrel reports 35% jump in profit\n\nKestrel Systems has reported a jump in profit of 35%. Net income "
         "in the last three months of 2031 was $1.2bn. The maker launched its new tablet in October 2031. Its "
         "cloud unit reported a fall of 3.5%. Kestrel employs 12,000 people.")


@pytest.mark.parametrize("figure,value,source", [
    ("35%", "2031-10/2031-12", "lead"),
    ("3.5%", "2031-10/2031-12", "lead"),
    ("$1.2bn", "2031-10/2031-12", "clause"),
    ("12,000 people", "2032-01-28", "published"),  # counter-example: not reported, and a count
])
def test_a_reported_result_takes_the_quarter_of_its_story(extract, figure, value, source):
    found = [f for f in extract(STORY, published="2032-01-28").figures if f.text == figure]
    assert found and all((f.time.value, f.time.source) == (value, source) for f in found)


def test_a_story_without_a_closed_quarter_leaves_a_report_its_day(extract):
    found = next(f for f in extract("The miner has reported a profit rise of 8%.", published="2032-01-28").figures
                 if f.text == "8%")
    assert found.time.value == "2032-01-28"
