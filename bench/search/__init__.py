"""Measurements behind the choice of search engine (issue 5); results in bench/SEARCH.md."""
