"""How argmap starts Debian's headless Chromium, for tests and screenshots alike."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google's
# services at start-up, which fails (and is noisy) on an offline machine.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):  # type: ignore[no-untyped-def]
    """Launch headless Chromium from /usr/bin/chromium (never a downloaded build)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
