"""One home for time: date expressions to EDTF values, and the period each figure refers to."""
