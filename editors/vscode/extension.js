// argmap for VS Code: starts `argmap lsp` for the YAML files of a workspace that holds a map.yaml.
// The server itself decides which files belong to a map (a *.yaml beside or below a map.yaml)
// and leaves other YAML files alone.
const { workspace } = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = workspace.getConfiguration("argmap").get("path") || "argmap";
  client = new LanguageClient(
    "argmap",
    "argmap",
    { command, args: ["lsp"] },
    {
      documentSelector: [{ scheme: "file", language: "yaml" }],
      synchronize: { fileEvents: workspace.createFileSystemWatcher("**/*.{yaml,yml,txt}") },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
