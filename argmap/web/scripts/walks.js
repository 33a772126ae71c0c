// walks.js — graph walks over the decoded page data (see data.js): one
// breadth-first search, which the neighbourhood and the paths share, and
// each side's support tree, which the map collapses below chosen claims.

// Distances from ``start``, stepping along the edges ``allowed`` accepts in
// either direction, no further than ``maxDepth`` steps (no limit if omitted).
function breadthFirst(model, start, allowed, maxDepth) {
  const limit = maxDepth === undefined ? Infinity : maxDepth;
  const dist = new Map([[start, 0]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head], here = dist.get(id);
    if (here >= limit) continue;
    model.incident.get(id).forEach((e) => {
      const other = e.from === id ? e.to : e.from;
      if (!dist.has(other) && allowed(e)) { dist.set(other, here + 1); queue.push(other); }
    });
  }
  return dist;
}

// The claims and edges on any shortest path between a and b, and one such
// path as a chain of edges from a to b.
function shortestPaths(model, a, b, allowed) {
  const fromA = breadthFirst(model, a, allowed), fromB = breadthFirst(model, b, allowed);
  if (!fromA.has(b)) return { length: null, nodes: new Set([a, b]), edges: new Set(), chain: [] };
  const length = fromA.get(b);
  const chain = [];
  for (let at = b; at !== a;) {  // walked back from b: each step to a claim one step nearer a
    const step = model.incident.get(at).find((e) => allowed(e) && fromA.get(e.from === at ? e.to : e.from) === fromA.get(at) - 1);
    chain.unshift(step);
    at = step.from === at ? step.to : step.from;
  }
  const onPath = (id) => fromA.has(id) && fromB.has(id) && fromA.get(id) + fromB.get(id) === length;
  const nodes = new Set(model.nodes.map((n) => n.id).filter(onPath));
  const edges = new Set(model.edges.filter((e) => allowed(e) && nodes.has(e.from) && nodes.has(e.to)
    && Math.abs(fromA.get(e.from) - fromA.get(e.to)) === 1).map((e) => e.index));
  return { length: length, nodes: nodes, edges: edges, chain: chain };
}

// Each side's support tree: a claim's children are the claims of its own side
// that support it; its roots support nothing of their side (theses, and what
// is argued apart). Claims only on a cycle of supports become roots too, so
// every claim has a depth.
function supportForest(model) {
  const children = new Map(model.nodes.map((n) => [n.id, []]));
  const parents = new Map(model.nodes.map((n) => [n.id, []]));
  model.edges.forEach((e) => {
    if (e.kind === "supports" && !e.cross && e.from !== e.to) { children.get(e.to).push(e.from); parents.get(e.from).push(e.to); }
  });
  const depth = new Map(), roots = [];
  const spread = (queue) => {
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head];
      children.get(id).forEach((c) => { if (!depth.has(c)) { depth.set(c, depth.get(id) + 1); queue.push(c); } });
    }
  };
  const start = [];
  model.nodes.forEach((n) => { if (!parents.get(n.id).length) { depth.set(n.id, 0); roots.push(n.id); start.push(n.id); } });
  spread(start);
  model.nodes.forEach((n) => { if (!depth.has(n.id)) { depth.set(n.id, 0); roots.push(n.id); spread([n.id]); } });
  return { children: children, parents: parents, depth: depth, roots: roots };
}

// The claims to collapse so that each side opens showing as many whole levels
// as fit in ``budget`` claims (at least its roots and their reasons).
function defaultCollapsed(model, forest, budget) {
  const collapsed = new Set();
  model.perspectives.forEach((_, side) => {
    const mine = model.nodes.filter((n) => n.group === side);
    const counts = [];
    mine.forEach((n) => { const d = forest.depth.get(n.id); counts[d] = (counts[d] || 0) + 1; });
    let level = 1, total = (counts[0] || 0) + (counts[1] || 0);
    while (level + 1 < counts.length && total + (counts[level + 1] || 0) <= budget) { level += 1; total += counts[level] || 0; }
    mine.forEach((n) => { if (forest.depth.get(n.id) === level && forest.children.get(n.id).length) collapsed.add(n.id); });
  });
  return collapsed;
}

// What the collapsed claims hide. ``shown``: the claims still drawn;
// ``standIn``: for each hidden claim, the shown collapsed claim that stands for
// it (the first, walking down from the roots, that reaches it); ``hiddenBelow``:
// how many claims each collapsed claim stands for.
function collapsedView(forest, collapsed) {
  const shown = new Set(forest.roots), order = forest.roots.slice();
  for (let head = 0; head < order.length; head++) {
    const id = order[head];
    if (collapsed.has(id)) continue;
    forest.children.get(id).forEach((c) => { if (!shown.has(c)) { shown.add(c); order.push(c); } });
  }
  const standIn = new Map(), hiddenBelow = new Map();
  order.forEach((top) => {
    if (!collapsed.has(top)) return;
    let count = 0;
    const queue = [top];
    for (let head = 0; head < queue.length; head++) {
      forest.children.get(queue[head]).forEach((c) => {
        if (!shown.has(c) && !standIn.has(c)) { standIn.set(c, top); count += 1; queue.push(c); }
      });
    }
    if (count) hiddenBelow.set(top, count);
  });
  return { shown: shown, standIn: standIn, hiddenBelow: hiddenBelow };
}

// The collapsed claims to open so that ``id`` is shown: those on its shortest
// way up to a root.
function waysOpen(forest, collapsed, id) {
  const cameFrom = new Map([[id, null]]);
  const queue = [id];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    if (forest.depth.get(at) === 0) {
      const open = [];
      for (let step = at; step !== id; step = cameFrom.get(step)) if (collapsed.has(step)) open.push(step);
      return open;
    }
    forest.parents.get(at).forEach((p) => { if (!cameFrom.has(p)) { cameFrom.set(p, at); queue.push(p); } });
  }
  return [];
}

// The edges to draw when some claims are hidden: an edge between two shown
// claims as it is, and the edges of hidden claims drawn to the claims that
// stand for them, one line per pair and kind. ``place(id)`` is the claim drawn
// for ``id``, or null when neither it nor a stand-in is on the map.
function foldEdges(edges, place) {
  const direct = [], folded = new Map();
  edges.forEach((e) => {
    const from = place(e.from), to = place(e.to);
    if (from === null || to === null || from === to) return;
    if (from === e.from && to === e.to) { direct.push(e); return; }
    const key = e.kind + "|" + from + "|" + to;
    if (!folded.has(key)) folded.set(key, { id: "fold:" + key, from: from, to: to, kind: e.kind, cross: false, inferred: true, edges: [] });
    const fold = folded.get(key);
    fold.edges.push(e.index);
    fold.cross = fold.cross || e.cross;
    fold.inferred = fold.inferred && e.inferred;
  });
  return { direct: direct, folded: [...folded.values()] };
}

Object.assign(exports, { breadthFirst, shortestPaths, supportForest, defaultCollapsed, collapsedView, waysOpen, foldEdges });
