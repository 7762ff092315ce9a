"""Reading and checking: the YAML files in, a validated ``Handbook`` or located problems out.

``yamlsource`` parses with line and column; ``contract`` declares every record's fields;
``fields`` and ``textrules`` read and check values; ``labels`` reads the UI words;
``fingerprints`` finds outdated translations; ``loader`` puts it together for a folder.
Every problem is collected with file:line:col (``problems``), never raised one at a time.
"""
