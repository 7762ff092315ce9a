"""Site post-processing: built HTML in, the finished site out.

The raw-HTML stash the macros use (``rawhtml``), the content security policy (``csp``),
the Pagefind index (``search``), links that work under a sub-path (``hosting``), the edit
button that opens the YAML (``editlink``), and the offline link checker (``linkcheck``).
"""
