"""The period of a distance that says where a place is: the day the article speaks for.

"Halden Hall, 85 kilometers north of the capital" and "the mine lies 40 miles from the coast" say
where something is, which holds when the story is told: such a distance is checked against the
article's day (``time_source`` `published`), never against a year its sentence names for
something else ("The treaty was signed in 1957 at Halden Hall, 85 kilometers north of the
capital": not 1957; "the mine lies 40 miles from the coast, where a ship ran aground in 1962":
not 1962). A day that dates the sentence stays ("a bus overturned 30 miles south of Quito on
Tuesday"): the news happened there that day, and the place has not moved since.

A distance is a place's when the word after it is a compass direction followed by "of"
(``compass_words`` in rules/lexicons.yml: "12 miles west of", "3 km south-east of"), or a word
of position (``position_words``: "from", "away", "off", "offshore") after a verb that says
where something is (``location_verbs``: "lies", "is", "sits", "is based") or after no verb at
all ("the port, 40 miles from the coast", "a market town 12 miles from the border"). Counter-examples: "the jet flew 300 miles from
Lima to Cusco on Tuesday" and "the storm moved 50 miles inland in 1998" measure a journey, and
keep their date.
"""
from __future__ import annotations


from spacy.tokens import Span

from pipeline.records import TimeScope
from pipeline.time.scope import is_single_day

LENGTH = "meter"
"""The SI unit of a distance (``Figure.unit_si``)."""



def position_scopes(figures: list[Span], scopes: list[TimeScope | None], si_units: list[str],
                    day: TimeScope | None, words: dict[str, list[str]]) -> list[TimeScope | None]:
    """Each figure's scope, a distance that says where a place is given the article's ``day``
    unless a day dates it; other figures keep theirs. ``words`` holds the lexicons
    ``compass_words``, ``position_words`` and ``location_verbs``."""
    return [day if unit == LENGTH and locates(span, words) and not (scope and is_single_day(scope.value))
            else scope for span, scope, unit in zip(figures, scopes, si_units)]


def locates(figure: Span, words: dict[str, list[str]]) -> bool:
    """Whether a distance says where a place is: "85 kilometers north of the capital", "lies 40
    miles from the coast", "the port, 40 miles from the coast"; not "flew 300 miles from Lima"."""
    doc = figure.doc
    after = doc[figure.end].lower_ if figure.end < len(doc) else ""
    if after in words["compass_words"]:
        return figure.end + 1 < len(doc) and doc[figure.end + 1].lower_ == "of"
    if after not in words["position_words"]:
        return False
    before = figure.start - 1  # the word the distance follows, past "about", "some", "nearly"
    while before >= 0 and doc[before].pos_ == "ADV":
        before -= 1
    if before < 0 or doc[before].pos_ not in ("VERB", "AUX"):  # "a market town 12 miles from the border"
        return True
    return doc[before].lemma_.lower() in words["location_verbs"]
