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


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("ARGMAP_REQUIRE_ARGDOWN") == "1":  # CI installs Node.js for Argdown
            pytest.fail("node is missing")
        pytest.skip("node is not installed")
    return node


def test_the_vscode_extension_starts_argmap_lsp_for_yaml():
    manifest = json.loads((EDITORS / "vscode" / "package.json").read_text())
    assert manifest["main"] == "./dist/extension.js" and "workspaceContains:**/map.yaml" in manifest["activationEvents"]
    assert "vscode-languageclient" in manifest["dependencies"] and manifest["repository"]["url"]
    assert {v["url"] for v in manifest["contributes"]["yamlValidation"]} == {"./schemas/map.schema.json",
                                                                             "./schemas/claims.schema.json"}
    source = (EDITORS / "vscode" / "extension.js").read_text()
    assert 'require("./server")' in source and 'language: "yaml"' in source and "ms-python.python" in source
    node = node_or_skip()
    for name in ("extension.js", "server.js", "bundle.js"):
        checked = subprocess.run([node, "--check", str(EDITORS / "vscode" / name)], capture_output=True,
                                 text=True, timeout=60)
        assert checked.returncode == 0, checked.stderr


def test_vsce_packages_the_extension_without_a_warning(tmp_path):
    """Where npm can install vsce (CI), the package is built as a publisher would, and looked inside."""
    import zipfile

    node_or_skip()
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed")
    root = tmp_path / "repo"
    for part in ("LICENSE", "docs", "argmap/schemas"):
        source = REPO / part
        (root / part).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / part)
    extension = root / "editors" / "vscode"
    shutil.copytree(EDITORS / "vscode", extension, ignore=shutil.ignore_patterns("node_modules", "dist", "*.vsix"))
    installed = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=extension,
                               capture_output=True, text=True, timeout=600)
    if installed.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"npm install failed: {installed.stderr[-2000:]}")
        pytest.skip(f"npm cannot install vsce here: {installed.stderr.strip()[-200:]}")
    packaged = subprocess.run([npm, "exec", "--", "vsce", "package", "--out", str(tmp_path / "argmap.vsix")],
                              cwd=extension, capture_output=True, text=True, timeout=600)
    said = packaged.stdout + packaged.stderr
    assert packaged.returncode == 0, said[-3000:]
    assert "WARNING" not in said.upper(), said
    names = set(zipfile.ZipFile(tmp_path / "argmap.vsix").namelist())
    for name in ("dist/extension.js", "schemas/map.schema.json", "schemas/claims.schema.json", "images/icon.png",
                 "readme.md", "LICENSE.txt", "package.json"):
        assert f"extension/{name}" in names, sorted(names)
    assert not [n for n in names if "node_modules" in n or n.endswith(("bundle.js", "server.js"))]
    icon = zipfile.ZipFile(tmp_path / "argmap.vsix").read("extension/images/icon.png")
    assert icon.startswith(b"\x89PNG") and int.from_bytes(icon[16:20], "big") == 128


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
