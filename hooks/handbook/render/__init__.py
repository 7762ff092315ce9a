"""Rendering: the model in, HTML for one page in one language out.

``view`` is what a page knows (language, labels, links); ``standard``, ``phase``,
``overview``, ``reviews`` and ``translations`` gather what the parts pages place with
macros show, and ``fragments`` writes their HTML from the Jinja templates in
``templates/`` (which a site can override); ``markup`` turns the editors' inline Markdown
into HTML; ``urls`` and ``formats`` give addresses, dates and numbers.
"""
