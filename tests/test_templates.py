"""Fragment templates: a site's override replaces the package's, and escaping stays on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from handbook.render.fragments import PACKAGE_TEMPLATES, FragmentError, Templates
from handbook.render.markup import block
from tests.security.attacks import ACCEPTED
from tests.security.hostile import slug, standard_id, write_hostile_standards
from tests.security.htmlscan import scan_site
from tests.sitebuild import mkdocs_build, project_copy

SITE_CARD = """\
<article class="hb-standard site-card" data-standard="{{ standard.id }}">
  <h3 class="site-card__title" id="{{ standard.anchor }}">{{ standard.id }}</h3>
  <p class="site-card__owner" title="{{ owner }}">{{ words.owner }}: {{ owner }}</p>
  <p class="site-card__plain">{{ view.text(standard.text) }}</p>
  {{ text }}
</article>
"""
"""A site's own card: other markup, the owner in an attribute, the text twice (as the
Markdown HTML the card gets, and as plain text it escapes itself)."""

WORDS = {"total": "Total"}

HOSTILE = tuple(
    attack
    for attack in ACCEPTED
    if attack.why in {"double quote", "quotes and ampersands", "Jinja expressions"}
)


def overrides(custom_dir: Path, **templates: str) -> Path:
    """``custom_dir`` with ``templates`` (file name without .html → source) in handbook/."""
    folder = custom_dir / "handbook"
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in templates.items():
        (folder / f"{name}.html").write_text(source, encoding="utf-8")
    return custom_dir


def test_every_template_file_is_one_the_renderers_use() -> None:
    used = "".join(p.read_text(encoding="utf-8") for p in PACKAGE_TEMPLATES.parent.glob("*.py"))
    for template in PACKAGE_TEMPLATES.glob("*.html"):
        assert f'"{template.name}"' in used, template.name


def test_line_breaks_of_a_template_are_dropped_and_a_blank_line_kept(tmp_path: Path) -> None:
    source = (
        "<div>\n  <p>{{ a }}</p>\n  {% if b %}\n  <p>b</p>\n  {% endif %}\n</div>\n\n<p>x</p>\n"
    )
    custom = overrides(tmp_path, lines=source)
    html = Templates(custom).render("lines.html", {"a": "one\n  two", "b": True})
    assert html == "<div><p>one\n  two</p><p>b</p></div>\n\n<p>x</p>"


def test_values_are_escaped_and_markup_is_not(tmp_path: Path) -> None:
    custom = overrides(tmp_path, plain='<p title="{{ a }}">{{ a }} {{ b }}</p>')
    html = Templates(custom).render("plain.html", {"a": '"><i>&', "b": Markup("<b>ok</b>")})
    assert html == '<p title="&#34;&gt;&lt;i&gt;&amp;">&#34;&gt;&lt;i&gt;&amp; <b>ok</b></p>'


def test_an_override_replaces_only_its_own_template(tmp_path: Path) -> None:
    custom = overrides(tmp_path, **{"review-as-of": '<p class="mine">{{ as_of }}</p>'})
    templates = Templates(custom)
    assert templates.render("review-as-of.html", {"as_of": "x"}) == '<p class="mine">x</p>'
    counts = templates.render("review-counts.html", {"counts": [], "total": 0, "words": WORDS})
    assert counts.startswith('<ul class="hb-review-counts">')
    assert Templates().render("review-as-of.html", {"as_of": "x"}).startswith("<p class=")


def test_an_override_added_or_edited_later_is_used_without_a_restart(tmp_path: Path) -> None:
    """``mkdocs serve`` keeps the process: the next page sees a new or changed template."""
    values = {"as_of": "x"}
    assert Templates(tmp_path).render("review-as-of.html", values).startswith("<p class=")
    file = overrides(tmp_path, **{"review-as-of": "<p>new {{ as_of }}</p>"}) / "handbook"
    assert Templates(tmp_path).render("review-as-of.html", values) == "<p>new x</p>"
    (file / "review-as-of.html").write_text("<p>edited {{ as_of }}</p>", encoding="utf-8")
    later = (file / "review-as-of.html").stat().st_mtime + 5
    os.utime(file / "review-as-of.html", (later, later))
    assert Templates(tmp_path).render("review-as-of.html", values) == "<p>edited x</p>"
    (file / "review-as-of.html").unlink()
    assert Templates(tmp_path).render("review-as-of.html", values).startswith("<p class=")


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("<p>\n{{ as_of }}\n{{ nothing }}</p>", 3, "'nothing' is undefined"),
        ("<p>\n{% if as_of %}</p>", 2, "Unexpected end of template"),
    ],
)
def test_a_broken_override_names_its_file_and_line(
    tmp_path: Path, source: str, line: int, what: str
) -> None:
    custom = overrides(tmp_path, **{"review-as-of": source})
    with pytest.raises(FragmentError) as caught:
        Templates(custom).render("review-as-of.html", {"as_of": "x"})
    message = str(caught.value)
    assert message.startswith(f"{custom / 'handbook' / 'review-as-of.html'}:{line}: error: ")
    assert what in message


@pytest.mark.build
def test_a_site_card_override_is_used_and_still_escapes(tmp_path: Path) -> None:
    """A real ``mkdocs build`` of a project with overrides/handbook/standard-card.html."""
    standards = write_hostile_standards(tmp_path / "data", HOSTILE)
    project = project_copy(tmp_path / "project", standards)
    overrides(project / "overrides", **{"standard-card": SITE_CARD})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for number, attack in enumerate(HOSTILE, 1):
        for prefix in ("", "pl/", "ar/"):
            page = (site / prefix / "phases" / slug(number) / "index.html").read_text("utf-8")
            text = escape(attack.text)
            card = (
                f'<article class="hb-standard site-card" data-standard="{standard_id(number)}">'
                f'<h3 class="site-card__title" id="{standard_id(number).lower()}">'
                f"{standard_id(number)}</h3>"
                f'<p class="site-card__owner" title="{text}">'
            )
            assert card in page, (prefix, attack.why)
            assert (
                f'<p class="site-card__plain">{text}</p>'
                f'<div class="hb-standard__text">{block(attack.text)}</div></article>'
            ) in page
            assert "hb-standard__meta" not in page
    for path, scan in scan_site(site).items():
        assert scan.handlers == [], path
