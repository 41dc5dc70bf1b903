"""Figures about an event the article dates elsewhere, running tolls, and ranges to a weekday
(published 2024-04-09, a Tuesday)."""
import pytest

EVENTS = [  # text, figure, expected scope value and source
    # the event's kind, named again, dates what it did, before or after the date
    ("The ferry Santa Lucia sank off Pelican Point on March 3. Rescuers searched for days.\n\n"
     "The sinking left 61 people dead, and 12 were hurt in the capsizing.", "61 people", "2024-03-03", "event"),
    ("The ferry Santa Lucia sank off Pelican Point on March 3. Rescuers searched for days.\n\n"
     "The sinking left 61 people dead, and 12 were hurt in the capsizing.", "12", "2024-03-03", "event"),
    ("Police held a suspect in the bombings of two banks in Ohio last year that killed 14 people, a "
     "spokesman said.\n\nThe bombs went off on May 2, 2023 at banks in Akron and Dayton.", "14 people",
     "2023-05-02", "event"),
    # a sentence that opens with a day dates the blast of the next, which the paragraph after names
    ("On Jan. 9, the envoy had just left the hall. She was talking to aides when the bomb went off, "
     "killing 40 people.\n\nThe envoy was cut in the blast, which gutted the 14-story tower.",
     "14-story", "2024-01-09", "event"),
    ("On Jan. 9, a bomb went off in the market.\n\nThe death toll in the Harbin blast, initially 9, "
     "has risen to 15, officials said on Monday.", "9", "2024-01-09", "event"),
    ("There were 8 member states at the time of the league's founding. The league has grown since its "
     "founding in 1961.",
     "8 member states", "1961", "event"),
    # a duration counted from the event
    ("A gunman killed a judge in Leeds on Oct. 23, 2023. The detective took over the inquiry "
     "within three weeks of the killing.", "three weeks", "2023-10-23/2023-11-13", "event"),
    ("A gunman killed a judge in Leeds on Oct. 23, 2023. A neighbour saw the van near the "
     "house 10 days before the killing.", "10 days", "2023-10-13/2023-10-23", "event"),
    # a toll that names no event is of the one event its paragraph or the one before is about,
    # not of the day it was said; the present perfect of the event's own toll too
    ("Twin blasts tore through a fish market in the port city.\n\nAt least 31 were killed and more than 240 "
     "injured, police said as night fell on Sunday.\n\nThe bombs went off minutes apart on Saturday.", "240",
     "2024-04-06", "event"),
    ("Twin blasts tore through a fish market in the port city.\n\nAt least 31 were killed and more than 240 "
     "injured, police said as night fell on Sunday.\n\nThe bombs went off minutes apart on Saturday.", "31",
     "2024-04-06", "event"),
    ("Police questioned two men about Saturday's bombings in the port.\n\nThe bombings at the fish market "
     "have killed 31 people, including four children, and wounded over 1,240.", "1,240", "2024-04-06", "event"),
    ("Police questioned two men about Saturday's bombings in the port.\n\nThe bombings at the fish market "
     "have killed 31 people, including four children, and wounded over 1,240.", "four children", "2024-04-06",
     "event"),
    # the victims numbered with no toll verb: the toll of the event the paragraph is about, and
    # a toll whose date follows it in its clause
    ("A court charged a fourth man over the bombings which killed 57 people, including six tourists, on "
     "March 2, 2023.\n\nThe bombs went off minutes apart. The victims in the harbour district numbered 41, "
     "including four tourists.", "41", "2023-03-02", "event"),
    ("A court charged a fourth man over the bombings which killed 57 people, including six tourists, on "
     "March 2, 2023.\n\nThe bombs went off minutes apart. The victims in the harbour district numbered 41, "
     "including four tourists.", "four tourists", "2023-03-02", "event"),
    ("A court charged a fourth man over the bombings which killed 57 people, including six tourists, on "
     "March 2, 2023.", "six tourists", "2023-03-02", "sentence"),
    # a figure of the one the event befell, in a sentence whose verb is the event again
    ("Lena Moss ran the only shelter in the town before she was shot to death on March 2 at her farm.\n\n"
     "No weapon has been found.\n\nMoss, 61, and the mother of three sons, was shot at 9 p.m. in her barn.",
     "61", "2024-03-02", "event"),
    ("Lena Moss ran the only shelter in the town before she was shot to death on March 2 at her farm.\n\n"
     "No weapon has been found.\n\nMoss, 61, and the mother of three sons, was shot at 9 p.m. in her barn.",
     "three sons", "2024-03-02", "event"),
    # a running toll is the toll as reported
    ("On Jan. 9, a bomb went off in the market.\n\nThe toll in the blast has climbed to 15, officials said "
     "on Monday. That lifted the toll from the two blasts to 31.", "31", "2024-04-08", "statement"),
]


LEAD = "Divers resumed their search on Monday.\n\n"


@pytest.mark.parametrize("text,figure,value,source", EVENTS)
def test_a_figure_about_a_dated_event_takes_its_date(extract, text, figure, value, source):
    found = next(f for f in extract(LEAD + text).figures if f.text == figure)
    assert (found.time.value, found.time.source) == (value, source)


NOT_EVENTS = [  # text, figure, expected scope value: the lead's Monday, as without an event
    # a kind the article dates twice names two events
    ("The 2019 bombing hurt dozens. The March 2021 bombing was worse.\n\nThe bombing killed 30 people.",
     "30 people", "2024-04-08"),
    # the date of a clause that acts on the event is not the event's
    ("The mayor on Friday condemned the bombing in the port. Crowds gathered.\n\nThe bombing killed 30 people.",
     "30 people", "2024-04-08"),
    # a count of events is no one event
    ("A bomb went off in the port on March 2.\n\nPolice reported a 20% rise in bombings.", "20%", "2024-04-08"),
    # a toll with a cause of its own, and one whose paragraph names two dated events
    ("A bomb went off in the port on March 2.\n\nRoad accidents killed 300 people, the ministry said.",
     "300 people", "2024-04-08"),
    ("A bomb went off in the port on March 2. A bus crash on March 5 shut the road.\n\nAt least 12 were "
     "killed, police said.", "12", "2024-04-08"),
    # the figure is what the event verb did, not of the one it befell
    ("A gunman shot a guard in the port on March 2.\n\nTwo gunmen shot 12 sheep on the farm, police said.",
     "12 sheep", "2024-04-08"),
    # victims numbered by no event the text dates
    ("A bomb went off in the port on March 2.\n\nThe victims of the flu numbered 900, the ministry said.",
     "900", "2024-04-08"),
]


@pytest.mark.parametrize("text,figure,value", NOT_EVENTS)
def test_no_event_date_where_the_text_names_none(extract, text, figure, value):
    found = next(f for f in extract(LEAD + text).figures if f.text == figure)
    assert found.time.value == value


def test_a_range_to_a_weekday_runs_to_the_day_before_publication(extract):
    found = extract("Halden holds 80,000 shares, bought from March 14 to Thursday for $4.10 to $4.35 each.")
    price = next(f for f in found.figures if f.text == "$4.10 to $4.35")
    assert price.time.value == "2024-03-14/2024-04-04"
    assert [d.value for d in found.dates] == ["2024-03-14/2024-04-04"]


def test_two_days_the_rules_read_apart_are_one_range_for_the_figures(extract):
    found = extract("Halden bought 80,000 shares between March 14 and Thursday.")
    assert next(f for f in found.figures if f.text == "80,000 shares").time.value == "2024-03-14/2024-04-04"
    assert [d.value for d in found.dates] == ["2024-03-14", "2024-04-04"]


def test_a_range_in_a_schedule_keeps_the_nearest_weekday(extract):
    found = extract("The show runs from April 2 to Friday.")
    assert [d.value for d in found.dates] == ["2024-04-02/2024-04-12"]
