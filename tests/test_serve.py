"""``make serve``: an edit to a YAML file reaches the served page without a restart.

mkdocs.yml watches ``standards/`` and ``hooks/``; each rebuild loads a new config, with a new
instance of the handbook plugin (it defines no ``on_startup``, which would make MkDocs keep
one instance across rebuilds), so the handbook that instance keeps is read again. This runs
the real ``mkdocs serve`` on a free local port and polls the page until the edit shows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from handbook.glue.plugin import PLUGIN_NAME, HandbookPlugin
from handbook.reading.loader import labels_alone
from tests.hotel import HOTEL_LANGUAGES
from tests.serving import fetch, free_port, mkdocs_serve
from tests.sitebuild import TEST_TODAY, project_copy

pytestmark = pytest.mark.build

FIXTURES = Path(__file__).parent / "fixtures"
FIRST_BUILD_SECONDS = 240
REBUILD_SECONDS = 180
BEFORE = "Greet the guest within 30 seconds."
AFTER = "Greet the guest within 20 seconds and smile while you serve."


def wait_for(url: str, text: str, seconds: float, server: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def served(
    tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[Path, str, subprocess.Popen[bytes], Path]]:
    """A copy of the project with the small fixture, served by `mkdocs serve`; a test's
    ``language`` parameter previews that language alone (``make serve LANGUAGE=…``)."""
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    port = free_port()
    # The served path follows site_url; point it at the local server, as a preview would.
    env = {
        **os.environ,
        "HANDBOOK_TODAY": TEST_TODAY,
        "NO_MKDOCS_2_WARNING": "1",
        "HANDBOOK_SITE_URL": f"http://127.0.0.1:{port}/",
    }
    env.pop("HANDBOOK_LANGUAGE", None)
    if getattr(request, "param", None):
        env["HANDBOOK_LANGUAGE"] = request.param
    log = tmp_path / "serve.log"
    with mkdocs_serve(project, port, env, log) as server:
        yield project, f"http://127.0.0.1:{port}{_mount(project, env)}", server, log


def _mount(project: Path, env: dict[str, str]) -> str:
    """The path `mkdocs serve` serves the site under: the path of site_url."""
    script = (
        "import sys; from mkdocs.config import load_config; "
        "sys.stdout.write(load_config(config_file='mkdocs.yml').site_url or '/')"
    )
    site_url = subprocess.run(
        [sys.executable, "-c", script], cwd=project, env=env, capture_output=True, text=True
    ).stdout.strip()
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def test_an_edited_standard_shows_on_the_served_page_without_a_restart(
    served: tuple[Path, str, subprocess.Popen[bytes], Path],
) -> None:
    project, root, server, log = served
    page = f"{root}phases/check-in/"
    assert wait_for(page, BEFORE, FIRST_BUILD_SECONDS, server), log.read_text(errors="replace")

    phase_file = project / "standards" / "check-in.yaml"
    text = phase_file.read_text(encoding="utf-8")
    assert BEFORE in text
    phase_file.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")

    assert wait_for(page, AFTER, REBUILD_SECONDS, server), log.read_text(errors="replace")
    assert server.poll() is None, "the server restarted or stopped"


def test_each_rebuild_gets_a_new_plugin_with_no_handbook_loaded(tmp_path: Path) -> None:
    """What `mkdocs serve` does before each rebuild: load the config again."""
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    first, second = (load_config(config_file=str(project / "mkdocs.yml")) for _ in range(2))
    plugin = second.plugins[PLUGIN_NAME]
    assert isinstance(plugin, HandbookPlugin)
    assert plugin is not first.plugins[PLUGIN_NAME]
    assert not hasattr(HandbookPlugin, "on_startup") and not hasattr(HandbookPlugin, "on_shutdown")
    with pytest.raises(PluginError, match="not loaded the handbook yet"):
        plugin.state  # noqa: B018  (the property raises)


ERRORS_SHOWN = "hb-preview-errors"
"""The class of the block that shows the errors, in every language."""


def test_a_broken_file_shows_its_error_on_every_page_until_it_is_fixed(
    served: tuple[Path, str, subprocess.Popen[bytes], Path],
) -> None:
    project, root, server, log = served
    page, home, polish = f"{root}phases/check-in/", root, f"{root}pl/phases/check-in/"
    assert wait_for(page, BEFORE, FIRST_BUILD_SECONDS, server), log.read_text(errors="replace")
    phase_file = project / "standards" / "check-in.yaml"
    good = phase_file.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    broken_line = next(n for n, line in enumerate(lines) if "level: expected" in line)
    lines[broken_line] = lines[broken_line].replace("level: expected", "level: basik")
    phase_file.write_text("".join(lines), encoding="utf-8")

    place = f"standards/check-in.yaml:{broken_line + 1}:"
    assert wait_for(page, ERRORS_SHOWN, REBUILD_SECONDS, server), log.read_text(errors="replace")
    words = labels_alone(project / "standards", HOTEL_LANGUAGES)
    assert words is not None
    for shown, language in ((page, "en"), (home, "en"), (polish, "pl")):
        text = fetch(shown) or ""
        heading = escape(words.word("preview_errors", language))
        assert heading in text and place in text and "basik" in text, shown
    assert "livereload" in (fetch(page) or "")  # the page still reloads by itself

    phase_file.write_text(good, encoding="utf-8")
    assert wait_for(page, BEFORE, REBUILD_SECONDS, server), log.read_text(errors="replace")
    assert ERRORS_SHOWN not in (fetch(home) or "")
    assert server.poll() is None, "the server restarted or stopped"


def test_a_broken_file_still_fails_mkdocs_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    phase_file = project / "standards" / "check-in.yaml"
    phase_file.write_text(
        phase_file.read_text(encoding="utf-8").replace("level: expected", "level: basik", 1),
        encoding="utf-8",
    )
    env = {**os.environ, "HANDBOOK_TODAY": TEST_TODAY, "NO_MKDOCS_2_WARNING": "1"}

    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )

    assert built.returncode != 0
    assert "standards/check-in.yaml:" in built.stderr and "basik" in built.stderr
    assert not (project / "site" / "index.html").exists()


@pytest.mark.parametrize("served", ["pl"], indirect=True)
def test_one_language_is_previewed_alone_at_the_root_and_follows_edits(
    served: tuple[Path, str, subprocess.Popen[bytes], Path],
) -> None:
    project, root, server, log = served
    page = f"{root}phases/check-in/"
    polish = _polish_text(project)
    assert wait_for(page, polish, FIRST_BUILD_SECONDS, server), log.read_text(errors="replace")
    assert '<html lang="pl"' in (fetch(page) or "")
    assert fetch(f"{root}pl/phases/check-in/") is None  # no other language, no /pl/ copy
    home = fetch(root) or ""
    assert 'href="phases/check-in/"' in home and 'href="pl/' not in home  # links stay here

    phase_file = project / "standards" / "check-in.yaml"
    text = phase_file.read_text(encoding="utf-8")
    edited = polish.replace(polish.split()[0], "Zawsze", 1)
    phase_file.write_text(text.replace(polish, edited), encoding="utf-8")

    assert wait_for(page, edited, REBUILD_SECONDS, server), log.read_text(errors="replace")


def _polish_text(project: Path) -> str:
    """The Polish text of the first standard of check-in.yaml, as one line."""
    data = yaml.safe_load((project / "standards" / "check-in.yaml").read_text(encoding="utf-8"))
    return " ".join(str(data["standards"][0]["text"]["pl"]).split())


def test_one_language_alone_is_refused_by_a_strict_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    env = {**os.environ, "HANDBOOK_TODAY": TEST_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]

    unknown = subprocess.run(
        command, cwd=project, env={**env, "HANDBOOK_LANGUAGE": "de"}, capture_output=True, text=True
    )
    alone = subprocess.run(
        command, cwd=project, env={**env, "HANDBOOK_LANGUAGE": "pl"}, capture_output=True, text=True
    )

    assert unknown.returncode != 0 and "HANDBOOK_LANGUAGE=de is not a language" in unknown.stderr
    assert alone.returncode != 0 and "not a site to publish" in alone.stderr


def test_a_language_whose_files_sort_before_the_source_is_previewed_in_it(tmp_path: Path) -> None:
    """``changes.ar.md`` sorts before ``changes.md``; the Arabic preview must still use it."""
    project = project_copy(tmp_path / "project", FIXTURES / "small")
    env = {**os.environ, "HANDBOOK_TODAY": TEST_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    heading = (project / "docs" / "changes.ar.md").read_text(encoding="utf-8").splitlines()[0]

    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        env={**env, "HANDBOOK_LANGUAGE": "ar"},
        capture_output=True,
        text=True,
    )

    assert built.returncode == 0, built.stderr
    page = (project / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert heading.removeprefix("# ").strip() in page
    assert 'dir="rtl"' in page and not (project / "site" / "ar").exists()
