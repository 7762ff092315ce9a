"""Traps for anything an attack could do in a page, for the Chromium of tests/conftest.py.

Sites are served with tests.browser.harness.serve, over HTTP (not file://), so same-origin
rules, the search worker and the content security policy apply as on the published site.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Dialog, Page

from tests.security.attacks import SENTINEL

# Runs before any script of the page: a trap on the sentinel the payloads set, and a
# recorder of the content security policy's violation events.
TRAPS = f"""
(() => {{
  const hits = [];
  Object.defineProperty(window, "{SENTINEL}", {{
    configurable: false,
    get: () => hits.length,
    set: (value) => {{ hits.push(String(value)); }},
  }});
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {{
    window.__violations.push(
      `${{event.violatedDirective}} blocked ${{event.blockedURI}} ${{event.sample}}`);
  }});
}})();
"""


@dataclass
class Watch:
    """Everything suspicious a page did: dialogs, script errors and policy messages."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    policy_messages: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("dialog", self._on_dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._on_console)
        page.add_init_script(TRAPS)

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _on_console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.policy_messages.append(message.text)


def sentinel_hits(page: Page) -> int:
    return int(page.evaluate(f"window.{SENTINEL}"))


def violations(page: Page) -> list[str]:
    return list(page.evaluate("window.__violations"))


def handler_attributes(page: Page) -> list[str]:
    """Every on… attribute in the document: none may exist, data or not."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("*")].flatMap((element) =>
                 [...element.attributes]
                   .filter((attribute) => attribute.name.toLowerCase().startsWith("on"))
                   .map((attribute) => `${element.tagName} ${attribute.name}`))"""
        )
    )


def unsafe_links(page: Page) -> list[str]:
    """Links, frames and sources whose resolved address is not http(s) or mailto."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll("[href], [src], [action], [formaction]")]
                 .flatMap((element) => ["href", "src", "action", "formaction"]
                   .filter((name) => element.hasAttribute(name))
                   .map((name) => {
                     try { return new URL(element.getAttribute(name), location.href).href; }
                     catch { return ""; }
                   }))
                 .filter((address) => !/^(https?:|mailto:)/i.test(address))"""
        )
    )


INVISIBLE = frozenset({"Cc", "Cf"})


def normalise(text: str) -> str:
    """Text as compared: whitespace runs made one space, then invisible controls dropped."""
    words = (
        "".join(c for c in w if unicodedata.category(c) not in INVISIBLE) for w in text.split()
    )
    return " ".join(word for word in words if word)
