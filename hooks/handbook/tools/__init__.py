"""Editors' tools: the ``handbook`` command and what it writes.

``cli`` parses the command line; ``report`` prints the checker's findings; ``marking``
records which source text a translation was made from; ``schema`` writes the editors' JSON
schemas; ``init`` and ``new`` start a handbook, a phase or a standard from the ``starter``.
"""
