"""Editors' text becomes HTML only through the documented Markdown subset."""

from __future__ import annotations

from handbook.render.markup import block, inline, plain


def test_subset_is_rendered() -> None:
    assert inline("Say **hello** and *smile*") == "Say <strong>hello</strong> and <em>smile</em>"
    assert inline("[menu](https://example.org/m)") == (
        '<a href="https://example.org/m" rel="nofollow noopener">menu</a>'
    )
    assert block("Before:\n- one\n- two") == "<p>Before:</p><ul><li>one</li><li>two</li></ul>"


def test_everything_else_stays_text() -> None:
    html = inline('<img src=x onerror="alert(1)"> [x](javascript:alert(1)) {{ 7*7 }}')
    assert "<img" not in html
    assert "&lt;img" in html
    assert "href" not in html
    assert "{{ 7*7 }}" in html


def test_code_is_isolated_left_to_right() -> None:
    assert inline("Wi-Fi code `AB-12`") == ('Wi-Fi code <bdi><code dir="ltr">AB-12</code></bdi>')


def test_plain_drops_markup_characters() -> None:
    assert plain("**Do** it *now* with `code` [menu](https://a.b/c)") == (
        "Do it now with code menu (https://a.b/c)"
    )
