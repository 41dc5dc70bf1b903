"""Runs the pipeline over many articles: one process, several, a Dask cluster, and the bench."""
