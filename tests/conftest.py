"""Shared helpers: throwaway maps, the CLI as a subprocess, headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

import pytest

from .browser import CHROMIUM, launch

if TYPE_CHECKING:
    from .lsp_client import LspClient

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CLAIMS = REPO / "claims"
SEEDS = REPO.parent / "shared" / "seeds"

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402


def synthetic_map(root: Path, claims: int, **options: int | str) -> Path:
    """A seeded synthetic map like the benchmark's (see bench/generate.py)."""
    return generate(root, claims, **options)

MANIFEST = """\
title: Tea or coffee?
perspectives:
  tea:
    label: Tea drinkers
    color: "#2a9d8f"
  coffee:
    label: Coffee drinkers
    color: "#e76f51"
"""

TEA = """\
perspective: tea
source: {title: On Tea, author: Ann}
claims:
  - id: tea.best
    text: Tea is the better drink.
    kind: thesis
  - id: tea.calm
    text: Tea calms without jitters.
    quote: tea calms me
    supports: [tea.best]
"""

COFFEE = """\
perspective: coffee
claims:
  - id: cof.best
    text: Coffee is the better drink.
    kind: thesis
    contradicts:
      - to: tea.best
        note: Both cannot be the better drink.
"""


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test's parse cache goes to a scratch folder, never to the user's ~/.cache."""
    home = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def make_map(tmp_path: Path) -> Callable[..., Path]:
    """Write a map directory; files default to a small valid tea/coffee map."""

    def make(files: dict[str, str] | None = None, *, manifest: str = MANIFEST) -> Path:
        root = tmp_path / "claims"
        root.mkdir(exist_ok=True)
        contents = {"map.yaml": manifest, "tea.yaml": TEA, "coffee.yaml": COFFEE}
        contents.update(files or {})
        for name, text in contents.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if text is None:
                continue
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., CliResult]:
    """Run ``python -m argmap`` in a subprocess, the way a user would."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliResult:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *map(str, args)],
            cwd=cwd or tmp_path, capture_output=True, text=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


def browser_required() -> bool:
    return os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright, or a skip.

    With ARGMAP_REQUIRE_BROWSER=1 (as CI sets it) a missing browser fails the
    test instead of skipping it.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if browser_required():
            pytest.fail("playwright is not installed")
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        if browser_required():
            pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@dataclass
class OpenedPage:
    page: object
    console_errors: list[str]
    requests: list[str]


@pytest.fixture
def open_map(chromium: object) -> Iterator[Callable[[Path], OpenedPage]]:
    """Open an HTML file from file:// with every non-file request blocked."""
    contexts = []

    def open_(html: Path, hash_: str = "", *, width: int = 1400, height: int = 900, media: str = "screen",
              init_script: str | None = None, as_opened: bool = False) -> OpenedPage:
        """Open a page. Without a ``view=`` in the hash it opens on its map view, which most tests
        drive; ``as_opened`` keeps the hash as given, as a reader's first visit would."""
        if "view=" not in hash_ and not as_opened:
            hash_ = (hash_ + "&" if hash_ else "#") + "view=map"
        context = chromium.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        contexts.append(context)
        opened = OpenedPage(context.new_page(), [], [])
        page = opened.page
        if init_script:
            page.add_init_script(init_script)  # type: ignore[attr-defined]
        page.emulate_media(media=media)  # type: ignore[attr-defined]

        def on_route(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url.startswith("file://"):
                route.continue_()  # type: ignore[attr-defined]
            else:
                opened.requests.append(url)
                route.abort()  # type: ignore[attr-defined]

        context.route("**/*", on_route)
        page.on("console", lambda m: m.type == "error" and opened.console_errors.append(m.text))
        page.on("pageerror", lambda e: opened.console_errors.append(str(e)))
        page.goto(html.resolve().as_uri() + hash_)
        page.wait_for_selector("body[data-drawn=true]", state="attached", timeout=15_000)
        return opened

    yield open_
    for context in contexts:
        context.close()


def copy_bundled_claims(destination: Path) -> Path:
    return Path(shutil.copytree(BUNDLED_CLAIMS, destination / "claims"))


@pytest.fixture
def client() -> Iterator[Callable[[Path], "LspClient"]]:
    """Start ``argmap lsp`` on a map folder, as an editor does; stop it afterwards, checking it printed no traceback."""
    from .lsp_client import LspClient

    opened: list[LspClient] = []

    def start(root: Path) -> LspClient:
        lsp = LspClient(root)
        opened.append(lsp)
        lsp.initialize(root)
        return lsp

    yield start
    for lsp in opened:
        stderr = lsp.close()
        assert "Traceback" not in stderr, stderr
