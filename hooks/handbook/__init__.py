"""Service-standards handbook: the model, loader, checker and renderers.

Nothing in this package imports MkDocs except the glue in ``handbook.mkdocs_glue``,
so the renderers survive a move to another site generator.
"""

LANGUAGES: tuple[str, ...] = ("en", "pl", "ar")
"""Languages of the handbook; the first is the source language every text must have."""

SOURCE_LANGUAGE = LANGUAGES[0]
RTL_LANGUAGES = frozenset({"ar"})
