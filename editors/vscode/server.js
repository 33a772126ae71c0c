// How the extension starts the argmap language server: which program, with which arguments.
// Pure (no `vscode` import), so node's test runner checks it without VS Code.
"use strict";
const fs = require("fs");
const path = require("path");

const LSP_ARGS = ["lsp", "--stdio"];

// The first `argmap` program on PATH, or null.
function onPath(env = process.env, platform = process.platform) {
  const names = platform === "win32" ? ["argmap.exe", "argmap.cmd", "argmap"] : ["argmap"];
  for (const folder of (env.PATH || env.Path || "").split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch (_) { /* not here */ }
    }
  }
  return null;
}

// The server command, in the order a user expects (as the ruff and black extensions do):
// the `argmap.path` setting if it was changed; else `argmap` on PATH; else `python -m argmap`
// with the interpreter the Python extension has selected; else null, and the extension says why.
function serverCommand({ setting, found, interpreter }) {
  if (setting && setting !== "argmap") return { command: setting, args: LSP_ARGS, how: "the argmap.path setting" };
  if (found) return { command: found, args: LSP_ARGS, how: "argmap on PATH" };
  if (interpreter) {
    return { command: interpreter, args: ["-m", "argmap", ...LSP_ARGS], how: "the selected Python interpreter" };
  }
  return null;
}

module.exports = { LSP_ARGS, onPath, serverCommand };
