"""The core package stays independent of MkDocs, so the renderers survive a move of the glue.

Only ``handbook/glue/`` may import the site generator.
"""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "hooks" / "handbook"
GLUE = CORE / "glue"
SITE_GENERATOR = ("mkdocs", "material", "mkdocs_macros", "mkdocs_static_i18n")


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_no_core_module_imports_the_site_generator() -> None:
    files = sorted(path for path in CORE.rglob("*.py") if GLUE not in path.parents)
    assert len(files) > 20
    offenders = {
        f"{path.relative_to(CORE)}: {module}"
        for path in files
        for module in imported_modules(path)
        if module.split(".")[0] in SITE_GENERATOR
    }
    assert offenders == set()


def test_the_check_would_see_such_an_import(tmp_path: Path) -> None:
    glue = tmp_path / "glue.py"
    glue.write_text("from mkdocs.plugins import event_priority\nimport material.plugins\n")
    assert imported_modules(glue) == {"mkdocs.plugins", "material.plugins"}
