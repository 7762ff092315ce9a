"""Service-standards handbook: the model, loader, checker and renderers.

Nothing in this package imports MkDocs; the glue lives beside it in ``hooks/site_hooks.py``
and ``hooks/macros.py``, so the renderers survive a move to another site generator.
"""

LANGUAGES: tuple[str, ...] = ("en", "pl", "ar")
"""Languages of the handbook; the first is the source language every text must have."""

SOURCE_LANGUAGE = LANGUAGES[0]
RTL_LANGUAGES = frozenset({"ar"})
