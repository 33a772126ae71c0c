"""Take the README's screenshot of the bundled map in headless Chromium.

Run from the repository root after `argmap build claims`:

    python docs/screenshot.py [output/map.html] [docs/map.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import launch  # noqa: E402


def screenshot(html: Path, png: Path) -> None:
    """Open ``html`` offline and save a 1400×900 screenshot to ``png``."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(html.resolve().as_uri())
        page.wait_for_selector("body[data-drawn=true]", state="attached")
        page.screenshot(path=str(png))
        browser.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    screenshot(Path(arguments[0] if arguments else "output/map.html"),
               Path(arguments[1] if len(arguments) > 1 else "docs/map.png"))
