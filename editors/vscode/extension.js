// argmap for VS Code: starts argmap's language server for the YAML files of a workspace that holds
// a map.yaml. The server itself decides which files belong to a map (a *.yaml beside or below a
// map.yaml) and leaves other YAML files alone.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { onPath, serverCommand } = require("./server");

let client;

// The interpreter the Python extension has selected for this workspace, if it is installed.
async function selectedInterpreter() {
  const python = vscode.extensions.getExtension("ms-python.python");
  if (!python) return null;
  try {
    const api = python.isActive ? python.exports : await python.activate();
    const environments = api && api.environments;
    if (!environments) return null;
    const active = environments.getActiveEnvironmentPath(vscode.workspace.workspaceFolders?.[0]?.uri);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable?.uri?.fsPath || null;
  } catch (_) {
    return null;
  }
}

async function activate(context) {
  const setting = vscode.workspace.getConfiguration("argmap").get("path");
  const found = serverCommand({ setting, found: onPath(), interpreter: await selectedInterpreter() });
  if (!found) {
    vscode.window.showErrorMessage(
      "argmap: the language server was not found. Install argmap (pip install argmap) in the Python " +
        "interpreter VS Code uses, put `argmap` on PATH, or set argmap.path.");
    return undefined;
  }
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command: found.command, args: found.args },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yaml,yml,txt,md}") },
    },
  );
  client.outputChannel.appendLine(`argmap: ${found.command} ${found.args.join(" ")} (${found.how})`);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
