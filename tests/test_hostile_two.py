"""A hostile repository, round two: one test per way the second round of attacks broke argmap.

Every special file, symlink and secret is made in the test's own scratch
folder; nothing is aimed at /dev, /etc or $HOME.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MANIFEST, REPO

SECRET = "ARGMAP_TEST_TOKEN=ghp_do-not-print-me-0123456789"
TEA = "perspective: tea\nclaims:\n  - {id: tea.best, text: Tea is best., kind: thesis}\n"


def run(*args: object, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})})


def clean_failure(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    """Exit 1 with a short message: no traceback, no secret, each expected text on stderr."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert SECRET not in result.stderr + result.stdout
    for text in expected:
        assert text in result.stderr, result.stderr


def git(*args: str, cwd: Path, stdin: bytes | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}).stdout.decode().strip()


# ── 1. no write outside the folder a command owns ─────────────────────────────
@pytest.mark.skipif(not __import__("shutil").which("git"), reason="git is not installed")
def test_diff_of_a_tree_entry_named_dot_dot_writes_nothing_outside(tmp_path: Path) -> None:
    repo, scratch = tmp_path / "repo", tmp_path / "tmp" / "a" / "b"
    repo.mkdir()
    scratch.mkdir(parents=True)
    git("init", "-q", cwd=repo)

    def blob(text: str) -> str:
        return git("hash-object", "-w", "--stdin", cwd=repo, stdin=text.encode())

    def tree(*entries: tuple[str, str, str]) -> str:
        listing = "".join(f"{mode} {kind} {sha}\t{name}\n" for mode, kind, sha, name in
                          ((m, "tree" if m == "040000" else "blob", s, n) for m, s, n in entries))
        return git("mktree", cwd=repo, stdin=listing.encode())

    escaped = tree(("100644", blob("escaped\n"), "escaped.txt"))
    up = tree(("040000", escaped, ".."))
    claims = tree(("100644", blob(MANIFEST), "map.yaml"), ("100644", blob(TEA), "tea.yaml"), ("040000", up, ".."))
    commit = git("commit-tree", tree(("040000", claims, "claims")), "-m", "hostile", cwd=repo)
    git("update-ref", "HEAD", commit, cwd=repo)

    result = run("diff", "HEAD:claims", "HEAD:claims", cwd=repo, env={"TMPDIR": str(scratch)})
    clean_failure(result, "HEAD:claims:1:1", "outside the map")
    assert not list(tmp_path.rglob("escaped.txt"))


# ── 2. no file content or secret leaks through source.text ───────────────────
def leaky_map(tmp_path: Path, text: str) -> Path:
    """A map whose source text is ``text``, with a quote that nearly matches the secret beside it."""
    root = tmp_path / "repo" / "claims"
    root.mkdir(parents=True)
    (root / "map.yaml").write_text(MANIFEST)
    (root / "tea.yaml").write_text(f"perspective: tea\nsource: {{title: T, text: {text}}}\nclaims:\n"
                                   "  - id: tea.best\n    text: Tea is best.\n"
                                   "    quote: ARGMAP_TEST_TOKEN=ghp_do-not-print-me-XYZW\n")
    private = tmp_path / "repo" / "private"
    private.mkdir()
    (private / "diary.md").write_text(f"Dear diary,\n{SECRET}\nPATH=/usr/bin\n")
    (private / "environ").write_text(f"HOME=/root\0{SECRET}\0")
    return root


@pytest.mark.parametrize("how", ["outside", "symlink-to-environ", "symlink-to-text-outside"])
def test_source_text_never_prints_a_file_outside_the_map(tmp_path: Path, how: str) -> None:
    import json

    import argmap
    from argmap.lsp.session import MapSession

    text = "../private/diary.md" if how == "outside" else "article.txt"
    root = leaky_map(tmp_path, text)
    if how == "symlink-to-environ":
        (root / "article.txt").symlink_to(tmp_path / "repo" / "private" / "environ")
    elif how == "symlink-to-text-outside":
        (root / "article.txt").symlink_to(tmp_path / "repo" / "private" / "diary.md")
    for args in (("check", root), ("check", root, "--json"), ("lint", root)):
        result = run(*args, cwd=tmp_path)
        assert SECRET[:20] not in result.stdout + result.stderr, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    checked = run("check", root, "--json", cwd=tmp_path)
    json.loads(checked.stdout)  # still JSON
    if how != "symlink-to-environ":  # the quote is still checked, and the user is told how to see passages
        assert checked.returncode == 1 and "argmap quotes" in checked.stdout
    session = MapSession(root)
    tea = root / "tea.yaml"
    lines = tea.read_text().splitlines()
    quote_line = next(i for i, line in enumerate(lines) if "quote:" in line)
    said = [str(p) for spans in session.diagnostics().values() for p, _ in spans]
    hover = session.hover(tea, quote_line, 6)
    completions = session.completions(tea, quote_line, len("    quote: ARG"))
    leaked = " ".join(said) + str(hover) + " ".join(c.label + (c.insert or "") for c in completions)
    assert SECRET[:20] not in leaked and "Dear diary" not in leaked
    assert argmap.load(root)  # the map itself stays valid


def test_a_source_text_inside_the_map_still_shows_its_closest_passage(tmp_path: Path) -> None:
    root = leaky_map(tmp_path, "article.txt")
    (root / "article.txt").write_text("Tea, I think, is best of all drinks.\n")
    (root / "tea.yaml").write_text((root / "tea.yaml").read_text().replace(
        "ARGMAP_TEST_TOKEN=ghp_do-not-print-me-XYZW", "tea I think is the best"))
    result = run("check", root, cwd=tmp_path)
    assert result.returncode == 1 and "closest passage" in result.stderr and "Tea, I think, is best" in result.stderr


# ── 3. import --force loses no data ──────────────────────────────────────────
KIALO = "Discussion Title: Tea?\n\n1. Tea is best.\n1.1. Pro: Tea calms.\n1.2. Con: Coffee wakes you.\n"


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_forced_import_into_a_folder_without_a_map_deletes_nothing(tmp_path: Path) -> None:
    (tmp_path / "kialo.txt").write_text(KIALO)
    project = tmp_path / "project"
    (project / "config").mkdir(parents=True)
    (project / "docker-compose.yml").write_text("services: {web: {image: nginx}}\n")
    (project / "config" / "settings.yaml").write_text("debug: true\n")
    before = tree_bytes(project)
    result = run("import", "--from", "kialo", tmp_path / "kialo.txt", "-o", project, "--force", cwd=tmp_path)
    clean_failure(result, "map.yaml:1:1", "holds no map to replace")
    assert tree_bytes(project) == before


def test_forced_import_replaces_only_the_maps_own_files(tmp_path: Path) -> None:
    (tmp_path / "kialo.txt").write_text(KIALO)
    project = tmp_path / "map"
    project.mkdir()
    (project / "map.yaml").write_text(MANIFEST)
    (project / "tea.yaml").write_text(TEA)
    (project / "README.md").write_text("mine\n")
    (project / "ci.yml").write_text("on: push\n")  # YAML, but not a claims file: not the map's
    before = tree_bytes(project)
    result = run("import", "--from", "kialo", tmp_path / "kialo.txt", "-o", project, "--force", cwd=tmp_path)
    clean_failure(result, "ci.yml:1:1: error: is not a claims file")
    assert tree_bytes(project) == before
    (project / "ci.yml").unlink()
    result = run("import", "--from", "kialo", tmp_path / "kialo.txt", "-o", project, "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = tree_bytes(project)
    assert files["README.md"] == b"mine\n" and "tea.yaml" not in files and "for.yaml" in files
    assert not [name for name in os.listdir(project) if name.startswith(".")]  # no staging folder left behind


def test_a_forced_import_whose_writing_fails_leaves_the_old_map_whole(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap
    from argmap.formats import imported
    from argmap.formats.kialo import read_kialo

    (tmp_path / "kialo.txt").write_text(KIALO)
    project = tmp_path / "map"
    project.mkdir()
    (project / "map.yaml").write_text(MANIFEST)
    (project / "tea.yaml").write_text(TEA)
    before = tree_bytes(project)
    real = imported.write_atomically
    calls = []

    def failing(path: object, text: object) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(36, "File name too long")
        return real(path, text)  # type: ignore[arg-type]
    monkeypatch.setattr(imported, "write_atomically", failing)
    with pytest.raises(argmap.ArgmapError, match="the folder is as it was"):
        read_kialo(tmp_path / "kialo.txt").write(project, force=True)
    assert tree_bytes(project) == before
    assert sorted(argmap.load(project).claims) == ["tea.best"]


def test_a_tag_of_300_characters_imports_under_a_file_name_the_system_takes(tmp_path: Path) -> None:
    tag = "t" * 300
    (tmp_path / "a.argdown").write_text(f"[A]: Tea is best. #{tag}\n  -> [B]\n\n[B]: Coffee is best. #coffee\n")
    project = tmp_path / "map"
    project.mkdir()
    (project / "map.yaml").write_text(MANIFEST)
    (project / "tea.yaml").write_text(TEA)
    result = run("import", "--from", "argdown", tmp_path / "a.argdown", "-o", project, "--force",
                 "--perspective-from", "tag", cwd=tmp_path, env={"ARGMAP_ARGDOWN": str(tmp_path / "no-argdown")})
    assert result.returncode == 0, result.stderr
    assert run("check", project, cwd=tmp_path).returncode == 0
    assert all(len(p.name.encode()) <= 100 for p in project.iterdir())
    assert any(p.name.startswith("t" * 50) for p in project.iterdir())  # the tag's file, its name shortened


# ── 4. a language server that survives any workspace ─────────────────────────
def small_map(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "map.yaml").write_text(MANIFEST)
    (root / "tea.yaml").write_text(TEA)
    return root


def test_lsp_indexes_a_file_of_aliases_in_bounded_memory(tmp_path: Path) -> None:
    """One claim with 5,000 relations, aliased 30,000 times: 150 million references if multiplied out."""
    root = small_map(tmp_path / "map")
    aliases = "perspective: tea\nclaims:\n  - &c {id: a, text: A, supports: [" + ", ".join(["tea.best"] * 5000) \
        + "]}\n" + "  - *c\n" * 30000
    script = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
              "from pathlib import Path\nfrom argmap.lsp.session import MapSession\n"
              f"root = Path({str(root)!r}); session = MapSession(root)\n"
              "session.set_text(root / 'tea.yaml', sys.stdin.read())\n"
              "said = [p.message for spans in session.diagnostics().values() for p, _ in spans]\n"
              "print(any('alias' in m for m in said), len(session.symbols(root / 'tea.yaml')[0][1]))\n")
    done = subprocess.run([sys.executable, "-c", script], input=aliases, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "1"]


def test_lsp_survives_a_huge_content_length_and_answers_invalid_params(client, tmp_path: Path) -> None:
    root = small_map(tmp_path / "map")
    lsp = client(root)
    assert lsp.process.stdin is not None
    lsp.process.stdin.write(b"Content-Length: 99999999999\r\n\r\n")
    lsp.process.stdin.flush()
    tea = (root / "tea.yaml").as_uri()
    for params in ({"nothing": 1}, {"textDocument": {"uri": 5}, "position": {"line": "x"}}, None, [1, 2]):
        with pytest.raises(Exception, match="Invalid Params"):
            lsp.request("textDocument/hover", params, timeout=20)
    symbols = lsp.request("textDocument/documentSymbol", {"textDocument": {"uri": tea}}, timeout=20)
    assert [s["name"] for s in symbols] == ["tea.best"]
    assert lsp.process.poll() is None


def test_lsp_keeps_the_outside_link_error_and_never_renames_through_it(client, tmp_path: Path) -> None:
    root = small_map(tmp_path / "map")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("perspective: coffee\nclaims:\n  - {id: cof.best, text: Coffee., contradicts: [tea.best]}\n")
    (root / "coffee.yaml").symlink_to(outside)
    before = outside.read_bytes()
    lsp = client(root)
    link = root / "coffee.yaml"
    lsp.open(link, outside.read_text())
    said = lsp.diagnostics_for(link, lambda ds: bool(ds))
    assert any("symlink to a file outside" in d["message"] for d in said)
    tea = root / "tea.yaml"
    lsp.open(tea)
    edit = lsp.request("textDocument/rename", {"textDocument": {"uri": tea.as_uri()},
                                               "position": {"line": 2, "character": 10}, "newName": "tea.better"})
    assert edit is not None and link.as_uri() not in edit["changes"] and tea.as_uri() in edit["changes"]
    assert outside.read_bytes() == before


def test_lsp_leaves_hidden_folders_alone_and_normalises_paths(client, tmp_path: Path) -> None:
    root = small_map(tmp_path / "map")
    (root / "sub").mkdir()
    workflow = root / ".github" / "workflows" / "ci.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs: {}\n")
    lsp = client(root)
    lsp.open(workflow)
    roundabout = Path(f"{root}/sub/../tea.yaml")
    typo = TEA.replace("kind: thesis}", "kind: thesis, supports: [tea.bset]}")
    lsp.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + str(roundabout), "languageId": "yaml",
                                                         "version": 1, "text": typo}})
    said = lsp.diagnostics_for(root / "tea.yaml", lambda ds: bool(ds))  # under its own name, not sub/../
    assert [d["message"] for d in said] == ["supports refers to unknown claim id 'tea.bset' (did you mean 'tea.best'?)"]
    published = {n["params"]["uri"]: n["params"]["diagnostics"] for n in lsp.notifications
                 if n.get("method") == "textDocument/publishDiagnostics"}
    assert set(published) <= {(root / "tea.yaml").as_uri(), (root / "map.yaml").as_uri()}, published


def test_lsp_answers_while_a_five_megabyte_buffer_is_checked(client, tmp_path: Path) -> None:
    import time

    root = small_map(tmp_path / "map")
    big = root / "big.yaml"
    lines = ["perspective: coffee", "claims:"] + [
        f"  - {{id: c{i}, text: \"Claim {i} says coffee is good for reasons of its own {'x' * 90}\""
        + (f", supports: [c{i // 2}]}}" if i else "}") for i in range(36000)] + ["  - {id: z, text: Z, supports: [m0]}"]
    text = "\n".join(lines) + "\n"
    assert len(text) > 5_000_000

    def missing(name: str):
        return lambda ds: any(f"'{name}'" in d["message"] for d in ds)
    lsp = client(root)
    lsp.open(big, text)
    first = lsp.request("textDocument/completion", {"textDocument": {"uri": big.as_uri()},
                                                    "position": {"line": 20000, "character": 6}}, timeout=120)
    assert first["items"]  # completion at a claim's key, answered once the first check is done
    lsp.diagnostics_for(big, missing("m0"), timeout=120)
    lsp.change(big, text.replace("[m0]", "[m1]"), 2)
    time.sleep(0.5)  # the re-check is running now
    answered = []
    for _ in range(5):
        started = time.monotonic()
        hover = lsp.request("textDocument/hover", {"textDocument": {"uri": big.as_uri()},
                                                   "position": {"line": 10000, "character": 10}}, timeout=120)
        answered.append(time.monotonic() - started)
        assert hover is not None and "c9998" in hover["contents"]["value"]
    # Each answer is far quicker than a re-check of the whole buffer, measured the same way, in this process.
    lsp.diagnostics_for(big, missing("m1"), timeout=120)
    started = time.monotonic()
    lsp.change(big, text.replace("[m0]", "[m2]"), 3)
    lsp.diagnostics_for(big, missing("m2"), timeout=120)
    recheck = time.monotonic() - started
    assert max(answered) < recheck / 3, (answered, recheck)


LSP_REQUESTS = ("textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
                "textDocument/prepareRename", "textDocument/rename", "textDocument/documentSymbol",
                "textDocument/codeAction")


def random_claims(rng, perspective: str, ids: list[str]) -> str:
    lines = [f"perspective: {perspective}", "source: {title: T, text: article.txt}", "claims:"]
    for claim_id in ids:
        lines.append(f"  - id: {claim_id}")
        lines.append("    text: " + rng.choice(["Tea calms.", "Coffee: wakes", '"🍵 ok"', "x"]))
        if rng.random() < 0.5:
            lines.append(f"    {rng.choice(['supports', 'contradicts'])}: [{rng.choice(ids + ['nope'])}]")
        if rng.random() < 0.2:
            lines.append("    quote: tea calms")
    return "\n".join(lines) + "\n"


def mutate(rng, text: str) -> str:
    junk = ["", ":", "[", "]", "{", "}", "*a", "&a ", "- ", "\t", "🍵", "\n", "'", '"', "supports: [", "id: ", "#"]
    start = rng.randrange(len(text) + 1)
    end = min(len(text), start + rng.randrange(6))
    return text[:start] + rng.choice(junk) + text[end:]


def random_position(rng, text: str) -> dict:
    lines = text.split("\n")
    line = rng.randrange(len(lines) + 2) - 1  # now and then just outside the text
    width = len(lines[line]) if 0 <= line < len(lines) else 3
    return {"line": line, "character": rng.randrange(width + 3)}


@pytest.mark.parametrize("seed", [1, 2])
def test_a_seeded_fuzz_of_the_language_server_crashes_nothing_and_answers_every_request(client, tmp_path: Path,
                                                                                      seed: int) -> None:
    import random

    from .lsp_client import LspError

    rng = random.Random(seed)
    root = tmp_path / "map"
    root.mkdir()
    (root / "map.yaml").write_text(MANIFEST)
    (root / "article.txt").write_text("Tea calms the mind. Coffee wakes the body.\n")
    files = {root / "tea.yaml": random_claims(rng, "tea", [f"tea.{i}" for i in range(6)]),
             root / "coffee.yaml": random_claims(rng, "coffee", [f"cof.{i}" for i in range(6)]),
             root / "sub" / "more.yaml": random_claims(rng, "tea", [f"more.{i}" for i in range(3)])}
    for path, text in files.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text)
    lsp = client(root)
    versions = dict.fromkeys(files, 0)
    opened: set[Path] = set()
    answered = 0
    for _ in range(300):
        path = rng.choice(list(files))
        uri = path.as_uri()
        action = rng.random()
        if path not in opened or action < 0.1:
            lsp.open(path, files[path])
            opened.add(path)
        elif action < 0.4:
            files[path] = mutate(rng, files[path])
            versions[path] += 1
            lsp.change(path, files[path], versions[path] + 1)
        elif action < 0.45:
            lsp.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            opened.discard(path)
        else:
            method = rng.choice(LSP_REQUESTS)
            params: object = {"textDocument": {"uri": uri}, "position": random_position(rng, files[path])}
            if method == "textDocument/references":
                params["context"] = {"includeDeclaration": rng.random() < 0.5}  # type: ignore[index]
            elif method == "textDocument/rename":
                params["newName"] = rng.choice(["tea.new", "bad id", "cof.1", ""])  # type: ignore[index]
            elif method == "textDocument/codeAction":
                params = {"textDocument": {"uri": uri}, "range": {"start": random_position(rng, files[path]),
                                                                  "end": random_position(rng, files[path])},
                          "context": {"diagnostics": []}}
            elif method == "textDocument/documentSymbol":
                params = {"textDocument": {"uri": uri}}
            if rng.random() < 0.1:  # a malformed request now and then
                params = rng.choice([None, {"textDocument": {}}, {"position": "x"}, [0]])
            try:
                lsp.request(method, params, timeout=30)  # raises queue.Empty if no answer comes
            except LspError:
                pass  # an error response is an answer
            answered += 1
    assert answered > 100
    assert lsp.process.poll() is None


# ── 5. every input-driven cost is near-linear or bounded ─────────────────────
# The timeouts below only stop a hang: each command takes a second or two, and took minutes before its fix.
def test_a_long_quote_missing_from_a_big_source_is_hinted_in_linear_time(tmp_path: Path) -> None:
    root = tmp_path / "map"
    root.mkdir()
    (root / "map.yaml").write_text(MANIFEST)
    (root / "article.txt").write_text("Tea calms the mind and warms the body. " * 130_000)  # 5 MB
    quote = " ".join(f"word{i}" for i in range(1_500))  # 10 KB, nowhere in the text
    (root / "tea.yaml").write_text(f"perspective: tea\nsource: {{title: T, text: article.txt}}\nclaims:\n"
                                   f"  - {{id: tea.best, text: Tea., quote: {quote}}}\n")
    result = run("check", root, cwd=tmp_path, timeout=90)
    clean_failure(result, "tea.yaml:4:", "closest passage")


def test_the_sentence_splitter_is_linear_on_brackets_before_capitals(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("(a) B " * 170_000 + "\n\nTea calms, because it is warm, so drink it.\n")
    result = run("draft", tmp_path / "article.txt", "--perspective", "tea", "-o", tmp_path / "tea.yaml",
                 cwd=tmp_path, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "Tea calms, because it is warm" in (tmp_path / "tea.yaml").read_text()


def test_importer_ids_are_allocated_in_linear_time() -> None:
    script = ("from argmap.formats.imported import MapBuilder\nb = MapBuilder()\n"
              "ids = [b.id_for(f'same {i}' if i % 2 else 'same') for i in range(100_000)]\n"
              "ids += [b.id_for(f'n{i}') for i in range(100_000)]\nprint(len(set(ids)))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.split() == ["150001"], done.stderr


def test_query_paths_on_a_layered_map_answers_without_listing_every_path(tmp_path: Path) -> None:
    """Six layers of 15 claims, each supporting the whole next layer: 15^6 shortest paths from bottom to top."""
    root = tmp_path / "map"
    root.mkdir()
    (root / "map.yaml").write_text(MANIFEST)
    layers = [[f"tea.l{layer}c{i:02}" for i in range(15)] for layer in range(6)]
    lines = ["perspective: tea", "claims:", "  - {id: tea.top, text: Top., kind: thesis}",
             "  - {id: tea.bottom, text: Bottom., supports: [" + ", ".join(layers[0]) + "]}"]
    for layer, ids in enumerate(layers):
        above = layers[layer + 1] if layer + 1 < len(layers) else ["tea.top"]
        lines += [f"  - {{id: {claim}, text: Claim {claim}., supports: [{', '.join(above)}]}}" for claim in ids]
    (root / "tea.yaml").write_text("\n".join(lines) + "\n")
    assert len(lines) - 2 == 92
    result = run("query", "paths", "tea.bottom", "tea.top", root, "--limit", "3", "--json", cwd=tmp_path,
                 timeout=90)
    assert result.returncode == 0, result.stderr
    import json
    found = json.loads(result.stdout)
    rows = found["paths"] if isinstance(found, dict) else found
    assert len(rows) == 3 and all(len(path) == 7 for path in rows)  # the shortest, 7 steps each
    first = [step["target"] for step in rows[0]]
    assert first == [f"tea.l{layer}c00" for layer in range(6)] + ["tea.top"]  # the first in id order


def test_an_aif_argument_with_2000_premises_writes_bounded_notes(tmp_path: Path) -> None:
    import json
    premises = [{"nodeID": str(i), "text": f"Premise {i}.", "type": "I"} for i in range(2000)]
    nodes = premises + [{"nodeID": "c", "text": "Conclusion.", "type": "I"}, {"nodeID": "ra", "text": "Default",
                                                                            "type": "RA"}]
    edges = [{"edgeID": f"e{i}", "fromID": str(i), "toID": "ra"} for i in range(2000)]
    edges.append({"edgeID": "ec", "fromID": "ra", "toID": "c"})
    (tmp_path / "big.json").write_text(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}))
    result = run("import", "--from", "aif", tmp_path / "big.json", "-o", tmp_path / "map", cwd=tmp_path,
                 timeout=90)
    assert result.returncode == 0, result.stderr
    written = sum(p.stat().st_size for p in (tmp_path / "map").iterdir())
    assert written < 2_000_000, written  # 23 MB when every premise's note named all 2,000
    assert any("and 1,990 more support this together" in p.read_text() for p in (tmp_path / "map").iterdir())


def test_query_paths_gives_the_first_paths_of_a_full_listing_in_order() -> None:
    """Checked against networkx's every simple path, sorted by length then ids, on random small maps."""
    import networkx as nx
    from hypothesis import given, settings
    from hypothesis import strategies as st

    import argmap
    from argmap.analysis.query import paths

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.booleans()), max_size=14),
           st.integers(1, 4), st.integers(1, 5))
    def check(edges: list[tuple[int, int, bool]], limit: int, max_length: int) -> None:
        relations: dict[int, list[str]] = {i: [] for i in range(7)}
        for a, b, supports in edges:
            if a != b and b not in [int(t.split()[-1][1:]) for t in relations[a]] and \
                    a not in [int(t.split()[-1][1:]) for t in relations[b]]:
                relations[a].append(f"{'supports' if supports else 'contradicts'} c{b}")
        lines = ["perspective: tea", "claims:"]
        for i in range(7):
            sups = [t.split()[1] for t in relations[i] if t.startswith("supports")]
            cons = [t.split()[1] for t in relations[i] if t.startswith("contradicts")]
            lines.append(f"  - {{id: c{i}, text: C{i}., supports: [{', '.join(sups)}], "
                         f"contradicts: [{', '.join(cons)}]}}")
        the_map = argmap.loads("\n".join(lines) + "\n")
        graph = nx.Graph([(a, f"c{t.split()[1][1:]}") for a, ts in ((f"c{i}", relations[i]) for i in range(7))
                          for t in ts])
        graph.add_nodes_from(f"c{i}" for i in range(7))
        expected = sorted(nx.all_simple_paths(graph, "c0", "c6", cutoff=max_length), key=lambda p: (len(p), p))
        got = paths(the_map, "c0", "c6", limit=limit, max_length=max_length)
        assert [[s.source if s.forward else s.target for s in p] + [p[-1].target if p[-1].forward
                                                                    else p[-1].source] for p in got] \
            == expected[:limit]
    check()


# ── 6. positioned errors, never tracebacks or wrong output ───────────────────
BIG = "1" * 5000


@pytest.mark.parametrize("fmt, name, text, where", [
    ("aif", "a.json", '{"nodes": [{"nodeID": ' + BIG + ', "text": "A", "type": "I"}], "edges": []}', "a.json:1:23"),
    ("argdown", "data.argdown", "[a]: Tea. {n: " + BIG + "}\n", "data.argdown:1:15"),
    ("argdown", "front.argdown", "===\nn: " + BIG + "\n===\n\n[a]: Tea.\n", "front.argdown:2:4"),
])
def test_a_five_thousand_digit_number_is_a_positioned_error(tmp_path: Path, fmt: str, name: str, text: str,
                                                           where: str) -> None:
    (tmp_path / name).write_text(text)
    result = run("import", "--from", fmt, name, "-o", tmp_path / "map", cwd=tmp_path,
                 env={"ARGMAP_ARGDOWN": str(tmp_path / "no-argdown")})
    clean_failure(result, f"{where}: error: a number of 5,000 digits is too long to read")
    assert not (tmp_path / "map").exists()


def test_a_kialo_number_of_five_thousand_digits_is_just_a_number(tmp_path: Path) -> None:
    (tmp_path / "k.txt").write_text(f"Discussion Title: T\n\n1. Thesis.\n1.{BIG}. Pro: X.\n1.2. Con: Y.\n")
    result = run("import", "--from", "kialo", "k.txt", "-o", tmp_path / "map", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert run("check", tmp_path / "map", cwd=tmp_path).returncode == 0


def test_a_directory_where_a_file_belongs_is_a_positioned_error(tmp_path: Path) -> None:
    import json

    root = small_map(tmp_path / "map")
    (root / "src.txt").mkdir()
    (root / "tea.yaml").write_text("perspective: tea\nsource: {title: T, text: src.txt}\nclaims:\n"
                                   "  - {id: tea.best, text: Tea., quote: tea}\n")
    (tmp_path / "folder.txt").mkdir()
    checked = run("check", root, "--json", cwd=tmp_path)
    said = json.loads(checked.stdout)["problems"]
    assert any("cannot read a directory" in p["message"] and p["line"] == 4 for p in said), said
    for args in (("quotes", root / "tea.yaml", "folder.txt"),
                 ("draft", "folder.txt", "--perspective", "tea", "-o", tmp_path / "d.yaml"),
                 ("import", "--from", "kialo", "folder.txt", "-o", tmp_path / "k"),
                 ("import", "--from", "argdown", "folder.txt", "-o", tmp_path / "a")):
        clean_failure(run(*args, cwd=tmp_path), "folder.txt:1:1: error: cannot read a directory")


def test_cache_entries_replaced_by_directories_are_ignored(tmp_path: Path) -> None:
    root = small_map(tmp_path / "map")
    cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = run("build", root, "-o", tmp_path / "cold.html", cwd=tmp_path, env=cache)
    assert first.returncode == 0, first.stderr
    entries = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert any(p.name == "key" for p in entries) and len(entries) > 3
    for entry in entries:
        entry.unlink()
        entry.mkdir()
    for command in (("build", root, "-o", tmp_path / "warm.html"), ("check", root), ("query", "cruxes", root)):
        result = run(*command, cwd=tmp_path, env=cache)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr)
    assert (tmp_path / "warm.html").read_bytes() == (tmp_path / "cold.html").read_bytes()


def test_two_writers_of_one_output_never_sweep_each_others_temporary_files(tmp_path: Path) -> None:
    import threading

    from argmap.io.files import write_atomically

    target = tmp_path / "map.html"
    failures: list[BaseException] = []

    def writer(letter: str) -> None:
        for _ in range(30):
            try:
                write_atomically(target, letter * 2_000_000)
            except BaseException as error:  # noqa: BLE001 - collected for the assertion
                failures.append(error)
    threads = [threading.Thread(target=writer, args=(letter,)) for letter in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert target.read_text() in ("a" * 2_000_000, "b" * 2_000_000)
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_slow_sockets_cannot_lock_watch_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import http.client
    import socket
    import threading
    import time

    from argmap.web import watch as watching

    monkeypatch.setattr(watching, "REQUEST_SECONDS", 1)
    site = watching.Site("map.html")
    site.update("<title>map</title>", "v1")
    server = watching.serve(site, 0)
    port = server.server_address[1]
    stop = threading.Event()
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(watching.MAX_CONNECTIONS)]

    def trickle() -> None:  # one byte each 0.3 s: never idle for the 10 s idle timeout
        while not stop.is_set():
            for sock in slow:
                try:
                    sock.send(b"X")
                except OSError:
                    pass
            time.sleep(0.3)
    threading.Thread(target=trickle, daemon=True).start()
    try:
        time.sleep(2.5)  # past REQUEST_SECONDS: every slow client has been cut off
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/map.html", headers={"Host": f"127.0.0.1:{port}"})
        assert connection.getresponse().status == 200
    finally:
        stop.set()
        for sock in slow:
            sock.close()
        server.shutdown()
        server.server_close()


def test_watch_serves_an_output_name_with_spaces_and_accents(tmp_path: Path) -> None:
    import http.client
    import time
    import urllib.parse

    root = small_map(tmp_path / "map")
    output = tmp_path / "out" / "my map é.html"
    process = subprocess.Popen([sys.executable, "-m", "argmap", "watch", str(root), "-o", str(output), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while "serving" not in line and time.monotonic() < deadline:
            line = process.stdout.readline()
        address = line.split()[1]
        parsed = urllib.parse.urlsplit(address)
        assert parsed.path == "/my%20map%20%C3%A9.html"
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
        connection.request("GET", parsed.path, headers={"Host": parsed.netloc})
        response = connection.getresponse()
        assert response.status == 200 and b"<html" in response.read()
        connection.request("GET", parsed.path + ".version", headers={"Host": parsed.netloc})
        assert connection.getresponse().status == 200
    finally:
        process.terminate()
        process.wait(timeout=20)


# ── 7. importers never change meaning in silence ─────────────────────────────
def imported_claims(tmp_path: Path, fmt: str, name: str, text: str, *options: str) -> dict[str, object]:
    """Import ``text`` with the CLI (Argdown without its CLI), check the map, and give its claims by id."""
    import argmap

    (tmp_path / name).write_text(text)
    result = run("import", "--from", fmt, name, "-o", tmp_path / "map", *options, cwd=tmp_path,
                 env={"ARGMAP_ARGDOWN": str(tmp_path / "no-argdown")})
    assert result.returncode == 0, result.stderr
    return argmap.load(tmp_path / "map").claims  # type: ignore[return-value]


def edges(claims: dict[str, object]) -> set[tuple[str, str, str]]:
    return {(c.id, r.kind, r.target) for c in claims.values() for r in c.relations}  # type: ignore[attr-defined]


def test_kialo_see_references_keep_their_childrens_edges_through_chains(tmp_path: Path) -> None:
    claims = imported_claims(tmp_path, "kialo", "k.txt", "Discussion Title: T\n\n1. Tea is best.\n"
                             "1.1. Con: Coffee is better.\n1.2. Con: -> See 1.1.\n1.2.1. Con: Coffee stains.\n"
                             "1.3. Con: -> See 1.2.\n1.3.1. Pro: Coffee is stronger.\n")
    assert sorted(claims) == ["k1", "k1.1", "k1.2.1", "k1.3.1"]  # references are not copies
    assert {("k1.1", "contradicts", "k1"), ("k1.2.1", "contradicts", "k1.1"),
            ("k1.3.1", "supports", "k1.1")} <= edges(claims)
    assert claims["k1.2.1"].perspective == "for" and claims["k1.3.1"].perspective == "against"  # type: ignore


def test_kialo_references_to_nothing_or_to_themselves_are_positioned_errors(tmp_path: Path) -> None:
    (tmp_path / "k.txt").write_text("Discussion Title: T\n\n1. Tea.\n1.1. Con: -> See 1.9.\n"
                                    "1.2. Pro: -> See 1.3.\n1.3. Pro: -> See 1.2.\n")
    result = run("import", "--from", "kialo", "k.txt", "-o", tmp_path / "map", cwd=tmp_path)
    clean_failure(result, "k.txt:4:1: error: claim 1.1. refers to claim 1.9., which is not in the file",
                  "k.txt:5:1: error: claim 1.2. refers to itself")


def test_kialo_stances_in_any_case_and_spacing_and_links_with_parentheses(tmp_path: Path) -> None:
    claims = imported_claims(tmp_path, "kialo", "k.txt", "Discussion Title: T\n\n1. Tea is best.\n"
                             "1.1.  Con: Coffee is better.\n1.2. CON:Coffee wakes.\n1.3. pro: Tea calms.\n"
                             "1.4. Pro: See [the study](javascript:alert(1)) here.\n")
    assert {("k1.1", "contradicts", "k1"), ("k1.2", "contradicts", "k1"), ("k1.3", "supports", "k1")} \
        <= edges(claims)
    assert claims["k1.1"].text == "Coffee is better." and claims["k1.4"].text == "See the study here."  # type: ignore
    assert "javascript" not in (tmp_path / "map" / "for.yaml").read_text()


def test_argdown_without_its_cli_refuses_an_unclosed_comment(tmp_path: Path) -> None:
    (tmp_path / "a.argdown").write_text("[a]: Tea.\n\n/* a note\n\n[b]: Coffee.\n")
    result = run("import", "--from", "argdown", "a.argdown", "-o", tmp_path / "map", cwd=tmp_path,
                 env={"ARGMAP_ARGDOWN": str(tmp_path / "no-argdown")})
    clean_failure(result, "a.argdown:3:1: error: this /* comment is never closed")


def test_argdown_without_its_cli_keeps_repeats_nesting_inline_texts_and_tags(tmp_path: Path) -> None:
    claims = imported_claims(tmp_path, "argdown", "a.argdown",
                             "[a]: Tea is best. #tea\n  <+ [b]: Tea calms. #tea\n    <- [c]: Calm is dull. #MAP\n"
                             "  +> [d]: Drink tea daily. #tea\n\n[a]: Tea is the best drink. #tea\n\n"
                             "[e]: Maps help. #map\n", "--perspective-from", "tag")
    assert edges(claims) == {("b", "supports", "a"), ("c", "contradicts", "b"), ("a", "supports", "d")}
    assert claims["d"].text == "Drink tea daily."  # type: ignore[attr-defined]
    assert claims["a"].text == "Tea is best." and "Tea is the best drink." in claims["a"].note  # type: ignore
    assert claims["c"].perspective != claims["e"].perspective  # type: ignore[attr-defined]


def test_draft_escapes_what_yaml_cannot_hold_and_never_replaces_its_article(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(MANIFEST)
    article = tmp_path / "a.txt"
    article.write_text("Tea calms the mind, because it is warm\x7f and kind\x85, good\x9f and \ufffe ok.\n")
    assert run("draft", article, "--perspective", "tea", "-o", tmp_path / "tea.yaml", cwd=tmp_path).returncode == 0
    assert run("check", tmp_path, cwd=tmp_path).returncode == 0
    before = article.read_bytes()
    clean_failure(run("draft", article, "--perspective", "tea", "-o", article, "--force", cwd=tmp_path),
                  "is the article itself")
    assert article.read_bytes() == before
