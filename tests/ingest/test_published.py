"""Publication dates from metadata values: read when certain, refused otherwise."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.ingest.ingest_inputs import FUZZ, json_values
from pipeline.ingest.published import parse_date_value


@FUZZ
@given(json_values | st.dates() | st.datetimes())
def test_date_values_parse_or_are_refused(value: object) -> None:
    parsed = parse_date_value(value)
    assert parsed is None or 1 <= parsed.year <= 9999
