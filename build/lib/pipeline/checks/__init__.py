"""Checks figures against each other (arithmetic) and against reference facts."""
