"""Publishing: edit links to the YAML, the offline link check, hosting under a sub-path.

The offline copy (``make site-offline``) is tested in ``tests/browser/test_offline.py``.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from handbook.reading.loader import phase_files
from handbook.site.editlink import phase_slug, source_edit_url
from handbook.site.hosting import site_relative
from handbook.site.linkcheck import check_site, main, read_page, site_base_url
from tests.browser.harness import serve
from tests.sitebuild import HOTEL, mkdocs_build, project_copy

REPO = "https://github.com/example/service-handbook"
PREFIX = {"en": "", "pl": "pl/", "ar": "ar/"}
PHASES = sorted(p.stem for p in phase_files(HOTEL / "standards"))


def edit_link(html: str) -> str:
    found = re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html)
    assert found is not None, "the page has no edit button"
    return found.group(1)


# --- "Edit this page" -------------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("language", PREFIX)
def test_phase_pages_edit_their_yaml_file_on_the_repository(
    built_site: Path, language: str
) -> None:
    assert len(PHASES) >= 5
    for slug in PHASES:
        html = (built_site / PREFIX[language] / "phases" / slug / "index.html").read_text()
        assert edit_link(html) == f"{REPO}/edit/main/standards/{slug}.yaml"
        assert (HOTEL / "standards" / f"{slug}.yaml").is_file()


@pytest.mark.build
def test_hand_written_pages_edit_their_own_markdown(built_site: Path) -> None:
    for page, source in [("", "index.md"), ("pl/levels/", "levels.pl.md")]:
        link = edit_link((built_site / page / "index.html").read_text())
        assert link == f"{REPO}/edit/main/docs/{source}"
        assert (HOTEL / "docs" / source).is_file()


@pytest.mark.build
def test_the_publish_workflow_can_set_the_address_and_repository(tmp_path: Path) -> None:
    """What .github/workflows/publish.yml does with the values GitHub gives it."""
    project = project_copy(tmp_path)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HANDBOOK_SITE_URL", "https://acme.github.io/handbook/")
        env.setenv("HANDBOOK_REPO_URL", "https://github.com/acme/handbook")
        result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert site_base_url(site) == "https://acme.github.io/handbook/"
    html = (site / "ar" / "phases" / "stay" / "index.html").read_text(encoding="utf-8")
    assert edit_link(html) == "https://github.com/acme/handbook/edit/main/standards/stay.yaml"
    assert check_site(site) == []


def test_phase_slug_is_only_a_known_phase_directly_in_the_phase_folder() -> None:
    slugs = {"check-in", "stay"}
    assert phase_slug("phases/check-in.md", "phases", slugs) == "check-in"
    assert phase_slug("phases/check-in.pl.md", "phases", slugs) == "check-in"
    assert phase_slug("phases/notes.md", "phases", slugs) is None
    assert phase_slug("index.md", "phases", slugs) is None
    assert phase_slug("other/stay.md", "phases", slugs) is None


def test_edit_url_keeps_host_branch_and_action_but_names_the_yaml() -> None:
    blob = "https://git.example.org/o/r/blob/release/docs/phases/stay.md"
    assert (
        source_edit_url(blob, "phases/stay.md", "docs", "standards/stay.yaml")
        == "https://git.example.org/o/r/blob/release/standards/stay.yaml"
    )


def test_edit_url_of_an_unexpected_shape_is_refused_not_guessed() -> None:
    with pytest.raises(ValueError, match="edit_uri should end with 'docs/'"):
        source_edit_url(f"{REPO}/edit/main/phases/stay.md", "phases/stay.md", "docs", "x.yaml")


# --- the link check -----------------------------------------------------------------------


def write(site: Path, page: str, body: str, head: str = "") -> None:
    file = site / page
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A two-page site built for https://example.org/hb/ with every kind of good link."""
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        '<a href="guide/">guide</a> <a href="guide/#step-2">step</a> <img src="a%20b.png">'
        '<a href="https://elsewhere.example/x">out</a> <a href="mailto:x@example.org">m</a>'
        '<a href="#top" id="top">top</a> <a href="/hb/guide/index.html">abs</a>',
        '<link rel="canonical" href="https://example.org/hb/">',
    )
    write(site, "guide/index.html", '<h2 id="step-2">Step 2</h2><a href="../">home</a>')
    (site / "a b.png").write_bytes(b"png")
    return site


def test_a_site_whose_links_all_resolve_passes(small: Path) -> None:
    assert site_base_url(small) == "https://example.org/hb/"
    assert check_site(small) == []


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        ("guide/missing.html", "no such file"),
        ("nowhere/", "no such folder"),
        ("guide/#step-3", "no anchor #step-3"),
        ("#nothing", "no anchor #nothing"),
        ("../../etc/passwd", "above the site folder"),
        ("/assets/x.css", "outside the site's root /hb/"),
        ("https://example.org/hb/gone/", "no such folder"),
    ],
)
def test_each_kind_of_broken_link_is_reported(small: Path, link: str, reason: str) -> None:
    write(small, "extra.html", f'<a href="{link}">x</a>')
    broken = check_site(small)
    assert [(b.page, b.target) for b in broken] == [("extra.html", link)]
    assert reason in broken[0].reason


def test_a_copy_opened_from_disk_must_link_files_not_folders(small: Path) -> None:
    write(small, "404.html", '<a href="/hb/">only a server shows this page</a>')
    broken = check_site(small, directory_index=False)
    assert {(b.target, b.reason.split(":")[0]) for b in broken} == {
        ("guide/", "a folder"),
        ("guide/#step-2", "a folder"),
        ("../", "a folder"),
        ("/hb/guide/index.html", "an absolute path"),
    }


def test_the_command_fails_on_a_broken_link_and_names_it(
    small: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(small)]) == 0
    write(small, "guide/index.html", '<a href="../missing.png">x</a>')
    assert main([str(small)]) == 1
    printed = capsys.readouterr().out
    assert f"{small}/guide/index.html: error: ../missing.png: no such file" in printed
    assert main([str(small / "guide" / "nothing")]) == 2


@pytest.mark.build
def test_the_built_handbook_has_no_broken_internal_link(built_site: Path) -> None:
    assert site_base_url(built_site) == "https://example.github.io/service-handbook/"
    pages = list(built_site.rglob("*.html"))
    links = sum(len(read_page(p.read_text(encoding="utf-8")).links) for p in pages)
    assert len(pages) >= 25 and links >= 1000
    assert check_site(built_site) == []


# --- hosting under a sub-path -------------------------------------------------------------


@pytest.fixture
def served(built_site: Path) -> Iterator[str]:
    with serve(built_site, prefix="/handbook/") as base:
        yield base


def fetch(url: str) -> tuple[int, str, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as response:
            body = response.read()
            return response.status, response.headers.get_content_type(), body.decode("latin-1")
    except urllib.error.HTTPError as error:
        return error.code, "", ""


@pytest.mark.build
def test_the_site_works_served_from_a_sub_path(built_site: Path, served: str) -> None:
    """Follow every link from the home page; all stay under /handbook/ and answer 200.

    The site is built for /service-handbook/, so a link made absolute from site_url would
    leave the prefix here and fail.
    """
    assert fetch(served.replace("/handbook/", "/"))[0] == 404  # the prefix really matters
    origin = urlsplit(served).netloc
    queue, seen, pages = [served], {served}, set()
    failures: list[tuple[str, object]] = []
    while queue and len(seen) < 5000:
        url = queue.pop()
        status, kind, body = fetch(url)
        if status != 200:
            failures.append((url, status))
            continue
        if kind != "text/html":
            continue
        pages.add(url[len(served) :] or "index.html")
        for link in read_page(body).links:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue
            if not parts.path.startswith("/handbook/"):
                failures.append((f"{url} -> {link}", "leaves the sub-path"))
            elif target not in seen:
                seen.add(target)
                queue.append(target)
    assert failures == []
    expected = {
        p.relative_to(built_site).as_posix().removesuffix("index.html") or "index.html"
        for p in built_site.rglob("*.html")
        if p.name != "404.html"
    }
    assert expected - pages == set(), "pages no link leads to"


def test_language_links_from_site_url_become_site_relative() -> None:
    site = "https://example.github.io/service-handbook/"
    assert site_relative("/service-handbook/pl/", site) == "pl/"
    assert site_relative("/service-handbook/", site) == "./"
    assert site_relative("/service-handbook/ar/index.html", site) == "ar/index.html"
    assert site_relative("/pl/", None) == "pl/"
    assert site_relative("/elsewhere/pl/", site) == "/elsewhere/pl/"
    assert site_relative("https://other.example/service-handbook/", site).startswith("https:")
