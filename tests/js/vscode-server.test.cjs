// The VS Code extension's choice of server command: setting, then PATH, then the selected interpreter.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { onPath, serverCommand, LSP_ARGS } = require("../../editors/vscode/server.js");

test("a changed argmap.path setting wins", () => {
  const chosen = serverCommand({ setting: "/opt/argmap/bin/argmap", found: "/usr/bin/argmap", interpreter: "/py" });
  assert.deepStrictEqual(chosen.command, "/opt/argmap/bin/argmap");
  assert.deepStrictEqual(chosen.args, LSP_ARGS);
});

test("argmap on PATH comes before the interpreter", () => {
  assert.strictEqual(serverCommand({ setting: "argmap", found: "/usr/bin/argmap", interpreter: "/py" }).command,
                     "/usr/bin/argmap");
});

test("without argmap on PATH, the selected interpreter runs python -m argmap", () => {
  const chosen = serverCommand({ setting: "argmap", found: null, interpreter: "/venv/bin/python" });
  assert.deepStrictEqual([chosen.command, ...chosen.args], ["/venv/bin/python", "-m", "argmap", "lsp", "--stdio"]);
});

test("with nothing found there is no command", () => {
  assert.strictEqual(serverCommand({ setting: "argmap", found: null, interpreter: null }), null);
});

test("onPath finds argmap in a PATH folder, and nothing in an empty one", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "argmap-path-"));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), "argmap-empty-"));
  fs.writeFileSync(path.join(folder, "argmap"), "#!/bin/sh\n");
  assert.strictEqual(onPath({ PATH: [empty, folder].join(path.delimiter) }, "linux"), path.join(folder, "argmap"));
  assert.strictEqual(onPath({ PATH: empty }, "linux"), null);
});
