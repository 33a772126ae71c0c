"""argmap lsp driven over stdio by a real JSON-RPC client, as an editor drives it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap

from .conftest import BUNDLED_CLAIMS


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to ``text``, last first."""
    lines = text.split("\n")

    def offset(position: dict) -> int:
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units, column = 0, 0
        while column < len(line) and units < position["character"]:
            units += 2 if ord(line[column]) > 0xFFFF else 1
            column += 1
        return sum(len(l) + 1 for l in lines[:position["line"]]) + column

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The (line, character) where the ``nth`` occurrence of ``needle`` starts."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def position(text: str, needle: str, nth: int = 0, shift: int = 0) -> dict:
    line, character = at(text, needle, nth)
    return {"line": line, "character": character + shift}


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLED_CLAIMS, tmp_path / "claims"))



def test_a_mistyped_id_is_diagnosed_at_its_range_and_cleared_when_fixed(client, bundled_copy):
    lsp = client(bundled_copy)
    critique = bundled_copy / "professional-service.yaml"
    text = critique.read_text()
    lsp.open(critique)
    lsp.diagnostics_for(critique)
    typo = text.replace("    supports: [svc.relationship-harmful]", "    supports: [svc.relationship-harmfull]", 1)
    lsp.change(critique, typo, 2)
    errors = [d for d in lsp.diagnostics_for(critique, lambda ds: any(d["severity"] == 1 for d in ds))
              if d["severity"] == 1]
    assert len(errors) == 1
    start = position(typo, "svc.relationship-harmfull")
    assert errors[0]["range"] == {"start": start, "end": {"line": start["line"],
                                                          "character": start["character"] + 25}}
    assert "unknown claim id 'svc.relationship-harmfull'" in errors[0]["message"]
    assert "did you mean 'svc.relationship-harmful'" in errors[0]["message"]
    # The did-you-mean is one quick fix away.
    actions = lsp.request("textDocument/codeAction", {"textDocument": {"uri": critique.as_uri()},
                                                      "range": errors[0]["range"],
                                                      "context": {"diagnostics": errors}})
    fixed = apply_edits(typo, actions[0]["edit"]["changes"][critique.as_uri()])
    assert fixed == text
    lsp.change(critique, fixed, 3)
    assert not [d for d in lsp.diagnostics_for(critique, lambda ds: all(d["severity"] != 1 for d in ds))
                if d["severity"] == 1]


def test_a_mistyped_key_is_underlined_alone_and_fixed_by_its_did_you_mean(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, THREE_FILES)
    lsp = client(root)
    tea = root / "tea.yaml"
    typo = THREE_FILES["tea.yaml"].replace("    supports: [tea.best]", "    suports: [tea.best]")
    lsp.open(tea, typo)
    (error,) = [d for d in lsp.diagnostics_for(tea, lambda ds: any(d["severity"] == 1 for d in ds))
                if d["severity"] == 1]
    assert error["range"] == {"start": position(typo, "suports"), "end": position(typo, "suports", shift=7)}
    actions = lsp.request("textDocument/codeAction", {"textDocument": {"uri": tea.as_uri()}, "range": error["range"],
                                                      "context": {"diagnostics": [error]}})
    assert apply_edits(typo, actions[0]["edit"]["changes"][tea.as_uri()]) == THREE_FILES["tea.yaml"]


def test_completion_after_supports_lists_the_maps_ids(client, bundled_copy):
    lsp = client(bundled_copy)
    relational = bundled_copy / "relational.yaml"
    text = relational.read_text().replace("    kind: thesis\n", "    kind: thesis\n    supports: [\n", 1)
    lsp.open(relational, text)
    where = position(text, "    supports: [\n", shift=len("    supports: ["))
    items = lsp.request("textDocument/completion", {"textDocument": {"uri": relational.as_uri()}, "position": where})
    labels = {item["label"] for item in items["items"]}
    assert labels == set(argmap.load(BUNDLED_CLAIMS).claims)
    thesis = next(i for i in items["items"] if i["label"] == "svc.relationship-harmful")
    assert thesis["detail"].startswith("professional-service: ")
    # Values and keys complete too.
    kind = position(text, "    kind: thesis", shift=len("    kind: "))
    values = lsp.request("textDocument/completion", {"textDocument": {"uri": relational.as_uri()}, "position": kind})
    assert "evidence" in {i["label"] for i in values["items"]}


def test_hover_shows_the_claim_and_what_each_side_can_accept(client, bundled_copy):
    lsp = client(bundled_copy)
    critique = bundled_copy / "professional-service.yaml"
    text = critique.read_text()
    lsp.open(critique)
    lsp.diagnostics_for(critique)
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": critique.as_uri()},
                                               "position": position(text, "to: rel.relationship-required", shift=6)})
    value = hover["contents"]["value"]
    claim = argmap.load(BUNDLED_CLAIMS).claims["rel.relationship-required"]
    assert claim.title in value and "relational" in value and "thesis" in value
    assert "contradicted by: `svc.relationship-harmful`" in value
    assert "relational can accept it" in value and "professional-service cannot accept it" in value


def test_definition_jumps_across_files_and_references_find_every_use(client, bundled_copy):
    lsp = client(bundled_copy)
    critique, relational = bundled_copy / "professional-service.yaml", bundled_copy / "relational.yaml"
    text = critique.read_text()
    lsp.open(critique)
    where = position(text, "to: rel.relationship-required", shift=6)
    target = lsp.request("textDocument/definition", {"textDocument": {"uri": critique.as_uri()}, "position": where})
    assert target["uri"] == relational.as_uri()
    start = position(relational.read_text(), "id: rel.relationship-required", shift=4)
    assert target["range"]["start"] == start
    found = lsp.request("textDocument/references", {"textDocument": {"uri": critique.as_uri()}, "position": where,
                                                    "context": {"includeDeclaration": True}})
    bundled = argmap.load(BUNDLED_CLAIMS)
    uses = sum(1 for c in bundled.claims.values() for r in c.relations if r.target == "rel.relationship-required")
    uses += sum(u.support.count("rel.relationship-required") for u in bundled.undercuts())  # support: [r, c]
    assert len(found) == uses + 1 and {f["uri"] for f in found} == {critique.as_uri(), relational.as_uri()}


THREE_FILES = {
    "map.yaml": "title: Tea?\nperspectives:\n  tea: {label: Tea}\n  coffee: {label: Coffee}\n",
    "tea.yaml": ("# Tea's case\nperspective: tea\nclaims:\n  # ── Thesis ──\n  - id: tea.best   # the claim to rename\n"
                 "    text: Tea is best.\n    kind: thesis\n  # ── Reasons ──\n  - id: tea.calm\n    text: tea.best calms.\n"
                 "    supports: [tea.best]\n"),
    "coffee.yaml": ("perspective: coffee\nclaims:\n  - id: cof.best\n    text: Coffee is best.\n    kind: thesis\n"
                    "    contradicts:\n      - to: tea.best   # both cannot be best\n        note: One is best.\n"),
    "more/extra.yaml": ("perspective: coffee\nclaims:\n  - {id: cof.more, text: \"Not tea.best.\", "
                        "contradicts: [\"tea.best\"], supports: [cof.best]}\n"),
}


def write_map(root: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        if text is None:
            continue
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_rename_changes_every_reference_in_three_files_and_nothing_else(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, THREE_FILES)
    lsp = client(root)
    tea = root / "tea.yaml"
    lsp.open(tea)
    prepared = lsp.request("textDocument/prepareRename", {"textDocument": {"uri": tea.as_uri()},
                                                          "position": position(THREE_FILES["tea.yaml"], "tea.best")})
    assert prepared == {"start": position(THREE_FILES["tea.yaml"], "tea.best"),
                        "end": position(THREE_FILES["tea.yaml"], "tea.best", shift=8)}
    edit = lsp.request("textDocument/rename", {"textDocument": {"uri": tea.as_uri()},
                                               "position": position(THREE_FILES["tea.yaml"], "tea.best", shift=3),
                                               "newName": "tea.better"})
    changes = edit["changes"]
    assert set(changes) == {(root / n).as_uri() for n in ("tea.yaml", "coffee.yaml", "more/extra.yaml")}
    for name in ("tea.yaml", "coffee.yaml", "more/extra.yaml"):
        (root / name).write_text(apply_edits(THREE_FILES[name], changes[(root / name).as_uri()]))
    renamed = argmap.load(root)
    assert "tea.better" in renamed.claims and "tea.best" not in renamed.claims
    assert [r.target for r in renamed.claims["cof.more"].relations if r.kind == "contradicts"] == ["tea.better"]
    # Comments, quotes, layout and the text that merely mentions the id are untouched.
    tea_after = (root / "tea.yaml").read_text()
    assert tea_after == THREE_FILES["tea.yaml"].replace("id: tea.best", "id: tea.better").replace(
        "supports: [tea.best]", "supports: [tea.better]")
    assert "text: tea.best calms." in tea_after and "# the claim to rename" in tea_after
    assert '"Not tea.best."' in (root / "more/extra.yaml").read_text()
    assert 'contradicts: ["tea.better"]' in (root / "more/extra.yaml").read_text()
    # A taken or invalid name is refused with a reason.
    for bad, reason in (("cof.best", "already a claim's id"), ("no good", "not a valid claim id")):
        assert lsp.request("textDocument/rename", {"textDocument": {"uri": tea.as_uri()},
                                                   "position": position(THREE_FILES["tea.yaml"], "tea.calm"),
                                                   "newName": bad}) is None
        said = lsp.wait_for(lambda m: m["method"] == "window/showMessage")
        assert reason in said["params"]["message"] and said["params"]["type"] == 1


def test_the_outline_lists_claims_under_their_section_comments(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, THREE_FILES)
    lsp = client(root)
    tea = root / "tea.yaml"
    lsp.open(tea)
    symbols = lsp.request("textDocument/documentSymbol", {"textDocument": {"uri": tea.as_uri()}})
    assert [(s["name"], [c["name"] for c in s["children"]]) for s in symbols] == \
        [("Thesis", ["tea.best"]), ("Reasons", ["tea.calm"])]
    assert symbols[0]["children"][0]["selectionRange"]["start"] == position(THREE_FILES["tea.yaml"], "tea.best")


def test_an_unsaved_edit_in_one_file_is_diagnosed_in_the_others(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, THREE_FILES)
    lsp = client(root)
    tea, coffee = root / "tea.yaml", root / "coffee.yaml"
    lsp.open(tea)
    lsp.change(tea, THREE_FILES["tea.yaml"].replace("id: tea.best", "id: tea.top"), 2)
    errors = lsp.diagnostics_for(coffee, lambda ds: bool(ds))
    assert errors[0]["range"]["start"] == position(THREE_FILES["coffee.yaml"], "tea.best")
    assert "unknown claim id 'tea.best'" in errors[0]["message"]
    assert (root / "tea.yaml").read_text() == THREE_FILES["tea.yaml"]  # the server never writes files


def test_a_note_stub_fixes_a_link_between_sides_without_a_note(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, THREE_FILES)
    lsp = client(root)
    extra = root / "more" / "extra.yaml"
    lsp.open(extra)
    warnings = lsp.diagnostics_for(extra, lambda ds: any(d.get("code") == "cross-note" for d in ds))
    note = next(d for d in warnings if d.get("code") == "cross-note")
    assert note["severity"] == 2
    actions = lsp.request("textDocument/codeAction", {"textDocument": {"uri": extra.as_uri()}, "range": note["range"],
                                                      "context": {"diagnostics": [note]}})
    stub = next(a for a in actions if "note" in a["title"])
    fixed = apply_edits(THREE_FILES["more/extra.yaml"], stub["edit"]["changes"][extra.as_uri()])
    extra.write_text(fixed)
    relation = next(r for r in argmap.load(root).claims["cof.more"].relations if r.target == "tea.best")
    assert relation.note.startswith("TODO")


@pytest.mark.parametrize("entry", ["      - to: tea.best\n", "      - {to: tea.best}\n", "      - tea.best\n"])
def test_the_note_stub_fits_each_way_of_writing_a_relation(tmp_path, entry):
    from argmap.lsp.session import MapSession
    root = tmp_path / "map"
    coffee = "perspective: coffee\nclaims:\n  - id: cof.best\n    text: Coffee is best.\n    kind: thesis\n" \
             "    contradicts:\n" + entry + "    note: Strong.\n"
    write_map(root, {**THREE_FILES, "coffee.yaml": coffee, "more/extra.yaml": None})
    session = MapSession(root)
    path = root / "coffee.yaml"
    problem, span = next(d for d in session.diagnostics()[path] if d[0].rule == "cross-note")
    ((_, edits),) = [a for a in session.code_actions(path, problem, span) if "note" in a[0]]
    lines = coffee.split("\n")
    fixed = coffee
    for (start, end), text in edits:
        offset = lambda point: sum(len(l) + 1 for l in lines[:point[0]]) + point[1]  # noqa: E731
        fixed = fixed[:offset(start)] + text + fixed[offset(end):]
    path.write_text(fixed)
    relation = argmap.load(root).claims["cof.best"].relations[0]
    assert relation.target == "tea.best" and relation.note.startswith("TODO")
    assert argmap.load(root).claims["cof.best"].note == "Strong."


def test_quotes_complete_from_the_source_text_and_hover_shows_their_paragraph(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, {"map.yaml": "title: Tea?\nperspectives: {tea: {label: Tea}}\n",
                     "tea.yaml": "perspective: tea\nsource: {text: tea.txt}\nclaims:\n"
                                 "  - id: tea.best\n    text: Tea is best.\n    quote: Tea is best\n"})
    (root / "tea.txt").write_text("Tea is best, I think. It calms the mind.\n\nCoffee jolts the body awake.\n")
    lsp = client(root)
    tea = root / "tea.yaml"
    typing = "perspective: tea\nsource: {text: tea.txt}\nclaims:\n  - id: tea.best\n    text: Tea is best.\n" \
             "    quote: coffee j\n"
    lsp.open(tea, typing)
    items = lsp.request("textDocument/completion", {"textDocument": {"uri": tea.as_uri()},
                                                    "position": position(typing, "coffee j", shift=8)})
    assert [i["label"] for i in items["items"]] == ["Coffee jolts the body awake."]
    assert items["items"][0]["insertText"] == '"Coffee jolts the body awake."'
    lsp.change(tea, typing.replace("coffee j", "It calms the mind"), 2)
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": tea.as_uri()},
                                               "position": position(typing, "quote:", shift=2)})
    assert "Tea is best, I think. It calms the mind." in hover["contents"]["value"].replace("\\", "")
    # A quote that is not in the source is an error, where the quote is.
    lsp.change(tea, typing.replace("coffee j", "Tea heals"), 3)
    errors = lsp.diagnostics_for(tea, lambda ds: any(d["severity"] == 1 for d in ds))
    assert errors[0]["range"]["start"] == position(typing, "coffee j")
    assert "closest passage" in errors[0]["message"]


def test_ranges_count_utf16_units_past_wide_characters(client, tmp_path):
    root = tmp_path / "map"
    text = "perspective: tea\nclaims:\n  - {id: tea.a, text: \"🍵🍵 calm\", supports: [tea.nope]}\n"
    write_map(root, {"map.yaml": "title: Tea?\nperspectives: {tea: {label: Tea}}\n", "tea.yaml": text})
    lsp = client(root)
    tea = root / "tea.yaml"
    lsp.open(tea)
    error = lsp.diagnostics_for(tea, lambda ds: bool(ds))[0]
    column = text.splitlines()[2].index("tea.nope") + 2  # each 🍵 is two UTF-16 units
    assert error["range"]["start"] == {"line": 2, "character": column}
    assert error["range"]["end"] == {"line": 2, "character": column + 8}


def test_a_file_outside_any_map_is_left_alone(client, tmp_path):
    loose = tmp_path / "loose" / "notes.yaml"
    loose.parent.mkdir()
    loose.write_text("a: [\n")
    lsp = client(loose.parent)
    lsp.open(loose)
    answer = lsp.request("textDocument/completion", {"textDocument": {"uri": loose.as_uri()},
                                                     "position": {"line": 0, "character": 3}})
    assert answer is None


QUESTIONS = {
    "map.yaml": ("title: Tea?\nperspectives:\n  tea: {label: Tea}\n  coffee: {label: Coffee}\nquestions:\n"
                 "  - id: q.calm\n    text: Is a calm start what a morning needs?\n    issue: values\n"
                 "    positions: [yes, no]\n"),
    "tea.yaml": ("perspective: tea\nclaims:\n  - id: tea.best\n    text: Tea is best.\n    kind: thesis\n"
                 "  - id: tea.calm\n    text: Tea calms.\n    supports: [tea.best]\n    answers:\n"
                 "      - {question: q.calm, position: yes}\n"),
    "coffee.yaml": ("perspective: coffee\nclaims:\n  - id: cof.best\n    text: Coffee is best.\n    kind: thesis\n"
                    "  - id: cof.alert\n    text: Mornings want alertness.\n    supports: [cof.best]\n"
                    "    answers: [{question: q.calm, position: no}]\n"
                    "    contradicts:\n      - support: [tea.calm, tea.best]\n        note: Calm is beside the point.\n"),
}


def test_question_ids_hover_jump_find_their_answers_and_rename_everywhere(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, QUESTIONS)
    lsp = client(root)
    tea, coffee, manifest = root / "tea.yaml", root / "coffee.yaml", root / "map.yaml"
    lsp.open(tea)
    assert list(argmap.load(root).questions) == ["q.calm"]  # a valid map: a clean file gets no diagnostics
    where = position(QUESTIONS["tea.yaml"], "q.calm", shift=2)
    hover = lsp.request("textDocument/hover", {"textDocument": {"uri": tea.as_uri()}, "position": where})
    shown = hover["contents"]["value"]
    assert "Is a calm start what a morning needs?" in shown and "tea: yes" in shown and "coffee: no" in shown
    target = lsp.request("textDocument/definition", {"textDocument": {"uri": tea.as_uri()}, "position": where})
    assert target["uri"] == manifest.as_uri()
    assert target["range"]["start"] == position(QUESTIONS["map.yaml"], "q.calm")
    found = lsp.request("textDocument/references", {"textDocument": {"uri": tea.as_uri()}, "position": where,
                                                    "context": {"includeDeclaration": True}})
    assert sorted(f["uri"] for f in found) == sorted([manifest.as_uri(), tea.as_uri(), coffee.as_uri()])
    edit = lsp.request("textDocument/rename", {"textDocument": {"uri": tea.as_uri()}, "position": where,
                                               "newName": "q.calm-start"})
    for name in QUESTIONS:
        path = root / name
        path.write_text(apply_edits(QUESTIONS[name], edit["changes"].get(path.as_uri(), [])))
    renamed = argmap.load(root)
    assert list(renamed.questions) == ["q.calm-start"]
    assert sorted(renamed.answers_to("q.calm-start")) == [("cof.alert", "no"), ("tea.calm", "yes")]
    # An undercut's two ids are claim references: renaming the reason reaches into support: [...].
    edit = lsp.request("textDocument/rename", {"textDocument": {"uri": tea.as_uri()},
                                               "position": position(QUESTIONS["tea.yaml"], "id: tea.calm", shift=5),
                                               "newName": "tea.calms"})
    assert position(QUESTIONS["coffee.yaml"], "tea.calm") in [e["range"]["start"]
                                                              for e in edit["changes"][coffee.as_uri()]]


def test_completion_offers_question_ids_their_positions_and_the_keys_of_a_question(client, tmp_path):
    root = tmp_path / "map"
    write_map(root, QUESTIONS)
    lsp = client(root)
    tea = root / "tea.yaml"
    typed = QUESTIONS["tea.yaml"] + "  - id: tea.more\n    text: More.\n    answers:\n      - {question: "
    lsp.open(tea, typed)
    end = {"line": typed.count("\n"), "character": len(typed.rsplit("\n", 1)[1])}
    items = lsp.request("textDocument/completion", {"textDocument": {"uri": tea.as_uri()}, "position": end})
    labels = [i["label"] for i in (items["items"] if isinstance(items, dict) else items)]
    assert labels == ["q.calm"]
    typed += "q.calm, position: "
    lsp.change(tea, typed, 2)
    end = {"line": typed.count("\n"), "character": len(typed.rsplit("\n", 1)[1])}
    items = lsp.request("textDocument/completion", {"textDocument": {"uri": tea.as_uri()}, "position": end})
    assert [i["label"] for i in (items["items"] if isinstance(items, dict) else items)] == ["yes", "no"]
