"""Writing files whole: every file a command changes is written, or none of them."""

from __future__ import annotations

from pathlib import Path


def write_all(files: dict[Path, bytes]) -> None:
    """Each file written to a temporary name beside it first, then all renamed; OSError
    before the renaming leaves every file as it was."""
    partials = {path: path.with_name(f".{path.name}.partial") for path in files}
    try:
        for path, data in files.items():
            partials[path].write_bytes(data)
    except OSError:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
        raise
    for path, partial in partials.items():
        partial.replace(path)
