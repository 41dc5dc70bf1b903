"""Points in time, their EDTF values, and how the anchor column names an anchor."""
from datetime import date

from pipeline.time.points import YEAR, Point, coarsen, narrative_label, point_of, published_anchor, published_as


def test_point_of_reads_back_values():
    assert point_of("2022-02") == Point(date(2022, 2, 1), "month")
    assert point_of("195X") is None and point_of("1960/1989") is None


def test_a_point_is_written_at_its_granularity():
    day = date(2022, 2, 4)
    assert [Point(day, g).edtf() for g in ("day", "month", "year")] == ["2022-02-04", "2022-02", "2022"]


def test_a_result_is_coarsened_to_its_anchor():
    later = Point(date(2022, 2, 24), "day")
    assert coarsen(later, Point(date(2022, 1, 1), "year")) == Point(date(2022, 2, 24), "year")
    assert coarsen(later, Point(date(2022, 2, 4), "day")) == later  # counter-example: as precise as its anchor


def test_anchors_are_named_for_the_anchor_column():
    assert published_anchor(date(2024, 4, 9)) == (Point(date(2024, 4, 9), "day"), "published 2024-04-09")
    assert published_anchor(None) == (None, "")
    assert narrative_label(Point(date(2022, 2, 4), "day"), "February 4, 2022") == \
        "narrative 2022-02-04 (February 4, 2022)"


def test_a_year_word_is_a_year_of_the_calendar_articles_write_about():
    assert all(YEAR.match(w) for w in ("1935", "2024", "1500", "2100"))  # "warming by 2100"
    assert not any(YEAR.match(w) for w in ("1499", "2200", "737", "20240"))


def test_a_value_is_compared_with_publication_at_its_own_precision():
    published = date(2031, 5, 20)
    assert [published_as(v, published) for v in ("2031-05", "2031", "2031-05-19")] == ["2031-05", "2031", "2031-05-20"]
    assert "2031-04" < published_as("2031-04", published)  # April is over by May 20
    assert not "2031-05" < published_as("2031-05", published)  # counter-example: May is not over yet
    assert "2032" > published_as("2032", published)  # a later year is still ahead
