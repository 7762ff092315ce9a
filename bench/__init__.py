"""Benchmark of the handbook build against a stock MkDocs Material site (``make bench``)."""
