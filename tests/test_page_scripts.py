"""The page's script modules, tested on their own under node's test runner.

The pure modules (page data, graph walks, view state, search) run in node as
the build joins them into the page; the modules that need a browser are
tested through the page in Chromium (test_browser, test_reading_page).
"""

from __future__ import annotations

import html as html_text
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import argmap
from argmap.web import render

REPO = Path(__file__).resolve().parent.parent
JS_TESTS = REPO / "tests" / "js"


def test_the_page_script_joins_every_module_once_in_order():
    script = str(render._page_script())
    positions = [script.index(f"(modules.{name} = {{}}, modules)") for name in render.SCRIPT_MODULES]
    assert positions == sorted(positions)
    on_disk = {path.stem for path in render.SCRIPTS.glob("*.js")}
    assert on_disk == set(render.SCRIPT_MODULES)
    # the page runs the joined script by its hash, and only it and vis-network
    html = render.render_html(argmap.example_map())
    assert script in html and render._csp_hash(script) in html_text.unescape(html)


def test_the_pure_modules_pass_their_tests_under_node():
    node = shutil.which("node")
    if node is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":  # CI installs Node.js for Argdown
            pytest.fail("node is missing")
        pytest.skip("node is not installed")
    files = sorted(str(path) for path in JS_TESTS.glob("*.test.cjs"))
    run = subprocess.run([node, "--test", *files], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    passed = int(re.search(r"^# pass (\d+)$", run.stdout, re.M).group(1))
    assert passed >= 20 and re.search(r"^# fail 0$", run.stdout, re.M)
