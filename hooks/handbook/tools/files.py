"""Writing files whole: every file a command changes is written, or none of them."""

from __future__ import annotations

from pathlib import Path


def write_all(files: dict[Path, bytes]) -> None:
    """Each file written to a temporary name beside it first, then all renamed; OSError
    before the renaming leaves every file as it was. A path that is no regular file
    (``/dev/stdout``, a pipe) is written to directly: renaming would replace the device."""
    direct = {path: data for path, data in files.items() if path.exists() and not path.is_file()}
    partials = {
        path: path.with_name(f".{path.name}.partial") for path in files if path not in direct
    }
    try:
        for path, partial in partials.items():
            partial.write_bytes(files[path])
    except OSError:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
        raise
    for path, data in direct.items():
        path.write_bytes(data)
    for path, partial in partials.items():
        partial.replace(path)
