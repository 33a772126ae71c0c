// app.js — the page: one state, the view it asks for, and the controls that change it.

const { el, byElementId: $ } = modules.dom;
const { decode, labelOf } = modules.data;
const { breadthFirst, shortestPaths, supportForest, defaultCollapsed, collapsedView, waysOpen, foldEdges } = modules.walks;
const viewstate = modules.viewstate;
const finder = modules.search;

const model = decode(JSON.parse($("argmap-data").textContent));
// Each side opens showing as many whole levels of its support tree as fit this many claims.
const OPEN_BUDGET = 24;
const forest = supportForest(model);
const ctx = {
  perspectiveIds: model.perspectiveList.map((p) => p.id), kinds: model.kinds, tags: model.tags,
  has: (id) => model.byId.has(id), collapsible: (id) => model.byId.has(id) && forest.children.get(id).length > 0,
  defaultCollapsed: defaultCollapsed(model, forest, OPEN_BUDGET),
};
let state = viewstate.defaults(ctx);
let pendingPathFrom = null;
let treeView = null, treeOf = null;  // what the collapsed claims hide, and the claims it was worked out for

const app = {
  state: () => state,
  select: (id) => selectClaim(id),
  focus: (id, depth) => { state.focus = id; state.depth = depth; applyView(); map.fit(); },
  choosePath: (id) => { pendingPathFrom = id; applyView(); panels.pathEndChooser(id); },
  showPath: (a, b) => showPath(a, b),
  toggle: (id) => toggleTree(id),
  findClaim: (text) => (model.byId.has(text) ? text : (finder.ranked(findAll(text), finder.termsOf(text))[0] || {}).id),
  tree: () => ({ forest: forest, view: treeView }),
  resized: () => map.resize(),
  lens: (a, b) => showLens(a, b),
};
const panels = modules.panels.createPanels(model, app);
const map = modules.map.createMap(model, $("map"), {
  claim: (id, ctrl) => {
    const from = pendingPathFrom || (ctrl ? state.claim : null);
    if (from && from !== id) { showPath(from, id); return; }
    state.path = null;
    selectClaim(id, { move: false, focusPanel: false });
  },
  edge: (id) => (typeof id === "number" ? panels.edgeDetails(model.edges[id]) : panels.foldDetails(foldsShown.get(id))),
  toggle: (id) => toggleTree(id),
});

// ── the URL hash ──────────────────────────────────────────────────────────
// A new selection or view is a step Back can undo; a filter change only
// rewrites the current step. ``stepFrom`` is the hash the step started at:
// the view may have rewritten it on the way, so it is put back first.
let appliedHash = null;
const urlOf = (hash) => (hash && hash !== "#" ? (hash.startsWith("#") ? hash : "#" + hash) : location.href.split("#")[0]);
function saveHash(stepFrom) {
  const hash = viewstate.hashOf(state, ctx);
  try {
    if (typeof stepFrom === "string" && urlOf(stepFrom) !== urlOf(hash)) {
      history.replaceState(null, "", urlOf(stepFrom));
      history.pushState(null, "", urlOf(hash));
    } else history.replaceState(null, "", urlOf(hash));
  } catch (error) {
    // A frame without an origin of its own (a notebook's srcdoc) may refuse; the view still works.
  }
  appliedHash = location.hash;
}

// ── what is shown, and what is lit ─────────────────────────────────────────
const edgePassesFilters = (e) => state.edgeKinds.has(e.kind) && (!state.crossOnly || e.cross);
const passesFilters = (n) => state.perspectives.has(n.group) && state.kinds.has(n.kind) && (!state.tag || n.tags.includes(state.tag));
let foldsShown = new Map();

function applyView() {
  const inFocus = state.focus ? breadthFirst(model, state.focus, edgePassesFilters, state.depth) : null;
  // A focus or a path shows its claims whatever is collapsed.
  const tree = state.focus || state.path ? null : treeView;
  const visible = new Set();
  model.nodes.forEach((n) => {
    if ((passesFilters(n) || n.id === state.focus) && (!inFocus || inFocus.has(n.id)) && (!tree || tree.shown.has(n.id))) visible.add(n.id);
  });
  // Where each claim is drawn: itself, the shown claim that stands for it, or nowhere (null). Worked out
  // once per claim, not once per end of each of up to 285,000 relations.
  const places = new Map();
  for (const n of model.nodes) {
    const standIn = visible.has(n.id) ? n.id : tree && tree.standIn.get(n.id);
    places.set(n.id, standIn === n.id || (standIn && visible.has(standIn) && passesFilters(n)) ? standIn : null);
  }
  const place = (id) => places.get(id);
  const { direct, folded } = foldEdges(model.edges.filter(edgePassesFilters), place);
  foldsShown = new Map(folded.map((f) => [f.id, f]));
  const lit = { nodes: new Set(), edges: new Set() };
  const highlighting = Boolean(state.disagreements || state.common || state.path || state.lens);
  const lights = (e) => e.cross && ((state.disagreements && e.kind === "contradicts") || (state.common && e.kind === "supports"));
  direct.concat(folded).forEach((e) => {
    if (lights(e)) { lit.edges.add(e.index === undefined ? e.id : e.index); lit.nodes.add(e.from); lit.nodes.add(e.to); }
  });
  if (state.lens) {  // the pair, and the lines between them, lit; everything else dimmed
    state.lens.forEach((id) => lit.nodes.add(id));
    direct.forEach((e) => { if (state.lens.includes(e.from) && state.lens.includes(e.to)) lit.edges.add(e.index); });
  }
  let pathInfo = null;
  if (state.path) {
    const drawn = new Set(direct.map((e) => e.index));
    pathInfo = shortestPaths(model, state.path[0], state.path[1], (e) => drawn.has(e.index));
    pathInfo.nodes.forEach((id) => lit.nodes.add(id));
    pathInfo.edges.forEach((id) => lit.edges.add(id));
  }
  const hiddenBelow = (id) => (tree && tree.hiddenBelow.get(id)) || 0;
  // A line's look: a relation as it is (count 0), or the relations folded into one line.
  const lineLook = (line, id, note, count) => ({ id: id, from: line.from, to: line.to, kind: line.kind, cross: line.cross,
    inferred: line.inferred, mutual: line.mutual === true, note: note, count: count, lit: lit.edges.has(id),
    opacity: highlighting && !lit.edges.has(id) ? 0.12 : 1 });
  $("nothing-shown").hidden = visible.size > 0;  // never a blank map without a word and a way back
  map.show({
    compact: Boolean(tree && tree.hiddenBelow.size),  // close the rows a collapsed tree leaves empty
    nodes: [...visible].map((id) => ({ id: id, opacity: highlighting && !lit.nodes.has(id) ? 0.2 : 1, hiddenBelow: hiddenBelow(id) })),
    edges: direct.map((e) => lineLook(e, e.index, e.note, 0)).concat(folded.map((f) => lineLook(f, f.id, "", f.edges.length))),
  });
  // A search hit inside a collapsed tree marks the claim that stands for it.
  const haloed = new Set(searchHits === null ? [] : [...searchHits].map(place).filter(Boolean));
  map.markHits(haloed);
  const hitsInside = searchHits === null ? 0 : [...searchHits].filter((id) => !visible.has(id) && place(id)).length;
  const collapsedAt = [...visible].filter((id) => hiddenBelow(id) > 0);
  panels.status({ claims: visible.size, edges: direct.length + folded.reduce((sum, f) => sum + f.edges.length, 0),
    collapsed: collapsedAt.reduce((sum, id) => sum + hiddenBelow(id), 0), collapsedAt: collapsedAt.length,
    hits: searchHits === null ? null : searchHits.size, hitsInside: hitsInside, terms: $("search").value.trim(), path: pathInfo, pendingPathFrom: pendingPathFrom });
  if (pathInfo) panels.pathDetails(pathInfo);
  syncControls();
  saveHash();
}

// ── the support trees ──────────────────────────────────────────────────────
function setCollapsed(collapsed) {
  state.collapsed = collapsed;
  // Opening the page sets the collapsed claims twice (the defaults, then the hash's); at 100,000 claims a
  // tree view takes a tenth of a second, so it is worked out again only for other claims.
  const members = [...collapsed].sort().join("\n");
  if (members !== treeOf) { treeView = collapsedView(forest, collapsed); treeOf = members; }
}
setCollapsed(state.collapsed);
function toggleTree(id) {
  if (!ctx.collapsible(id)) return;
  const next = new Set(state.collapsed);
  if (next.has(id)) next.delete(id); else next.add(id);
  setCollapsed(next);
  applyView();
  if (state.claim === id) panels.claimDetails(id);
}

// ── selecting claims ───────────────────────────────────────────────────────
function revealIfHidden(id) {
  // A chosen claim must be visible: widen just the filters that hide it, and open the trees above it.
  const n = model.byId.get(id);
  state.perspectives.add(n.group);
  state.kinds.add(n.kind);
  if (state.tag && !n.tags.includes(state.tag)) state.tag = "";
  if (state.focus && !breadthFirst(model, state.focus, edgePassesFilters, state.depth).has(id)) state.focus = null;
  const opened = waysOpen(forest, state.collapsed, id);
  if (opened.length) setCollapsed(new Set([...state.collapsed].filter((c) => !opened.includes(c))));
}

function selectClaim(id, options) {
  options = options || {};
  const stepFrom = location.hash;
  if (state.lens) { state.lens = null; $("lens-card").hidden = true; }
  revealIfHidden(id);
  state.claim = id;
  if (!options.keepView) showView("map");
  applyView();
  panels.claimDetails(id);  // first: the panel docks and the map narrows, then the claim is brought into view
  if (options.move !== false) map.focusOn(id);
  else map.keepInView(id);
  map.select([id]);
  if (options.focusPanel !== false && state.view === "map") $("details").focus();
  panels.markComparison();
  saveHash(options.push !== false ? stepFrom : null);
}

// ── the clash lens: a pair of claims framed together, the note between them on a card ──
// A history step: Back returns to where the reader was.
function showLens(a, b, options) {
  options = options || {};
  const stepFrom = location.hash;
  state.lens = [a, b];
  state.path = null; state.focus = null; pendingPathFrom = null;
  revealIfHidden(a);
  revealIfHidden(b);
  showView("map");
  if (!$("details").hidden) { $("details").hidden = true; map.resize(); }
  applyView();
  panels.lensCard(a, b);
  const narrow = $("map").clientWidth < 700;  // a phone: the card shows the two claims, one above the other
  map.framePair([a, b], narrow ? 0 : $("lens-card").offsetHeight + 56);
  map.select([a, b]);
  $("lens-card").focus();
  if (options.push !== false) saveHash(stepFrom);
}
function closeLens() {
  if (!state.lens) return;
  state.lens = null;
  $("lens-card").hidden = true;
  map.select([]);
  applyView();
}
$("lens-back").addEventListener("click", () => { if (history.length > 1) history.back(); else closeLens(); });

// A path is a history step; the map lights it and the panel reads it out (applyView).
function showPath(from, to) {
  const stepFrom = location.hash;
  pendingPathFrom = null;
  state.path = [from, to];
  applyView();
  map.select(state.path);
  saveHash(stepFrom);
}

function closeDetails() {
  const stepFrom = location.hash;
  $("details").hidden = true;
  map.resize();
  state.claim = null;
  map.select([]);
  panels.markComparison();
  saveHash(stepFrom);
}

// ── search: hits are marked on the map (a blue halo) and counted in the status bar ──
const haystack = finder.haystackOf(model.nodes);
const findAll = (text) => finder.matches(model.nodes, haystack, finder.termsOf(text));
let searchHits = null;
function renderResults() {
  const text = $("search").value;
  const found = findAll(text);
  searchHits = found === null ? null : new Set(found.map((n) => n.id));
  applyView();
  const results = finder.ranked(found, finder.termsOf(text));
  $("search-results").replaceChildren(...results.map((n) => el("li", {}, [
    el("button", { type: "button", "data-claim": n.id, on: { click: () => selectClaim(n.id) } },
      [document.createTextNode(n.label), el("span", { class: "id", text: `${n.id} · ${labelOf(model, n.group)}` })])])));
  return results;
}
$("search").addEventListener("input", renderResults);
$("search").addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    const first = renderResults()[0];
    if (first) selectClaim(first.id);
  }
});

// ── filters and toggles ────────────────────────────────────────────────────
const perspectiveBoxes = model.perspectiveList.map((p) => {
  const box = el("input", { type: "checkbox", name: "perspective", value: p.id, checked: true });
  $("filter-perspectives").append(el("label", {}, [box, document.createTextNode(p.label)]));
  return box;
});
const kindBoxes = model.kinds.map((k) => {
  const box = el("input", { type: "checkbox", name: "kind", value: k, checked: true });
  $("filter-kinds").querySelector(".chips").append(el("label", {}, [box, document.createTextNode(k)]));
  return box;
});
model.tags.forEach((t) => $("tag-filter").append(el("option", { value: t, text: t })));
const edgeBoxes = [...document.querySelectorAll("input[name=edge-kind]")];
const layoutRadios = [...document.querySelectorAll("input[name=layout]")];

function syncControls() {
  perspectiveBoxes.forEach((b) => { b.checked = state.perspectives.has(b.value); });
  kindBoxes.forEach((b) => { b.checked = state.kinds.has(b.value); });
  edgeBoxes.forEach((b) => { b.checked = state.edgeKinds.has(b.value); });
  $("tag-filter").value = state.tag;
  $("cross-only").checked = state.crossOnly;
  $("hl-disagreements").checked = state.disagreements;
  $("hl-common").checked = state.common;
  layoutRadios.forEach((r) => {
    r.checked = r.value === state.layout;
    r.disabled = r.value === "force" && !map.canForce();  // too many claims shown for physics
  });
  $("expand-all").disabled = !state.collapsed.size;
}

const toggleIn = (set, value, on) => (on ? set.add(value) : set.delete(value));
// A filter change can be undone; one that hides the selected claim clears the selection, so the panel
// never speaks of a claim the map does not show.
let beforeFilter = null;
function filtered(change) {
  beforeFilter = { perspectives: new Set(state.perspectives), kinds: new Set(state.kinds), tag: state.tag };
  change();
  if (state.claim && !passesFilters(model.byId.get(state.claim))) closeDetails();
  if (state.lens && !state.lens.every((id) => passesFilters(model.byId.get(id)))) closeLens();
  applyView();
}
$("undo-filter").addEventListener("click", () => {
  if (!beforeFilter) return;
  Object.assign(state, beforeFilter);
  beforeFilter = null;
  applyView();
});
perspectiveBoxes.forEach((b) => b.addEventListener("change", () => filtered(() => toggleIn(state.perspectives, b.value, b.checked))));
kindBoxes.forEach((b) => b.addEventListener("change", () => filtered(() => toggleIn(state.kinds, b.value, b.checked))));
edgeBoxes.forEach((b) => b.addEventListener("change", () => { toggleIn(state.edgeKinds, b.value, b.checked); applyView(); }));
$("tag-filter").addEventListener("change", (event) => filtered(() => { state.tag = event.target.value; }));
$("cross-only").addEventListener("change", (event) => { state.crossOnly = event.target.checked; applyView(); });
$("hl-disagreements").addEventListener("change", (event) => { state.disagreements = event.target.checked; applyView(); });
$("hl-common").addEventListener("change", (event) => { state.common = event.target.checked; applyView(); });
layoutRadios.forEach((r) => r.addEventListener("change", () => { state.layout = r.value; map.setLayout(state.layout); applyView(); }));
$("expand-all").addEventListener("click", () => { setCollapsed(new Set()); applyView(); });
$("collapse-top").addEventListener("click", () => { setCollapsed(new Set(ctx.defaultCollapsed)); applyView(); map.frameTheses(); });
$("reset").addEventListener("click", () => {
  const stepFrom = location.hash;
  state = viewstate.defaults(ctx); state.view = "map"; pendingPathFrom = null;
  setCollapsed(state.collapsed);
  $("details").hidden = true; map.select([]);
  map.setLayout(state.layout); applyView(); map.frameTheses(); map.resize(); saveHash(stepFrom);
});
$("close-details").addEventListener("click", closeDetails);
if ($("summary-toggle")) $("summary-toggle").addEventListener("click", () => {
  const open = $("map-summary").classList.toggle("clamped") === false;
  $("summary-toggle").setAttribute("aria-expanded", String(open));
  $("summary-toggle").textContent = open ? "Show less" : "Read the whole summary";
});
$("drawer-toggle").addEventListener("click", () => {
  const open = $("map-view").classList.toggle("drawer-open");
  $("drawer-toggle").setAttribute("aria-expanded", String(open));
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (state.lens) { $("lens-back").click(); return; }
  if (pendingPathFrom) { pendingPathFrom = null; applyView(); }
  if (!$("details").hidden) closeDetails();
});

// The outline of every claim (in the sidebar, and in print) is built when first
// wanted: thousands of buttons would otherwise delay the first drawing of a large map.
$("claim-list-count").textContent = String(model.nodes.length);
$("claim-list-section").addEventListener("toggle", () => { if ($("claim-list-section").open) panels.outline(); });
window.addEventListener("beforeprint", () => { $("claim-list-section").open = true; panels.outline(); });
if (model.nodes.length <= 300) { $("claim-list-section").open = true; panels.outline(); }

// ── the two views of one page ──────────────────────────────────────────────
let mapShown = false;
function showView(view) {
  state.view = view;
  $("comparison").hidden = view !== "comparison";
  $("map-view").hidden = view !== "map";
  $("tab-comparison").setAttribute("aria-current", view === "comparison" ? "page" : "false");
  $("tab-map").setAttribute("aria-current", view === "map" ? "page" : "false");
  document.body.dataset.view = view;
  if (view === "map" && !mapShown) {
    mapShown = true;
    map.resize();
    if (state.claim) map.focusOn(state.claim);
    else map.frameTheses();
  }
}
$("skip-map").addEventListener("click", (event) => {
  event.preventDefault();
  const stepFrom = location.hash;
  showView("map");
  $("map").setAttribute("tabindex", "-1");
  $("map").focus();
  saveHash(stepFrom);
});
$("skip-clashes").addEventListener("click", (event) => {
  event.preventDefault();
  showView("comparison");
  const first = document.querySelector("#comparison .question a, #comparison .clash-row a");
  if (first) first.focus(); else $("clashes-heading").scrollIntoView();
});
[["tab-comparison", "comparison"], ["tab-map", "map"]].forEach(([id, view]) => $(id).addEventListener("click", (event) => {
  event.preventDefault();  // switching views keeps the selection, which the plain link would drop
  const stepFrom = location.hash;
  showView(view);
  panels.markComparison();
  saveHash(stepFrom);
}));

// ── start ──────────────────────────────────────────────────────────────────
function applyHash() {
  if (location.hash === appliedHash) return;  // our own pushState, or a repeat
  state = viewstate.stateFromHash(location.hash, ctx);
  setCollapsed(state.collapsed);
  if (state.claim) revealIfHidden(state.claim);
  map.setLayout(state.layout);
  applyView();
  showView(state.view);
  if (state.claim) selectClaim(state.claim, { focusPanel: false, push: false, keepView: true, move: state.view === "map" });
  else if (!state.path && !$("details").hidden) { $("details").hidden = true; map.resize(); }
  if (state.lens) showLens(state.lens[0], state.lens[1], { push: false });
  else $("lens-card").hidden = true;
  if (state.path) map.select(state.path);
  panels.markComparison();
  appliedHash = location.hash;
}
window.addEventListener("hashchange", applyHash);
window.addEventListener("popstate", applyHash);
if (model.live && location.protocol.startsWith("http")) {
  // argmap watch: reload once the map is rebuilt (the view lives in the hash).
  setInterval(() => {
    fetch(model.live.url, { cache: "no-store" }).then((r) => (r.ok ? r.text() : null)).then((v) => {
      if (v !== null && v.trim() !== model.live.version) location.reload();
    }).catch(() => {});
  }, 700);
}
document.body.dataset.layout = "sides";
panels.engagement();
panels.comparison();
applyHash();
// Ready once the visible view is drawn: the map when it has room, else the comparison (the map draws when shown).
if (state.view === "map" && $("map").clientWidth > 0) map.network.once("afterDrawing", () => document.body.setAttribute("data-drawn", "true"));
else document.body.setAttribute("data-drawn", "true");
window.argmap = { network: map.network, data: model, select: selectClaim, state: () => state, toggle: toggleTree,
  tree: app.tree, undercuts: map.undercuts, lens: showLens, box: map.domBox };
