"""Service-standards handbook generator. The data flows one way, one subpackage per stage:

``reading``  the YAML in ``standards/`` -> a checked ``Handbook``, or problems with file:line
``model``    the typed records, review dates and translation status
``render``   the model -> HTML for one page in one language
``export``   the model -> the calendar, the JSON and the CSV tables
``site``     the built HTML -> the finished site (security policy, search index, links)
``tools``    the ``handbook`` command editors run (check, status, translated, init, new)

``settings`` reads ``mkdocs.yml`` and ``build`` loads the handbook for one build. Only
``glue`` imports MkDocs: the ``handbook`` plugin (``glue.plugin``), which holds each build's
state, and beside the package the mkdocs-macros module ``hooks/macros.py``; so the renderers
survive a move to another site generator.
"""
