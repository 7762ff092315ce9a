"""Service-standards handbook generator: the model, loader, checker and renderers.

Nothing in this package imports MkDocs; the glue lives beside it in ``hooks/site_hooks.py``
and ``hooks/macros.py``, so the renderers survive a move to another site generator.
"""
