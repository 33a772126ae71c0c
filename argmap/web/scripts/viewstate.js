// viewstate.js — the view a reader has chosen, and the URL hash that shares it.
//
// ``ctx`` names what the map offers: perspectiveIds, kinds, tags, has(id) for
// claims, collapsible(id) for claims with supporters, and defaultCollapsed,
// the claims collapsed when the map opens. A hash names only what differs
// from the defaults, so a plain link opens the page as a newcomer sees it.

const EDGE_KINDS = ["supports", "contradicts"];

function defaults(ctx) {
  return {
    perspectives: new Set(ctx.perspectiveIds), kinds: new Set(ctx.kinds), tag: "",
    edgeKinds: new Set(EDGE_KINDS), crossOnly: false, disagreements: false, common: false,
    layout: "sides", claim: null, focus: null, depth: 1, path: null, lens: null, view: "comparison",
    collapsed: new Set(ctx.defaultCollapsed), unknown: [],
  };
}

const sorted = (set) => [...set].sort();

function hashOf(state, ctx) {
  const params = new URLSearchParams();
  const list = (set, all) => (set.size === all.length ? null : [...set].join(","));
  const set = (key, value) => value !== null && value !== "" && value !== false && params.set(key, value);
  set("claim", state.claim);
  set("p", list(state.perspectives, ctx.perspectiveIds));
  set("k", list(state.kinds, ctx.kinds));
  set("tag", state.tag);
  set("e", list(state.edgeKinds, EDGE_KINDS));
  set("x", state.crossOnly && "1");
  set("hl", [state.disagreements && "disagreements", state.common && "common"].filter(Boolean).join(","));
  set("focus", state.focus);
  set("depth", state.focus && state.depth !== 1 ? String(state.depth) : null);
  set("path", state.path && state.path.join(","));
  set("lens", state.lens && state.lens.join(","));
  set("layout", state.layout === "force" && "force");
  // The support trees: everything open, or what was opened and shut since the start.
  if (!state.collapsed.size && ctx.defaultCollapsed.size) set("tree", "all");
  else {
    set("open", sorted([...ctx.defaultCollapsed].filter((id) => !state.collapsed.has(id))).join(","));
    set("shut", sorted([...state.collapsed].filter((id) => !ctx.defaultCollapsed.has(id))).join(","));
  }
  // The comparison is the default view, unless a claim, focus or path asks for the map.
  const mapByDefault = Boolean(state.claim || state.focus || state.path || state.lens);
  set("view", state.view === "map" ? (mapByDefault ? null : "map") : (mapByDefault ? "comparison" : null));
  return params.toString();
}

function stateFromHash(hash, ctx) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const next = defaults(ctx);
  const listed = (key, pool) => (params.has(key) ? new Set(params.get(key).split(",").filter((v) => pool.includes(v))) : null);
  const ids = (key) => (params.get(key) || "").split(",").filter((id) => ctx.has(id));
  next.perspectives = listed("p", ctx.perspectiveIds) || next.perspectives;
  next.kinds = listed("k", ctx.kinds) || next.kinds;
  next.edgeKinds = listed("e", EDGE_KINDS) || next.edgeKinds;
  next.tag = ctx.tags.includes(params.get("tag")) ? params.get("tag") : "";
  next.crossOnly = params.get("x") === "1";
  const highlights = (params.get("hl") || "").split(",");
  next.disagreements = highlights.includes("disagreements");
  next.common = highlights.includes("common");
  next.claim = ctx.has(params.get("claim")) ? params.get("claim") : null;
  next.unknown = ["claim", "focus"].map((key) => params.get(key)).filter((id) => id && !ctx.has(id));
  next.focus = ctx.has(params.get("focus")) ? params.get("focus") : null;
  next.depth = Math.min(Math.max(parseInt(params.get("depth"), 10) || 1, 1), 9);
  const path = (params.get("path") || "").split(",");
  next.path = path.length === 2 && path.every((id) => ctx.has(id)) && path[0] !== path[1] ? path : null;
  const lens = (params.get("lens") || "").split(",");
  next.lens = lens.length === 2 && lens.every((id) => ctx.has(id)) && lens[0] !== lens[1] ? lens : null;
  next.layout = params.get("layout") === "force" ? "force" : "sides";
  if (params.get("tree") === "all") next.collapsed = new Set();
  ids("open").forEach((id) => next.collapsed.delete(id));
  ids("shut").forEach((id) => { if (ctx.collapsible(id)) next.collapsed.add(id); });
  const view = params.get("view");
  next.view = view === "map" || view === "comparison" ? view
    : (next.claim || next.focus || next.path || next.lens || next.unknown.length ? "map" : "comparison");
  return next;
}

Object.assign(exports, { EDGE_KINDS, defaults, hashOf, stateFromHash });
