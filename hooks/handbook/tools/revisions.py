"""The handbook as it was at a git revision, read by the same loader as the working tree.

``git archive`` writes the revision's files into a temporary folder, and the handbook there is
read with that revision's own ``mkdocs.yml``, so a change of languages or settings in the
pull request is read as the pull request has it.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from handbook.glue.configfile import read_config_file
from handbook.model import Handbook
from handbook.reading.loader import load_handbook
from handbook.reading.problems import HandbookError
from handbook.settings import settings_of

GIT_TIMEOUT = 120


class RevisionUnreadable(Exception):
    """Why the handbook at a revision cannot be compared; the message says what to do."""


def handbook_at(revision: str | None, config_file: Path) -> Handbook:
    """The handbook at ``revision`` (None: the working tree) of the repository of
    ``config_file``; RevisionUnreadable when git or the handbook there fails."""
    if revision is None:
        return _load(config_file, "the working tree")
    top = Path(_git(config_file.parent, "rev-parse", "--show-toplevel").decode().strip())
    inside = config_file.resolve().relative_to(top.resolve())
    archive = _git(top, "archive", "--format=tar", _commit(top, revision))
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
                tar.extractall(folder, filter="data")
            else:  # pragma: no cover - an archive git made of this repository
                tar.extractall(folder)
        return _load(Path(folder) / inside, revision)


def _commit(top: Path, revision: str) -> str:
    if revision.startswith("-"):
        raise RevisionUnreadable(f"'{revision}' is not a git revision")
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode()[:40]
    except RevisionUnreadable:
        raise RevisionUnreadable(
            f"git has no commit '{revision}' here; name a branch, tag or commit, and fetch it "
            "first in a shallow clone (e.g. git fetch origin main)"
        ) from None


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RevisionUnreadable(f"git could not run: {error}") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        raise RevisionUnreadable(f"git {args[0]} failed: {said[-1] if said else done.returncode}")
    return done.stdout


def _load(config_file: Path, name: str) -> Handbook:
    if not config_file.is_file():
        raise RevisionUnreadable(f"{name} has no {config_file.name}")
    try:
        settings = settings_of(read_config_file(config_file), str(config_file))
    except HandbookError as error:
        raise RevisionUnreadable(f"the settings at {name} are wrong: {error.problems[0]}") from None
    result = load_handbook(settings.standards, settings.policy, settings.languages)
    if result.handbook is None:
        first = result.errors[0]
        raise RevisionUnreadable(
            f"the handbook at {name} has {len(result.errors)} error(s), the first: "
            f"{first.message} ({Path(first.path).name}:{first.line}); run handbook check there"
        )
    return result.handbook
