"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./modules.cjs");

const viewstate = load("viewstate");
const ids = ["a.t", "a.r", "a.s", "b.t"];
const ctx = { perspectiveIds: ["a", "b"], kinds: ["thesis", "premise"], tags: ["core"],
  has: (id) => ids.includes(id), collapsible: (id) => id === "a.r" || id === "a.t", defaultCollapsed: new Set(["a.r"]) };

test("the defaults give an empty hash", () => {
  assert.equal(viewstate.hashOf(viewstate.defaults(ctx), ctx), "");
});

test("a state survives its own hash", () => {
  const state = viewstate.defaults(ctx);
  Object.assign(state, { claim: "a.s", tag: "core", crossOnly: true, disagreements: true, layout: "force", view: "map" });
  state.perspectives.delete("b");
  state.collapsed = new Set(["a.t"]);
  const hash = viewstate.hashOf(state, ctx);
  const back = viewstate.stateFromHash("#" + hash, ctx);
  assert.equal(viewstate.hashOf(back, ctx), hash);
  assert.deepEqual([...back.collapsed], ["a.t"]);
  assert.match(hash, /open=a\.r/);
  assert.match(hash, /shut=a\.t/);
});

test("everything open is one word", () => {
  const state = viewstate.defaults(ctx);
  state.collapsed = new Set();
  assert.equal(viewstate.hashOf(state, ctx), "tree=all");
  assert.equal(viewstate.stateFromHash("#tree=all", ctx).collapsed.size, 0);
});

test("unknown ids and values are dropped, and an unknown claim is reported", () => {
  const state = viewstate.stateFromHash("#claim=nope&p=a,zz&k=bogus&tag=__proto__&shut=b.t,nope&depth=99&path=a.t,a.t", ctx);
  assert.equal(state.claim, null);
  assert.deepEqual(state.unknown, ["nope"]);
  assert.deepEqual([...state.perspectives], ["a"]);
  assert.equal(state.kinds.size, 0);
  assert.equal(state.tag, "");
  assert.deepEqual([...state.collapsed], ["a.r"]);  // b.t has no supporters to collapse
  assert.equal(state.depth, 9);
  assert.equal(state.path, null);
  assert.equal(state.view, "map");
});

test("a claim in the hash opens the map; the comparison must then be asked for", () => {
  assert.equal(viewstate.stateFromHash("#claim=a.s", ctx).view, "map");
  const state = viewstate.stateFromHash("#claim=a.s&view=comparison", ctx);
  assert.equal(viewstate.hashOf(state, ctx), "claim=a.s&view=comparison");
});

test("a clash lens is a step of its own, and opens the map", () => {
  const state = viewstate.defaults(ctx);
  state.lens = ["a.s", "b.t"];
  state.view = "map";
  const hash = viewstate.hashOf(state, ctx);
  assert.match(hash, /lens=a\.s%2Cb\.t|lens=a\.s,b\.t/);
  const back = viewstate.stateFromHash("#" + hash, ctx);
  assert.deepEqual(back.lens, ["a.s", "b.t"]);
  assert.equal(back.view, "map");
  assert.equal(viewstate.stateFromHash("#lens=a.s,nope", ctx).lens, null);
  assert.equal(viewstate.stateFromHash("#lens=a.s,a.s", ctx).lens, null);
});
