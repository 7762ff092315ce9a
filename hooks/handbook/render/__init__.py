"""Rendering: the model in, HTML for one page in one language out.

``view`` is what a page knows (language, labels, links); ``standard``, ``phase``,
``overview``, ``reviews`` and ``translations`` render the parts pages place with macros;
``markup`` turns the editors' inline Markdown into HTML; ``urls`` and ``formats`` give
addresses, dates and numbers.
"""
