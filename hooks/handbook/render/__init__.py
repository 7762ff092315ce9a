"""Renderers: model in, Markdown/HTML for one page in one language out. No MkDocs here."""
