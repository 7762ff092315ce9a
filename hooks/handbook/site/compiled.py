"""Compiled theme templates, kept between the builds of one run or of one preview.

MkDocs makes a new Jinja environment for each build, and mkdocs-static-i18n builds each
language anew, so every language compiled Material's templates again: a third of a
300-standard handbook's build. Jinja's bytecode cache hands a new environment the code of
an unchanged template; the cache compares each template's source with the source of the
code it holds, so a changed template is compiled again.
"""

from __future__ import annotations

import functools

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache in memory, for the environments of one build or one preview."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@functools.cache
def kept_between_builds() -> CompiledTemplates:
    """One cache for this process: ``mkdocs serve`` builds anew for each edit, and an edit
    of the YAML leaves the theme's templates as they were."""
    return CompiledTemplates()
