"""The claims pipeline: news articles in, a table of checkable figures and dated claims out."""
