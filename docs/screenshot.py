"""Take the README's screenshots of the bundled map in headless Chromium.

Run from the repository root after `argmap build claims`:

    python docs/screenshot.py [output/map.html] [docs/]

It writes ``comparison.png``, the page as it opens, and ``map.png``, its map view.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import launch  # noqa: E402


#: Each screenshot: its file name and the URL hash that opens its view.
VIEWS = {"comparison.png": "", "map.png": "#view=map"}


def screenshot(html: Path, folder: Path) -> None:
    """Open ``html`` offline and save a 1400×900 screenshot of each view into ``folder``."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, hash_ in VIEWS.items():
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
            page.goto(html.resolve().as_uri() + hash_)
            page.wait_for_selector("body[data-drawn=true]", state="attached")
            page.screenshot(path=str(folder / name))
            page.close()
        browser.close()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    screenshot(Path(arguments[0] if arguments else "output/map.html"),
               Path(arguments[1] if len(arguments) > 1 else "docs"))
