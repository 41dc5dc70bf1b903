"""Scores extractions against gold: detection, normalization, time, and the baselines."""
