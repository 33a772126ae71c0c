// Loads the page's script modules under node as the build joins them into the
// page (argmap/web/render.py): each a function of (exports, modules).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const SCRIPTS = path.join(__dirname, "..", "..", "argmap", "web", "scripts");
const modules = {};

function load(name) {
  if (!(name in modules)) {
    const exports = (modules[name] = {});
    const source = fs.readFileSync(path.join(SCRIPTS, name + ".js"), "utf8");
    new Function("exports", "modules", '"use strict";\n' + source)(exports, modules);
  }
  return modules[name];
}

// A tiny map's page data, in the columns argmap.web.page writes.
function pageData(claims, relations) {
  const ids = claims.map((c) => c.id);
  const column = (field, fallback) => claims.map((c) => (field in c ? c[field] : fallback));
  return {
    nodes: { id: ids, label: column("text", ""), title: column("title", null), group: column("side", "a"),
      kind: column("kind", "premise"), tags: column("tags", []), quote: column("quote", null), source: column("source", null),
      asserted: column("asserted", true), x: column("x", 0), y: column("y", 0) },
    edges: { from: relations.map((r) => ids.indexOf(r[0])), to: relations.map((r) => ids.indexOf(r[2])),
      kind: relations.map((r) => r[1]), note: relations.map((r) => r[3] || ""), basis: relations.map(() => null),
      issue: relations.map(() => null) },
    perspectives: [{ id: "a", label: "Side A" }, { id: "b", label: "Side B" }],
    sources: [], kinds: ["thesis", "premise"], tags: [],
  };
}

module.exports = { load, pageData };
