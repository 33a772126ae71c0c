"""The package's shape: stages import one way, with no cycle, and the doctests stand alone."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap.formats import EXPORTS, FORMATS, IMPORTS

from .conftest import REPO

PACKAGE = REPO / "argmap"

#: What each stage may import, besides itself.
ALLOWED = {
    "core": set(),
    "graph": {"core"},
    "io": {"core"},
    "analysis": {"core", "graph"},
    "formats": {"core", "graph", "io", "analysis"},
    "web": {"core", "graph", "io", "analysis"},
    "report": {"core", "graph", "io", "analysis", "formats"},
    "notebook": {"core", "graph", "io", "analysis", "formats", "web", "report"},
    "lsp": {"core", "graph", "io", "analysis"},
    "cli": {"core", "graph", "io", "analysis", "formats", "web", "report", "lsp"},
    "facade": {"core", "graph", "io", "analysis", "formats", "web", "report", "notebook", "cli"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    base = REPO.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every argmap module that ``path`` imports, lazily or not, relative or absolute."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "argmap"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "argmap":
                continue
            submodules = {f"{target}.{alias.name}" for alias in node.names if is_module(f"{target}.{alias.name}")}
            found |= submodules or {target}
    return found


def stage(name: str) -> str:
    parts = name.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return "facade"
    if parts[1] in ("io", "analysis", "formats", "web", "cli", "lsp"):
        return parts[1]
    return {"graph": "graph", "report": "report", "notebook": "notebook"}.get(parts[1], "core")


@pytest.fixture(scope="module")
def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        graph.add_node(module_name(path))
        graph.add_edges_from((module_name(path), target) for target in imports_of(path))
    return graph


def test_the_package_has_no_import_cycle(import_graph):
    assert import_graph.number_of_nodes() > 30
    assert list(nx.simple_cycles(import_graph)) == []


def test_stages_import_only_downward(import_graph):
    wrong = [(a, b) for a, b in import_graph.edges if stage(b) != stage(a) and stage(b) not in ALLOWED[stage(a)]]
    assert wrong == []
    # Only the façade imports the façade.
    assert [a for a, b in import_graph.edges if b == "argmap"] == []


def test_the_model_knows_no_yaml_html_graphs_or_timing():
    source = (PACKAGE / "model.py").read_text()
    tree = ast.parse(source)
    runtime = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    names = {alias.name for node in runtime for alias in node.names} | {
        node.module for node in runtime if isinstance(node, ast.ImportFrom)}
    assert not names & {"yaml", "jinja2", "networkx", "profile", "graph"}
    assert imports_of(PACKAGE / "model.py") == {"argmap.errors"}


def graph_constructions(path: Path) -> list[int]:
    """Lines of code (not docstrings) that call a networkx graph class."""
    return [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("Graph", "DiGraph", "MultiDiGraph")]


def test_only_the_graph_stage_builds_graphs_from_claims():
    assert graph_constructions(PACKAGE / "graph.py")  # the check can see a construction
    builders = {path.relative_to(REPO).as_posix(): lines for path in PACKAGE.rglob("*.py")
                if path.name != "graph.py" and (lines := graph_constructions(path))}
    assert builders == {}


def test_errors_share_one_base():
    for error in (argmap.MapError, argmap.UnknownClaim, argmap.EnumerationLimit):
        assert issubclass(error, argmap.ArgmapError)
    assert issubclass(argmap.UnknownClaim, KeyError)


def test_the_registry_lists_every_format_and_the_cli_help_comes_from_it(run_cli):
    assert set(EXPORTS) | set(IMPORTS) == {f.name for f in FORMATS}
    for fmt in FORMATS:
        assert fmt.suffix.startswith(".") and fmt.used_by
    export_help = run_cli("export", "--help")
    assert export_help.returncode == 0
    text = " ".join(export_help.stdout.split())
    for fmt in EXPORTS.values():
        assert f"{fmt.name} ({fmt.used_by})" in text
    import_help = " ".join(run_cli("import", "--help").stdout.split())
    assert "{" + ",".join(IMPORTS) + "}" in import_help


def test_an_unknown_format_is_an_argmap_error():
    with pytest.raises(argmap.ArgmapError, match="unknown format 'bmp'"):
        argmap.formats.export_text(argmap.example_map(), "bmp")
    with pytest.raises(argmap.ArgmapError, match="pdf is a picture, not text"):
        argmap.formats.export_text(argmap.example_map(), "pdf")


def test_readme_names_every_module_in_its_architecture_section():
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("__init__.py", "__main__.py", "_version.py"):
            continue
        assert path.name in section, path


def test_doctests_pass_from_outside_the_repository(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--doctest-modules",
                           "--pyargs", "argmap"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stdout[-3000:]
    assert " passed" in done.stdout
    assert list(tmp_path.iterdir()) == []  # and they leave nothing behind
