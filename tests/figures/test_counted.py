"""What a bare count counts, read from the parse: the members of a group, the subject of a verb of
reaching, the earlier count it continues."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,figure,unit", [
    ("The crowd of about 4,000 rose to its feet.", "4,000", "person"),
    ("It vaccinated a fraction of the population of 88 million.", "88 million", "person"),
    ("Average attendance rose to 21,500 this season.", "21,500", "spectator"),
    ("Employment at the mill peaked at 9,300 in 1951.", "9,300", "worker"),
    ("Flu cases top 1.5 million as clinics strain.", "1.5 million", "case"),
])
def test_a_bare_count_counts_the_members_of_its_group_or_what_its_verb_of_reaching_measures(
        extract, text: str, figure: str, unit: str) -> None:
    units = {f.text: f.unit for f in extract(text).figures}
    assert units[figure] == unit


@pytest.mark.parametrize("text,figure,unit", [
    ("Bookings climbed to 9,400 in June.", "9,400", "booking"),
    ("Subscribers rose by 3.1 million to 64 million last year.", "3.1 million", "subscriber"),
    ("Subscribers rose by 3.1 million to 64 million last year.", "64 million", "subscriber"),
    ("Registrations fell 6% to 152,400 in March.", "152,400", "registration"),
    ("Arrivals hit 5.2 million in the summer.", "5.2 million", "arrival"),
])
def test_a_bare_count_counts_the_plural_subject_its_verb_of_change_measures(
        extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


@pytest.mark.parametrize("text,figure", [
    ("Revenue rose to 71 million last year.", "71 million"),
    ("Prices climbed to 4,500 by the close.", "4,500"),
    ("Employers added 9,000 in May.", "9,000"),
])
def test_a_verb_of_change_counts_no_money_level_or_acting_subject(extract, text: str, figure: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}.get(figure, "") == ""


def test_a_number_earned_as_object_counts_no_subject(extract) -> None:
    units = {f.text: f.unit for f in extract("The workers earned 3,000 in May.").figures}
    assert units.get("3,000", "") == ""


def test_a_bare_count_continues_the_whole_not_the_part_named_after_including(extract) -> None:
    text = "The army has about 150,000 soldiers, including some 30,000 reservists, and wants to reach 250,000 by 2030."
    assert {f.text: f.unit for f in extract(text).figures}["250,000"] == "soldier"


def test_a_part_named_after_among_is_no_whole_a_later_count_continues(extract) -> None:
    text = "The ferry carried 310 passengers, among them 45 students, and was built to take 400."
    assert {f.text: f.unit for f in extract(text).figures}["400"] == "passenger"


def test_n_of_them_takes_the_noun_counted_in_an_earlier_sentence(extract) -> None:
    text = "The study followed 120,000 nurses. Over those years, 5,210 of them fell ill."
    assert {f.text: f.unit for f in extract(text).figures}["5,210"] == "nurse"


@pytest.mark.parametrize("text,figure,unit", [
    ("The man had been arrested at least nine times since 2019.", "nine times", "arrest"),
    ("Agents searched the depot four times last spring.", "four times", "search"),
    ("Her rival beat her seven times.", "seven times", "time"),
])
def test_n_times_after_a_verb_counts_its_acts_whatever_the_spelling_of_their_plural(
        extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


@pytest.mark.parametrize("text,figure,kind,unit", [
    ("The canal will run from 2,000 to 2,600 kilometers.", "2,000", "quantity", "kilometer"),
    ("Deliveries went from 2 million to 2.4 million vehicles.", "2 million", "count", "vehicle"),
])
def test_a_bare_number_joined_to_a_measure_after_it_takes_its_unit(extract, text, figure, kind, unit) -> None:
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.kind, found.unit) == (kind, unit)
    assert found.value_si is None or found.value_si == 2_000_000


@pytest.mark.parametrize("text,figure,kind,unit", [
    ("The judges cut her ban from eight years to five.", "five", "quantity", "year"),
    ("The crossing was shortened from 9 hours to 6.", "6", "quantity", "hour"),
    ("Members of the club rose by 1,200 to 15,300 players.", "1,200", "count", "player"),
])
def test_a_bare_end_or_change_takes_the_unit_of_the_other_end_it_is_linked_to(extract, text, figure, kind, unit) -> None:
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.kind, found.unit) == (kind, unit)


def test_a_bare_number_after_a_change_of_a_measure_keeps_no_unit_of_it(extract) -> None:
    """A change in basis points may lead to a level in percent: the level does not take basis points."""
    found = {f.text: f.unit for f in extract("The lender trimmed its rate by 15 basis points to 4.").figures}
    assert found.get("4", "") != "basis_point"


def test_a_couple_of_a_scale_is_about_two_of_it_and_a_few_of_it_no_number(extract) -> None:
    figures = extract("A couple of hundred fans cheered while a few hundred marchers and several thousand others left.").figures
    assert [(f.value, f.unit, f.qualifier) for f in figures] == [(200, "fan", "approx")]


@pytest.mark.parametrize("text,figure,unit", [
    ("The lender hired four investment bankers to advise it.", "four investment bankers", "investment banker"),
    ("Insurers received 41 death claims after the storm.", "41 death claims", "death claim"),
    ("The city opened nine emergency treatment centres.", "nine emergency treatment centres", "emergency treatment centre"),
    ("The court named 2 special prosecutors.", "2 special prosecutors", "prosecutor"),
    ("The airline leased six Airbus jets.", "six Airbus jets", "jet"),
    ("The plant ran six open-hearth furnaces until 1980.", "six open-hearth furnaces", "furnace"),
    ("The roll lists 91.2 crore voters.", "91.2 crore voters", "voter"),
])
def test_a_count_keeps_the_nouns_compounded_onto_its_noun_and_drops_adjectives_names_and_scales(
        extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


@pytest.mark.parametrize("text,figure,unit", [
    ("Troops forced out 80,000 minority Karens last winter.", "80,000 minority Karens", "Karen"),
    ("The ferry carried 40 Burmese and 12 Thais.", "40 Burmese", "Burmese"),
    ("The ferry carried 40 Burmese and 12 Thais.", "12 Thais", "Thai"),
    ("Customs held nine Iraqis, five Nepalese and two Somalis.", "five Nepalese", "Nepalese"),
    ("A total of about 2,000 Americans, 1,800 Britons and 90 Japanese were evacuated.", "1,800 Britons", "Briton"),
    ("The inquiry covers the deaths of more than 6,000 minority Tutsis in the north.", "6,000 minority Tutsis", "Tutsi"),
])
def test_a_count_of_a_people_counts_its_name_without_the_nouns_before_it(extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


@pytest.mark.parametrize("text,figure,unit", [
    ("Ninety pilots flew that year, thirty one of them women.", "thirty one", "woman"),
    ("Police said 40 people were hurt, 12 of them children.", "12", "child"),
    ("Since then 427 fugitives were caught, 133 of them with help from the public.", "133", "fugitive"),
])
def test_n_of_them_counts_the_noun_after_it_or_else_the_count_before_it(extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


def test_the_smallest_numbers_in_words_of_them_are_grammar(extract) -> None:
    assert not extract("Ninety pilots flew that year, two of them women.").figures[1:]


def test_a_part_of_them_and_the_part_joined_to_it_count_the_same_noun(extract) -> None:
    figures = extract("Eleven sailors were rescued. Seven of them were flown to Oslo and one to Bergen.").figures
    assert [(f.text, f.value, f.unit) for f in figures] == [
        ("Eleven sailors", 11, "sailor"), ("Seven", 7, "sailor"), ("one", 1, "sailor")]


@pytest.mark.parametrize("text,figure,value,unit", [
    ("The union elected a seven-member council to run the strike.", "seven-member", 7, "member"),
    ("He chaired the firm's nine-person management committee.", "nine-person", 9, "person"),
    ("A 120-member chamber will vote on it.", "120-member", 120, "member"),
])
def test_the_size_of_a_body_written_before_it_counts_its_members(extract, text: str, figure: str, value: int, unit: str) -> None:
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.kind, found.value, found.unit) == ("count", value, unit)


@pytest.mark.parametrize("text", [
    "The car has a seven-speed gearbox.", "They built a two-way street.", "She is a 27-year veteran of the board.",
])
def test_other_words_written_with_a_number_before_a_noun_are_no_count(extract, text: str) -> None:
    assert all(f.kind != "count" for f in extract(text).figures)


@pytest.mark.parametrize("text,figure", [
    ("At least 57 were killed when the bridge fell.", "57"),
    ("Some 30 have been arrested since Friday.", "30"),
])
def test_a_bare_subject_of_a_casualty_verb_counts_people(extract, text: str, figure: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == "person"


def test_the_other_end_of_a_change_after_a_phrase_counts_the_noun_before_it(extract) -> None:
    figures = extract("The chain now has 40 stores in operation, up from nine last spring.").figures
    assert [(f.text, f.value, f.unit) for f in figures] == [("40 stores", 40, "store"), ("nine", 9, "store")]


@pytest.mark.parametrize("text,figure,unit", [
    ("The raid brought to 14 the number of people held over the fires.", "14", "person"),
    ("The new cases raise to 230 the number of infections in the province.", "230", "infection"),
])
def test_a_number_a_change_brings_the_number_of_things_to_counts_them(extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


def test_a_range_of_a_part_of_a_whole_counts_the_whole_noun(extract) -> None:
    found = next(f for f in extract("The firm will cut about 120 to 150 of its 9,000 jobs.").figures if f.text == "120 to 150")
    assert (found.value_low, found.value_high, found.unit, found.qualifier) == (120, 150, "job", "approx")


@pytest.mark.parametrize("text,value", [
    ("Each warrant lets its holder buy one-half share of common stock for $24.", 0.5),
    ("Talvik will pay $8 and one-fifth Talvik share for each Ostrander share.", 0.2),
])
def test_a_fraction_of_one_share_is_a_count_of_share_and_no_percent(extract, text: str, value: float) -> None:
    figures = extract(text).figures
    assert not [f for f in figures if f.kind == "percent"]
    share = next(f for f in figures if f.kind == "count")
    assert (share.value, share.unit) == (value, "share")


def test_others_a_casualty_befell_beside_a_noun_are_people(extract) -> None:
    figures = {f.text: f.unit for f in extract("Her uncle and 12 others perished when the ferry sank.").figures}
    assert figures["12 others"] == "person"


@pytest.mark.parametrize("text,figure", [
    ("The storm injured more than 300 others across the valley.", "300 others"),
    ("The skipper drowned along with 6 others when the trawler capsized.", "6 others"),
    ("Ortega was arrested with two others at the border.", "two others"),
    ("At least nine were reported dead after the quake.", "nine"),
])
def test_a_count_a_casualty_befell_as_its_object_or_beside_its_subject_is_of_people(extract, text: str, figure: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == "person"


@pytest.mark.parametrize("text,figure,unit", [
    ("The twin blasts claimed at least 64 lives and injured about 1,300.", "1,300", "person"),
    ("The floods destroyed 900 homes and injured 40 in the valley.", "40", "person"),
    ("Troops killed 140 rebels and wounded at least 300 in the battle.", "300", "rebel"),
    ("The raft carried 24 Haitians when it sank. Eleven of those on board drowned.", "Eleven", "Haitian"),
])
def test_a_count_a_casualty_befell_continues_only_a_count_one_befell_too(extract, text: str, figure: str, unit: str) -> None:
    assert {f.text: f.unit for f in extract(text).figures}[figure] == unit


@pytest.mark.parametrize("text,figure,value,unit", [
    ("Brisco issued 1.1 million Class C warrants.", "1.1 million Class C warrants", 1100000, "warrant"),
    ("Brisco sold 400,000 Series B shares last week.", "400,000 Series B shares", 400000, "share"),
    ("Brisco will issue another 243,677 of the Class C warrants.", "243,677 of the Class C warrants", 243677, "warrant"),
])
def test_a_class_letter_is_a_name_and_no_unit_or_scale_of_a_count(extract, text: str, figure: str, value: int, unit: str) -> None:
    found = next(f for f in extract(text).figures if f.text == figure)
    assert (found.value, found.unit) == (value, unit)


def test_a_number_with_thousands_commas_counts_part_of_a_group(extract) -> None:
    found = next(f for f in extract("Rebels freed 1,200 of the hostages on Friday.").figures)
    assert (found.text, found.unit) == ("1,200 of the hostages", "hostage")
