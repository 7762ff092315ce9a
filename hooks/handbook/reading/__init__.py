"""Reading and checking: the YAML files in, a validated ``Handbook`` or located problems out.

``yamlsource`` parses with line and column; ``contract`` declares every record's fields;
``fields`` and ``textrules`` read and check values; ``vocabulary``, ``labels`` and
``phases`` read one file each (the qualities and owners, the UI words, a phase with its steps
and standards); ``crosschecks`` holds the rules that span records (unique IDs, step ids and
orders, names that refer to the vocabulary or the phase's steps, phase and file name);
``fingerprints`` finds outdated translations; ``glossary`` reads the one term per concept
and ``wording`` finds, in any text or page, the variants the glossary says to avoid;
``pages`` pairs phases with their pages;
``loader`` puts it together for a folder. Every problem is collected with file:line:col
(``problems``), never raised one at a time.
"""
