"""The editor setups in editors/: each starts `argmap lsp` for the YAML files of a map.

These check what can be checked without the editors themselves: that each file
parses in its own language and starts the server the README describes. The
server is driven over stdio, as every one of these clients drives it, in
test_lsp.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib

import pytest

from .conftest import REPO

EDITORS = REPO / "editors"


def test_the_vscode_extension_starts_argmap_lsp_for_yaml():
    manifest = json.loads((EDITORS / "vscode" / "package.json").read_text())
    assert manifest["main"] == "./extension.js" and "workspaceContains:**/map.yaml" in manifest["activationEvents"]
    assert "vscode-languageclient" in manifest["dependencies"]
    source = (EDITORS / "vscode" / "extension.js").read_text()
    assert 'args: ["lsp"]' in source and 'language: "yaml"' in source
    node = shutil.which("node")
    if node is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":  # CI installs Node.js for Argdown
            pytest.fail("node is missing")
        pytest.skip("node is not installed")
    checked = subprocess.run([node, "--check", str(EDITORS / "vscode" / "extension.js")], capture_output=True,
                             text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr


def test_the_helix_config_runs_argmap_lsp_rooted_at_map_yaml():
    config = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text())
    assert config["language-server"]["argmap"] == {"command": "argmap", "args": ["lsp"]}
    (yaml,) = [language for language in config["language"] if language["name"] == "yaml"]
    assert yaml["roots"] == ["map.yaml"] and "argmap" in yaml["language-servers"]


def test_the_neovim_config_starts_the_server_at_the_nearest_map_yaml():
    source = (EDITORS / "neovim" / "argmap.lua").read_text()
    assert 'cmd = { "argmap", "lsp" }' in source and 'vim.fs.find("map.yaml", { upward = true' in source
    assert "vim.lsp.start(" in source and 'pattern = "yaml"' in source
    luac = shutil.which("luac") or shutil.which("luac5.4") or shutil.which("luac5.3")
    if luac is not None:  # where a Lua compiler is installed, the file must compile
        assert subprocess.run([luac, "-p", str(EDITORS / "neovim" / "argmap.lua")], timeout=60).returncode == 0
