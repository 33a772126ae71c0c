"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./modules.cjs");

load("data");
load("dom");  // map.js builds its overview note with it
const { noteLabel } = load("map");

test("an edge note is wrapped into at most three short lines", () => {
  assert.equal(noteLabel("Short note."), "Short note.");
  const label = noteLabel("word ".repeat(40));
  const lines = label.split("\n");
  assert.equal(lines.length, 3);
  assert.ok(lines.every((line) => line.length <= 41), label);
  assert.ok(label.endsWith("…"));
});
