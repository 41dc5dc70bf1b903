"""What a resolver is given: the expression's anchors, and the lexicons as tables."""
from datetime import date

from tests.time.date_fixture import PARSER
from pipeline.time.expressions import Expression
from pipeline.time.points import Point


def test_the_lexicons_become_tables_built_once():
    words = PARSER.words
    assert words.months["nov."] == 11 and words.weekdays["friday"] == 4 and words.quarters["third"] == 3
    assert words.time_units["years"] == "year" and "ago" in words.back


def test_an_expression_names_its_anchors():
    expression = Expression(["20", "days", "later"], ["20", "days", "later"], date(2024, 4, 9),
                            Point(date(2022, 2, 4), "day"), "February 4, 2022")
    assert expression.narrative_anchor() == (Point(date(2022, 2, 4), "day"), "narrative 2022-02-04 (February 4, 2022)")
    assert expression.published_anchor() == (Point(date(2024, 4, 9), "day"), "published 2024-04-09")
