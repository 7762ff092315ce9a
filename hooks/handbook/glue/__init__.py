"""The MkDocs glue: the only part of the package that imports MkDocs.

Everything else (reading, model, render, export, site, tools) is plain Python, so the
renderers survive a move to another site generator; this folder adapts them to MkDocs.
"""
