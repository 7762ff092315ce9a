"""Service-standards handbook generator. The data flows one way, one subpackage per stage:

``reading``  the YAML in ``standards/`` -> a checked ``Handbook``, or problems with file:line
``model``    the typed records, review dates and translation status
``render``   the model -> HTML for one page in one language
``export``   the model -> the calendar, the JSON and the CSV tables
``site``     the built HTML -> the finished site (security policy, search index, links)
``tools``    the ``handbook`` command editors run (check, status, translated, init, new)

``settings`` reads ``mkdocs.yml`` and ``build`` loads the handbook for one build. Nothing in
this package imports MkDocs; the glue lives beside it in ``hooks/site_hooks.py`` and
``hooks/macros.py``, so the renderers survive a move to another site generator.
"""
