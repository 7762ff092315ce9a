"""Translation files for translators' tools: the handbook's texts as gettext PO or XLIFF.

In: the YAML files of the standards folder, read as nodes (``handbook.reading.yamlsource``),
so each text keeps its file and line. Out: one entry per translatable text and language
(``entries``), written as PO (``po``) or XLIFF 1.2 (``xliff``); and a translator's file
read back (``incoming``) for ``handbook.tools.importing``. Nothing here imports MkDocs.
"""
