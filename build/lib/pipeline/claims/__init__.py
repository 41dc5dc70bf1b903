"""Describes each figure (subject, entities, speaker, check-worthiness) and assembles the rows."""
