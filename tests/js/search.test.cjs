"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./modules.cjs");

const search = load("search");
const nodes = [
  { id: "a.bond", label: "The bond heals.", quote: "a real bond", tags: ["core"] },
  { id: "b.service", label: "A paid service, not a bond.", quote: null, tags: [] },
];
const haystack = search.haystackOf(nodes);

test("every term must match, in text, quote, id or tag", () => {
  assert.deepEqual(search.matches(nodes, haystack, search.termsOf("BOND")).map((n) => n.id), ["a.bond", "b.service"]);
  assert.deepEqual(search.matches(nodes, haystack, search.termsOf("bond paid")).map((n) => n.id), ["b.service"]);
  assert.deepEqual(search.matches(nodes, haystack, search.termsOf("core")).map((n) => n.id), ["a.bond"]);
  assert.equal(search.matches(nodes, haystack, search.termsOf("   ")), null);
});

test("ids that start with the first term rank first", () => {
  const found = search.matches(nodes, haystack, search.termsOf("b"));
  assert.deepEqual(search.ranked(found, search.termsOf("b")).map((n) => n.id), ["b.service", "a.bond"]);
  assert.equal(search.ranked(found, search.termsOf("b"), 1).length, 1);
});
