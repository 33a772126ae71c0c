"""PNG and PDF: the SVG picture, drawn by a renderer found on this machine.

argmap draws the picture itself (:mod:`argmap.formats.svg`); turning it into
pixels or a PDF page needs a renderer. Headless Chromium is used when one is
on ``PATH`` (or named by ``ARGMAP_CHROMIUM``), else ``cairosvg`` when it is
installed (``pip install 'argmap[pictures]'``). With neither, the error says
what to install. The renderer runs offline on a temporary copy of the picture, which holds
no script (claim text is escaped into it); nothing is left behind.

A PDF's creation and modification dates are fixed, so that the same claims
give the same bytes.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import ArgmapError, excerpt
from ..model import ArgumentMap
from .format import Format
from .svg import write_svg

#: The longest side Chromium draws in one piece; larger maps are scaled down to it.
MAX_SIDE = 12000
#: Seconds a renderer may take before argmap gives up on it.
RENDER_TIMEOUT = 180
#: Program names looked for on ``PATH``, in this order.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge",
                  "microsoft-edge", "microsoft-edge-stable")
#: Where macOS installs each browser.
MAC_APPS = ("Chromium.app/Contents/MacOS/Chromium", "Google Chrome.app/Contents/MacOS/Google Chrome",
            "Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
#: Where Windows installs each browser, below Program Files (both) and the user's local application data.
WINDOWS_PROGRAMS = ("Chromium/Application/chrome.exe", "Google/Chrome/Application/chrome.exe",
                    "Microsoft/Edge/Application/msedge.exe")
_CHROMIUM_FLAGS = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run", "--hide-scrollbars",
                   "--default-background-color=ffffffff", "--force-device-scale-factor=1"]
_PDF_DATE = re.compile(rb"\((D:\d{14}[^)]{0,8})\)")
_SIZE = re.compile(r'<svg [^>]*?width="(\d+)" height="(\d+)"')


def chromium_places() -> list[str]:
    """Where Chromium, Chrome or Edge is looked for on this system, after the names on ``PATH``.

    >>> import sys
    >>> sys.platform != "darwin" or "/Applications/Chromium.app/Contents/MacOS/Chromium" in chromium_places()
    True
    """
    places: list[str] = []
    if sys.platform == "darwin":
        for folder in ("/Applications", os.path.expanduser("~/Applications")):
            places += [os.path.join(folder, app) for app in MAC_APPS]
    elif sys.platform == "win32":
        for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
            if root := os.environ.get(variable):
                places += [os.path.join(root, *program.split("/")) for program in WINDOWS_PROGRAMS]
    return places


def find_chromium() -> str | None:
    """The browser to draw with: ``ARGMAP_CHROMIUM``, else the first of :data:`CHROMIUM_NAMES` on ``PATH``,
    else the first of :func:`chromium_places` that is there."""
    named = os.environ.get("ARGMAP_CHROMIUM")
    if named:
        return named if os.path.isfile(named) and os.access(named, os.X_OK) else None
    on_path = next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)
    return on_path or next((place for place in chromium_places()
                            if os.path.isfile(place) and os.access(place, os.X_OK)), None)


def _no_renderer(kind: str) -> ArgmapError:
    tried = ", ".join(CHROMIUM_NAMES) + " on PATH" + "".join(f", {place}" for place in chromium_places())
    return ArgmapError(f"cannot draw a {kind.upper()}: no renderer on this machine (tried {tried}, and the "
                       "cairosvg package); install Chromium, Chrome or Edge (or set ARGMAP_CHROMIUM to its path) "
                       "or cairosvg (pip install 'argmap[pictures]'), or export --format svg")


def render_svg(svg: str, kind: str) -> bytes:
    """``svg`` drawn as ``"png"`` or ``"pdf"`` bytes."""
    width, height = (int(n) for n in _SIZE.match(svg).groups())  # type: ignore[union-attr]
    chromium = find_chromium()
    if chromium is None and os.environ.get("ARGMAP_CHROMIUM"):
        raise ArgmapError(f"cannot draw a {kind.upper()}: ARGMAP_CHROMIUM names "
                          f"{excerpt(os.environ['ARGMAP_CHROMIUM'], 60)}, which is not a program here")
    if chromium is not None:
        return _with_chromium(chromium, svg, kind, width, height)
    try:
        import cairosvg  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:
        raise _no_renderer(kind) from None
    convert = cairosvg.svg2png if kind == "png" else cairosvg.svg2pdf
    return _fixed_dates(convert(bytestring=svg.encode("utf-8")))


def _with_chromium(chromium: str, svg: str, kind: str, width: int, height: int) -> bytes:
    scale = min(1.0, MAX_SIDE / max(width, height))
    shown_width, shown_height = math.ceil(width * scale), math.ceil(height * scale)
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
            f"@page {{ size: {shown_width}px {shown_height}px; margin: 0 }} html, body {{ margin: 0 }} "
            f"svg {{ display: block; width: {shown_width}px; height: {shown_height}px }}"
            f"</style></head><body>{svg}</body></html>")
    with tempfile.TemporaryDirectory(prefix="argmap-picture-") as scratch:
        folder = Path(scratch)
        (folder / "map.html").write_text(page, encoding="utf-8")
        output = folder / f"map.{kind}"
        command = [chromium, *_CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
        if kind == "png":
            command += [f"--window-size={shown_width},{shown_height}", f"--screenshot={output}"]
        else:
            command += ["--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={output}"]
        command.append((folder / "map.html").as_uri())
        try:
            done = subprocess.run(command, capture_output=True, timeout=RENDER_TIMEOUT, cwd=folder,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ArgmapError(f"cannot draw a {kind.upper()}: {chromium} took over {RENDER_TIMEOUT} s") from None
        except OSError as error:
            raise ArgmapError(f"cannot draw a {kind.upper()}: cannot run {chromium}: {error.strerror}") from None
        if not output.is_file() or output.stat().st_size == 0:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1][:200]
            raise ArgmapError(f"cannot draw a {kind.upper()}: {chromium} failed (exit {done.returncode}): {last}")
        data = output.read_bytes()
    return _fixed_dates(data) if kind == "pdf" else data


def _fixed_dates(data: bytes) -> bytes:
    """A PDF with every date set to 2000-01-01, each the same length, so its offsets stay right."""
    if not data.startswith(b"%PDF"):
        return data

    def fixed(match: re.Match[bytes]) -> bytes:
        zone = re.sub(rb"\d", b"0", match.group(1)[16:]).replace(b"-", b"+")
        return b"(D:20000101000000" + zone + b")"
    return _PDF_DATE.sub(fixed, data)


def write_png(argument_map: ArgumentMap) -> bytes:
    """The map's picture as PNG."""
    return render_svg(write_svg(argument_map), "png")


def write_pdf(argument_map: ArgumentMap) -> bytes:
    """The map's picture as a one-page PDF."""
    return render_svg(write_svg(argument_map), "pdf")


PNG = Format("png", ".png", "slides, documents (needs Chromium or cairosvg)", write=write_png, binary=True)
PDF = Format("pdf", ".pdf", "papers, print (needs Chromium or cairosvg)", write=write_pdf, binary=True)
