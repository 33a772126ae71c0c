"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load, pageData } = require("./modules.cjs");

const { decode } = load("data");
const walks = load("walks");

// Side a: t <- r1 <- r11, r1 <- r12, t <- r2; "apart" stands alone; x is under both r1 and r2.
// Side b: its thesis contradicts r11.
function tinyMap() {
  return decode(pageData(
    ["a.t", "a.r1", "a.r11", "a.r12", "a.r2", "a.x", "a.apart"].map((id) => ({ id: id, kind: id === "a.t" ? "thesis" : "premise" }))
      .concat([{ id: "b.t", side: "b", kind: "thesis" }]),
    [["a.r1", "supports", "a.t"], ["a.r11", "supports", "a.r1"], ["a.r12", "supports", "a.r1"], ["a.r2", "supports", "a.t"],
     ["a.x", "supports", "a.r1"], ["a.x", "supports", "a.r2"], ["b.t", "contradicts", "a.r11"]]));
}

test("one breadth-first search gives distances, limited by depth and by the edges allowed", () => {
  const model = tinyMap();
  const all = walks.breadthFirst(model, "a.t", () => true);
  assert.equal(all.get("a.r11"), 2);
  assert.equal(all.get("b.t"), 3);
  assert.deepEqual([...walks.breadthFirst(model, "a.t", () => true, 1).keys()].sort(), ["a.r1", "a.r2", "a.t"]);
  assert.equal(walks.breadthFirst(model, "a.t", (e) => e.kind === "supports").has("b.t"), false);
});

test("shortest paths light every claim on any of them and give one chain", () => {
  const model = tinyMap();
  const paths = walks.shortestPaths(model, "a.r1", "a.r2", () => true);
  assert.equal(paths.length, 2);
  assert.deepEqual([...paths.nodes].sort(), ["a.r1", "a.r2", "a.t", "a.x"]);
  assert.equal(paths.chain.length, 2);
  assert.equal(walks.shortestPaths(model, "a.t", "b.t", (e) => e.kind === "supports").length, null);
});

test("the support forest has roots, children and depths, and cross relations are not part of it", () => {
  const forest = walks.supportForest(tinyMap());
  assert.deepEqual(forest.roots, ["a.t", "a.apart", "b.t"]);
  assert.deepEqual(forest.children.get("a.r1"), ["a.r11", "a.r12", "a.x"]);
  assert.equal(forest.depth.get("a.r11"), 2);
  assert.equal(forest.depth.get("a.x"), 2);
});

test("claims only on a cycle of supports become roots", () => {
  const model = decode(pageData([{ id: "a.p" }, { id: "a.q" }], [["a.p", "supports", "a.q"], ["a.q", "supports", "a.p"]]));
  const forest = walks.supportForest(model);
  assert.deepEqual(forest.roots, ["a.p"]);
  assert.equal(walks.collapsedView(forest, new Set()).shown.size, 2);
});

test("a collapsed claim hides its supporters, counts them, and stands in for them", () => {
  const forest = walks.supportForest(tinyMap());
  const view = walks.collapsedView(forest, new Set(["a.r1"]));
  // a.x also supports a.r2, which is open, so it stays shown
  assert.deepEqual([...view.shown].sort(), ["a.apart", "a.r1", "a.r2", "a.t", "a.x", "b.t"]);
  assert.equal(view.hiddenBelow.get("a.r1"), 2);
  assert.equal(view.standIn.get("a.r11"), "a.r1");
  const both = walks.collapsedView(forest, new Set(["a.r1", "a.r2"]));
  assert.equal(both.shown.has("a.x"), false);
  assert.equal(both.hiddenBelow.get("a.r1"), 3);  // the first collapsed claim to reach a.x counts it
  assert.equal(walks.collapsedView(forest, new Set(["a.t"])).hiddenBelow.get("a.t"), 5);
});

test("the default opens whole levels within the budget, and at least the reasons of each root", () => {
  const model = tinyMap();
  const forest = walks.supportForest(model);
  assert.deepEqual([...walks.defaultCollapsed(model, forest, 4)].sort(), ["a.r1", "a.r2"]);
  assert.deepEqual([...walks.defaultCollapsed(model, forest, 1)].sort(), ["a.r1", "a.r2"]);
  assert.equal(walks.defaultCollapsed(model, forest, 100).size, 0);
});

test("opening the way to a hidden claim opens only the collapsed claims above it", () => {
  const forest = walks.supportForest(tinyMap());
  const collapsed = new Set(["a.t", "a.r1", "a.r2"]);
  const open = walks.waysOpen(forest, collapsed, "a.r11");
  assert.deepEqual(open.sort(), ["a.r1", "a.t"]);
  const after = walks.collapsedView(forest, new Set([...collapsed].filter((id) => !open.includes(id))));
  assert.ok(after.shown.has("a.r11"));
  assert.deepEqual(walks.waysOpen(forest, collapsed, "a.t"), []);
});

test("edges of hidden claims are drawn to their stand-ins, one line per pair and kind", () => {
  const model = tinyMap();
  const forest = walks.supportForest(model);
  const view = walks.collapsedView(forest, new Set(["a.r1"]));
  const place = (id) => (view.shown.has(id) ? id : view.standIn.get(id) || null);
  const { direct, folded } = walks.foldEdges(model.edges, place);
  assert.deepEqual(direct.map((e) => e.index), [0, 3, 4, 5]);
  assert.deepEqual(folded.map((f) => [f.from, f.kind, f.to, f.edges, f.cross]), [["b.t", "contradicts", "a.r1", [6], true]]);
});
