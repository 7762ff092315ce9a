"""Each phase needs its one-line page in ``docs/``, and each such page must name a phase.

The page is what puts a phase into the site; a phase without one would vanish from every
language, and a page naming a phase that does not exist (a typo, or a phase file deleted)
would stop the build inside the template engine with a traceback. Both are reported here,
before any page is rendered, as ``file:line:column`` problems an editor can act on.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.model import Handbook
from handbook.reading.problems import Place, Problem, display_path

_CALL = re.compile(r"""phase_content\(\s*["']([^"']*)["']\s*\)""")


def page_call(slug: str) -> str:
    """The line a phase page holds."""
    return f'{{{{ phase_content("{slug}") }}}}'


def phase_page_problems(handbook: Handbook, pages: Path) -> list[Problem]:
    """Phases without a page in ``pages``, and pages there whose call names no phase."""
    slugs = {phase.slug for phase in handbook.phases}
    problems = [
        Place(phase.source_path).error(
            f"the phase has no page; create {display_path(pages / f'{phase.slug}.md')} "
            f"containing the line {page_call(phase.slug)}"
        )
        for phase in handbook.phases
        if not (pages / f"{phase.slug}.md").is_file()
    ]
    for page in sorted(pages.glob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for call in _CALL.finditer(line):
                if call.group(1) not in slugs:
                    problems.append(
                        Place(display_path(page), number, call.start() + 1).error(
                            f"phase_content names the phase '{call.group(1)}', which has no "
                            f"file in the standards; use one of: {', '.join(sorted(slugs))}"
                        )
                    )
    return problems
