"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, pageData } = require("./modules.cjs");

const data = load("data");

test("decode rebuilds claims and relations from columns", () => {
  const model = data.decode(pageData(
    [{ id: "a.t", kind: "thesis" }, { id: "a.r" }, { id: "b.t", side: "b", kind: "thesis" }],
    [["a.r", "supports", "a.t"], ["b.t", "contradicts", "a.t", "They cannot both hold."]]));
  assert.equal(model.nodes.length, 3);
  assert.deepEqual(model.edges.map((e) => [e.from, e.kind, e.to, e.cross, e.inferred]),
    [["a.r", "supports", "a.t", false, false], ["b.t", "contradicts", "a.t", true, true]]);
  assert.equal(model.incident.get("a.t").length, 2);
  assert.equal(model.byId.get("b.t").group, "b");
  assert.equal(data.labelOf(model, "b"), "Side B");
  assert.equal(data.labelOf(model, "nowhere"), "nowhere");
});

test("an empty map decodes to nothing", () => {
  const model = data.decode(pageData([], []));
  assert.deepEqual(model.nodes, []);
  assert.deepEqual(model.edges, []);
});

test("a short label is the title, or the text cut at a word", () => {
  assert.equal(data.shortLabel({ title: "Short", label: "Long text" }), "Short");
  const long = "word ".repeat(30).trim();
  const label = data.shortLabel({ title: null, label: long });
  assert.ok(label.length <= 60 && label.endsWith("…") && !label.includes("  "), label);
  assert.equal(data.shortLabel({ title: null, label: "  spaced   out  " }), "spaced out");
});

test("a quote becomes a scroll-to-text fragment", () => {
  assert.equal(data.textFragment("a - b"), "#:~:text=a%20%2D%20b");
  assert.equal(data.textFragment("one two three four five six seven eight nine ten eleven"),
    "#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven");
});
