"""``make test-fast``: the inner loop without full builds and browsers.

The Makefile sets ``HANDBOOK_TEST_FAST=1``; a test that starts a build or a browser in that
run fails with the fix (mark it), so the fast subset cannot grow slow by accident.
"""

from __future__ import annotations

import os

FAST = os.environ.get("HANDBOOK_TEST_FAST") == "1"
HYPOTHESIS_PROFILE = "fast" if FAST else "full"


def refuse_in_fast_run(what: str) -> None:
    """Fail a test of the fast subset that starts ``what`` (a build, a browser)."""
    if FAST:
        raise AssertionError(
            f"this test starts {what}, which `make test-fast` leaves out: "
            f"mark it @pytest.mark.{'browser' if what == 'a browser' else 'build'}"
        )
