(function () {
  "use strict";
  // Claim data arrives as JSON and reaches the page only through textContent,
  // DOM properties and vis-network (which draws labels on a canvas and sets
  // tooltips as text). Nothing here ever assigns HTML built from claim data.
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  // Claims and relations arrive as columns (one list per field); rebuild one
  // object per claim and per relation. Relations name claims by index.
  function rowsOf(columns) {
    const fields = Object.keys(columns);
    return columns[fields[0]].map((_, i) => {
      const row = {};
      fields.forEach((field) => { row[field] = columns[field][i]; });
      return row;
    });
  }
  data.nodes = rowsOf(data.nodes);
  data.edges = rowsOf(data.edges).map((e) => {
    const from = data.nodes[e.from], to = data.nodes[e.to];
    return { from: from.id, to: to.id, kind: e.kind, note: e.note, cross: from.group !== to.group };
  });
  const ALL_EDGE_KINDS = ["supports", "contradicts"];
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const perspectives = new Map(data.perspectives.map((p) => [p.id, p]));
  const incident = new Map(data.nodes.map((n) => [n.id, []]));
  data.edges.forEach((e, index) => {
    e.index = index;
    incident.get(e.from).push(e);
    incident.get(e.to).push(e);
  });

  // ── helpers ─────────────────────────────────────────────────────────────
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === "text") node.textContent = value;
      else if (key === "on") Object.entries(value).forEach(([event, f]) => node.addEventListener(event, f));
      else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach((child) => child && node.append(child));
    return node;
  }
  const $ = (id) => document.getElementById(id);
  const sourceOf = (node) => (node.source === null ? null : data.sources[node.source]);
  const labelOf = (perspectiveId) => (perspectives.get(perspectiveId) || { label: perspectiveId }).label;

  function hoverText(node) {
    const parts = [node.label];
    if (node.quote) {
      const source = sourceOf(node);
      const credit = source ? [source.title, source.author].filter(Boolean).join(", ") : "";
      parts.push("“" + node.quote + "”" + (credit ? "\n— " + credit : ""));
    }
    parts.push([labelOf(node.group), node.kind, node.id].concat(node.tags.map((t) => "#" + t)).join(" · "));
    return parts.join("\n\n");
  }

  function textFragment(quote) {
    // Scroll-to-text: the whole quote when short, its first and last words when long.
    const encode = (s) => encodeURIComponent(s).replace(/-/g, "%2D");
    const words = quote.trim().split(/\s+/);
    if (words.length <= 10) return "#:~:text=" + encode(words.join(" "));
    return "#:~:text=" + encode(words.slice(0, 5).join(" ")) + "," + encode(words.slice(-5).join(" "));
  }

  // ── vis-network ─────────────────────────────────────────────────────────
  // vis-network groups are named by position, never by perspective id: an id
  // such as "__proto__" would otherwise reach an object's prototype.
  const groups = {};
  const groupOf = new Map(data.perspectives.map((p, index) => [p.id, "p" + index]));
  data.perspectives.forEach((p) => {
    groups[groupOf.get(p.id)] = { color: { background: p.fill, border: p.color,
      highlight: { background: "#ffffff", border: p.color }, hover: { background: "#ffffff", border: p.color } } };
  });
  // Large maps draw dots (labels appear once zoomed in), solid lines and
  // plain borders, hide edges while moving and skip hover highlighting:
  // dashes alone made a 20,000-claim frame take seconds to draw.
  const LARGE = data.large;
  const EDGE_STYLES = {
    supports: { color: "#2e7d32", dashes: false, width: 1.5, arrows: { to: { enabled: true, type: "arrow", scaleFactor: 0.8 } } },
    contradicts: { color: "#c62828", dashes: LARGE ? false : [8, 6], width: 2.5, arrows: { to: { enabled: true, type: "bar", scaleFactor: 0.9 } } },
  };
  const baseWidth = (e) => EDGE_STYLES[e.kind].width + (e.cross ? 1.5 : 0);
  // One colour in every state, so selecting or hovering never recolours an edge.
  const edgeColor = (kind, opacity) => {
    const color = EDGE_STYLES[kind].color;
    return { color: color, highlight: color, hover: color, opacity: opacity };
  };

  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const node = { id: n.id, label: n.label, title: hoverText(n), group: groupOf.get(n.group), x: n.x, y: n.y, opacity: 1 };
    if (n.kind === "thesis") { node.borderWidth = 4; node.font = { size: 16, bold: true }; }
    if (!LARGE && n.tags.includes("comment")) node.shapeProperties = { borderDashes: [5, 4] };
    return node;
  }));
  const edges = new vis.DataSet(data.edges.map((e) => {
    const style = EDGE_STYLES[e.kind];
    return { id: e.index, from: e.from, to: e.to, title: e.kind + (e.note ? ": " + e.note : ""),
      color: edgeColor(e.kind, 1), dashes: style.dashes, arrows: style.arrows, width: baseWidth(e) };
  }));
  const font = { size: 14, face: "system-ui, DejaVu Sans, sans-serif", color: "#1d1d1d" };
  const network = new vis.Network($("map"), { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: LARGE ? { shape: "dot", size: 8, borderWidth: 2, font: font }
      : { shape: "box", margin: 10, borderWidth: 2, widthConstraint: { maximum: 200 }, font: font },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5 },
    interaction: { hover: !LARGE, tooltipDelay: 120, multiselect: true, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE },
    groups: groups,
  });

  // ── view state, and the URL hash that shares it ─────────────────────────
  const DEFAULTS = () => ({
    perspectives: new Set(perspectives.keys()), kinds: new Set(data.kinds), tag: "",
    edgeKinds: new Set(ALL_EDGE_KINDS), crossOnly: false, disagreements: false, common: false,
    layout: "sides", claim: null, focus: null, depth: 1, path: null,
  });
  let state = DEFAULTS();
  let pendingPathFrom = null;

  function hashOf() {
    const params = new URLSearchParams();
    const list = (set, all) => (set.size === all.length ? null : [...set].join(","));
    const set = (key, value) => value !== null && value !== "" && value !== false && params.set(key, value);
    set("claim", state.claim);
    set("p", list(state.perspectives, [...perspectives.keys()]));
    set("k", list(state.kinds, data.kinds));
    set("tag", state.tag);
    set("e", list(state.edgeKinds, ALL_EDGE_KINDS));
    set("x", state.crossOnly && "1");
    set("hl", [state.disagreements && "disagreements", state.common && "common"].filter(Boolean).join(","));
    set("focus", state.focus);
    set("depth", state.focus && state.depth !== 1 ? String(state.depth) : null);
    set("path", state.path && state.path.join(","));
    set("layout", state.layout === "force" && "force");
    return params.toString();
  }

  function stateFromHash(hash) {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    const next = DEFAULTS();
    const known = (value, pool) => pool.includes(value);
    const listed = (key, pool) => (params.has(key) ? new Set(params.get(key).split(",").filter((v) => known(v, pool))) : null);
    next.perspectives = listed("p", [...perspectives.keys()]) || next.perspectives;
    next.kinds = listed("k", data.kinds) || next.kinds;
    next.edgeKinds = listed("e", ALL_EDGE_KINDS) || next.edgeKinds;
    next.tag = known(params.get("tag"), data.tags) ? params.get("tag") : "";
    next.crossOnly = params.get("x") === "1";
    const highlights = (params.get("hl") || "").split(",");
    next.disagreements = highlights.includes("disagreements");
    next.common = highlights.includes("common");
    next.claim = byId.has(params.get("claim")) ? params.get("claim") : null;
    next.focus = byId.has(params.get("focus")) ? params.get("focus") : null;
    next.depth = Math.min(Math.max(parseInt(params.get("depth"), 10) || 1, 1), 9);
    const path = (params.get("path") || "").split(",");
    next.path = path.length === 2 && path.every((id) => byId.has(id)) && path[0] !== path[1] ? path : null;
    next.layout = params.get("layout") === "force" ? "force" : "sides";
    return next;
  }

  function saveHash() {
    const hash = hashOf();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  // ── what is visible, and what is highlighted ────────────────────────────
  function edgePassesFilters(e) {
    return state.edgeKinds.has(e.kind) && (!state.crossOnly || e.cross);
  }

  function neighbourhood(start, depth) {
    const seen = new Map([[start, 0]]);
    const queue = [start];
    while (queue.length) {
      const id = queue.shift();
      if (seen.get(id) === depth) continue;
      incident.get(id).forEach((e) => {
        const other = e.from === id ? e.to : e.from;
        if (edgePassesFilters(e) && !seen.has(other)) { seen.set(other, seen.get(id) + 1); queue.push(other); }
      });
    }
    return seen;
  }

  function visibleNodes() {
    const inFocus = state.focus ? neighbourhood(state.focus, state.depth) : null;
    const visible = new Set();
    data.nodes.forEach((n) => {
      const passes = state.perspectives.has(n.group) && state.kinds.has(n.kind) && (!state.tag || n.tags.includes(state.tag));
      if ((passes || n.id === state.focus) && (!inFocus || inFocus.has(n.id))) visible.add(n.id);
    });
    return visible;
  }

  function distances(start, shown) {
    const dist = new Map([[start, 0]]);
    const queue = [start];
    while (queue.length) {
      const id = queue.shift();
      incident.get(id).forEach((e) => {
        const other = e.from === id ? e.to : e.from;
        if (shown.has(e.index) && !dist.has(other)) { dist.set(other, dist.get(id) + 1); queue.push(other); }
      });
    }
    return dist;
  }

  function shortestPaths(a, b, shownEdges) {
    // Nodes and edges on any shortest path, along edges in either direction.
    const fromA = distances(a, shownEdges), fromB = distances(b, shownEdges);
    if (!fromA.has(b)) return { length: null, nodes: new Set([a, b]), edges: new Set() };
    const length = fromA.get(b);
    const onPath = (id) => fromA.has(id) && fromB.has(id) && fromA.get(id) + fromB.get(id) === length;
    const pathNodes = new Set(data.nodes.map((n) => n.id).filter(onPath));
    const pathEdges = new Set(data.edges.filter((e) => shownEdges.has(e.index) && pathNodes.has(e.from) && pathNodes.has(e.to)
      && Math.abs(fromA.get(e.from) - fromA.get(e.to)) === 1).map((e) => e.index));
    return { length: length, nodes: pathNodes, edges: pathEdges };
  }

  // The look each element has now; applyView sends vis-network only changes,
  // so the first view of a large map costs nothing extra.
  const shown = {
    nodes: new Map(data.nodes.map((n) => [n.id, { hidden: false, opacity: 1 }])),
    edges: new Map(data.edges.map((e) => [e.index, { hidden: false, opacity: 1, width: baseWidth(e) }])),
  };

  function applyView() {
    const visible = visibleNodes();
    const shownEdges = new Set(data.edges.filter((e) => edgePassesFilters(e) && visible.has(e.from) && visible.has(e.to)).map((e) => e.index));
    const lit = { nodes: new Set(), edges: new Set() };
    const highlighting = state.disagreements || state.common || state.path;
    data.edges.forEach((e) => {
      if (!shownEdges.has(e.index) || !e.cross) return;
      if ((state.disagreements && e.kind === "contradicts") || (state.common && e.kind === "supports")) {
        lit.edges.add(e.index); lit.nodes.add(e.from); lit.nodes.add(e.to);
      }
    });
    let pathInfo = null;
    if (state.path) {
      pathInfo = shortestPaths(state.path[0], state.path[1], shownEdges);
      pathInfo.nodes.forEach((id) => lit.nodes.add(id));
      pathInfo.edges.forEach((id) => lit.edges.add(id));
    }
    const nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach((n) => {
      const look = { hidden: !visible.has(n.id), opacity: highlighting && !lit.nodes.has(n.id) ? 0.2 : 1 };
      const before = shown.nodes.get(n.id);
      if (!before || before.hidden !== look.hidden || before.opacity !== look.opacity) {
        nodeUpdates.push({ id: n.id, hidden: look.hidden, opacity: look.opacity });
        shown.nodes.set(n.id, look);
      }
    });
    data.edges.forEach((e) => {
      const on = lit.edges.has(e.index);
      const look = { hidden: !shownEdges.has(e.index), opacity: highlighting && !on ? 0.12 : 1, width: baseWidth(e) + (on ? 1.5 : 0) };
      const before = shown.edges.get(e.index);
      if (!before || before.hidden !== look.hidden || before.opacity !== look.opacity || before.width !== look.width) {
        edgeUpdates.push({ id: e.index, hidden: look.hidden, width: look.width, color: edgeColor(e.kind, look.opacity) });
        shown.edges.set(e.index, look);
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    renderStatus(visible.size, shownEdges.size, pathInfo);
    syncControls();
    saveHash();
  }

  function renderStatus(claimCount, edgeCount, pathInfo) {
    const status = $("status");
    status.dataset.visibleClaims = claimCount;
    status.dataset.visibleEdges = edgeCount;
    const parts = [`Showing ${claimCount} of ${data.nodes.length} claims · ${edgeCount} of ${data.edges.length} relations`];
    if (state.focus) parts.push(`focus: within ${state.depth} of ${state.focus}`);
    if (state.path) {
      parts.push(pathInfo.length === null ? `no path between ${state.path[0]} and ${state.path[1]} in this view`
        : `paths from ${state.path[0]} to ${state.path[1]}: ${pathInfo.length} step(s), ${pathInfo.nodes.size} claims`);
      status.dataset.pathLength = pathInfo.length === null ? "" : pathInfo.length;
    } else delete status.dataset.pathLength;
    if (pendingPathFrom) parts.push(`click another claim to see the paths from ${pendingPathFrom}`);
    status.textContent = parts.join(" — ");
  }

  // ── layout ──────────────────────────────────────────────────────────────
  let appliedLayout = "sides";
  function applyLayout() {
    if (state.layout === appliedLayout) return;
    appliedLayout = state.layout;
    // Both layouts start from the computed side-by-side positions, so the force
    // layout is reproducible: same start, same fixed number of iterations.
    nodes.update(data.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })));
    if (state.layout === "force") {
      document.body.dataset.layout = "pending";
      network.setOptions({ physics: { enabled: true, solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: -90, springLength: 140, avoidOverlap: 0.4 },
        stabilization: { enabled: true, iterations: 400, updateInterval: 100, fit: true } } });
      network.stabilize(400);
    } else {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      document.body.dataset.layout = "sides";
    }
  }
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    document.body.dataset.layout = state.layout;
  });

  // ── details panel ───────────────────────────────────────────────────────
  function claimButton(id, onClick) {
    const node = byId.get(id);
    return el("button", { type: "button", class: "link-button", "data-claim": id,
      on: { click: onClick || (() => selectClaim(id)) } }, [document.createTextNode(node.label)]);
  }

  function relationList(title, links) {
    if (!links.length) return null;
    return el("section", {}, [el("h3", { text: title }), el("ul", {}, links.map(({ id, note }) =>
      el("li", {}, [claimButton(id), el("span", { class: "note", text: `${labelOf(byId.get(id).group)}${note ? " — " + note : ""}` })])))]);
  }

  function openDetails(id) {
    const node = byId.get(id);
    const source = sourceOf(node);
    $("details-title").textContent = node.label;
    const body = $("details-body");
    body.replaceChildren();
    body.append(el("div", { class: "meta" }, [
      el("span", { class: "badge", text: labelOf(node.group) }), el("span", { class: "badge", text: node.kind }),
      ...node.tags.map((t) => el("span", { class: "badge", text: "#" + t })),
      el("span", { text: " " + id }),
    ]));
    if (source) {
      const title = [source.title, source.author].filter(Boolean).join(" — ");
      body.append(el("p", { class: "source" }, [source.url
        ? el("a", { href: source.url, target: "_blank", rel: "noopener noreferrer", text: title || source.url })
        : el("span", { text: title })]));
    }
    if (node.quote) {
      body.append(el("blockquote", { text: node.quote }));
      if (source && source.url) {
        body.append(el("p", {}, [el("a", { class: "quote-link", href: source.url + textFragment(node.quote),
          target: "_blank", rel: "noopener noreferrer", text: "Open the article at this passage" })]));
      }
    }
    if (node.note) body.append(el("p", { class: "claim-note", text: node.note }));
    const links = (direction, kind) => incident.get(id).filter((e) => e.kind === kind && (direction === "in" ? e.to === id : e.from === id))
      .map((e) => ({ id: direction === "in" ? e.from : e.to, note: e.note }));
    [["Supported by", links("in", "supports")], ["Contradicted by", links("in", "contradicts")],
     ["Supports", links("out", "supports")], ["Contradicts", links("out", "contradicts")]]
      .forEach(([title, list]) => body.append(relationList(title, list) || ""));
    const depthSelect = el("select", { "aria-label": "Neighbourhood depth" }, [1, 2, 3].map((k) =>
      el("option", { value: k, text: k + (k === 1 ? " step" : " steps"), selected: k === state.depth })));
    body.append(el("div", { class: "actions" }, [
      el("button", { type: "button", id: "focus-button", text: "Show only its neighbourhood",
        on: { click: () => { state.focus = id; state.depth = parseInt(depthSelect.value, 10); applyView(); network.fit({ animation: false }); } } }),
      depthSelect,
      el("button", { type: "button", id: "path-button", text: "Paths to another claim…",
        on: { click: () => { pendingPathFrom = id; applyView(); } } }),
    ]));
    $("details").hidden = false;
  }

  function closeDetails() {
    $("details").hidden = true;
    state.claim = null;
    network.unselectAll();
    saveHash();
  }

  // ── selecting claims ────────────────────────────────────────────────────
  function revealIfHidden(id) {
    // A chosen claim must be visible: widen just the filters that hide it.
    const n = byId.get(id);
    state.perspectives.add(n.group);
    state.kinds.add(n.kind);
    if (state.tag && !n.tags.includes(state.tag)) state.tag = "";
    if (state.focus && !neighbourhood(state.focus, state.depth).has(id)) state.focus = null;
  }

  function selectClaim(id, options) {
    revealIfHidden(id);
    state.claim = id;
    applyView();
    network.selectNodes([id]);
    openDetails(id);
    if (!options || options.move !== false) {
      // Centre the claim in the part of the map the details panel leaves free.
      const covered = $("details").hidden ? 0 : $("details").offsetWidth;
      network.focus(id, { scale: Math.max(network.getScale(), 0.9), offset: { x: -covered / 2, y: 0 }, animation: false });
    }
    if (!options || options.focusPanel !== false) $("details").focus();
    saveHash();
  }

  network.on("click", (params) => {
    const clicked = params.nodes.length ? params.nodes[params.nodes.length - 1] : null;
    if (!clicked) return;
    const ctrl = params.event && params.event.srcEvent && (params.event.srcEvent.ctrlKey || params.event.srcEvent.metaKey);
    const from = pendingPathFrom || (ctrl ? state.claim : null);
    if (from && from !== clicked) {
      pendingPathFrom = null;
      state.path = [from, clicked];
      applyView();
      network.selectNodes(state.path);
      return;
    }
    state.path = null;
    selectClaim(clicked, { move: false, focusPanel: false });
  });

  // ── search ──────────────────────────────────────────────────────────────
  const haystack = new Map(data.nodes.map((n) =>
    [n.id, [n.id, n.label, n.quote || "", n.tags.join(" ")].join("\n").toLowerCase()]));

  function search(text) {
    const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!terms.length) return [];
    return data.nodes.filter((n) => terms.every((t) => haystack.get(n.id).includes(t)))
      .sort((a, b) => (b.id.toLowerCase().startsWith(terms[0]) - a.id.toLowerCase().startsWith(terms[0])))
      .slice(0, 50);
  }

  function renderResults() {
    const results = search($("search").value);
    $("search-results").replaceChildren(...results.map((n) => el("li", {}, [
      el("button", { type: "button", "data-claim": n.id, on: { click: () => selectClaim(n.id) } },
        [document.createTextNode(n.label), el("span", { class: "id", text: `${n.id} · ${labelOf(n.group)}` })])])));
    return results;
  }
  $("search").addEventListener("input", renderResults);
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const first = renderResults()[0];
      if (first) selectClaim(first.id);
    }
  });

  // ── filters and toggles ─────────────────────────────────────────────────
  const perspectiveBoxes = data.perspectives.map((p) => {
    const box = el("input", { type: "checkbox", name: "perspective", value: p.id, checked: true });
    $("filter-perspectives").append(el("label", {}, [box, document.createTextNode(p.label)]));
    return box;
  });
  const kindBoxes = data.kinds.map((k) => {
    const box = el("input", { type: "checkbox", name: "kind", value: k, checked: true });
    $("filter-kinds").querySelector(".chips").append(el("label", {}, [box, document.createTextNode(k)]));
    return box;
  });
  data.tags.forEach((t) => $("tag-filter").append(el("option", { value: t, text: t })));
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
    layoutRadios.forEach((r) => { r.checked = r.value === state.layout; });
  }

  const toggleIn = (set, value, on) => (on ? set.add(value) : set.delete(value));
  perspectiveBoxes.forEach((b) => b.addEventListener("change", () => { toggleIn(state.perspectives, b.value, b.checked); applyView(); }));
  kindBoxes.forEach((b) => b.addEventListener("change", () => { toggleIn(state.kinds, b.value, b.checked); applyView(); }));
  edgeBoxes.forEach((b) => b.addEventListener("change", () => { toggleIn(state.edgeKinds, b.value, b.checked); applyView(); }));
  $("tag-filter").addEventListener("change", (event) => { state.tag = event.target.value; applyView(); });
  $("cross-only").addEventListener("change", (event) => { state.crossOnly = event.target.checked; applyView(); });
  $("hl-disagreements").addEventListener("change", (event) => { state.disagreements = event.target.checked; applyView(); });
  $("hl-common").addEventListener("change", (event) => { state.common = event.target.checked; applyView(); });
  layoutRadios.forEach((r) => r.addEventListener("change", () => { state.layout = r.value; applyLayout(); applyView(); }));
  $("reset").addEventListener("click", () => {
    state = DEFAULTS(); pendingPathFrom = null;
    $("details").hidden = true; network.unselectAll();
    applyLayout(); applyView(); network.fit({ animation: false });
  });
  $("close-details").addEventListener("click", closeDetails);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (pendingPathFrom) { pendingPathFrom = null; applyView(); }
    if (!$("details").hidden) closeDetails();
  });

  // ── engagement summary and the text list of claims ──────────────────────
  $("summary").append(el("table", {}, [
    el("thead", {}, [el("tr", {}, ["from → to", "contradict", "support"].map((h) => el("th", { scope: "col", text: h })))]),
    el("tbody", {}, data.engagement.map((r) => el("tr", {}, [
      el("td", { text: `${labelOf(r.source)} → ${labelOf(r.target)}` }),
      el("td", { class: "n", text: String(r.contradicting_claims) }),
      el("td", { class: "n", text: String(r.supporting_claims) })]))),
  ]), el("p", { text: "Claims of one side that contradict or support claims of the other." }));

  // The list of every claim is built when first opened: thousands of buttons
  // would otherwise delay the first drawing of a large map.
  function buildClaimList() {
    if ($("claim-list").childElementCount) return;
    $("claim-list").append(...data.perspectives.map((p) => el("section", {}, [
      el("h3", { text: p.label }),
      el("ul", {}, data.nodes.filter((n) => n.group === p.id).map((n) => el("li", {}, [claimButton(n.id)]))),
    ])));
  }
  $("claim-list-count").textContent = String(data.nodes.length);
  $("claim-list-section").addEventListener("toggle", () => { if ($("claim-list-section").open) buildClaimList(); });
  if (data.nodes.length <= 300) { $("claim-list-section").open = true; buildClaimList(); }

  // ── start ───────────────────────────────────────────────────────────────
  function applyHash() {
    state = stateFromHash(location.hash);
    applyLayout();
    applyView();
    if (state.claim) selectClaim(state.claim, { focusPanel: false });
    else $("details").hidden = true;
    if (state.path) network.selectNodes(state.path);
  }
  window.addEventListener("hashchange", applyHash);
  if (data.live && location.protocol.startsWith("http")) {
    // argmap watch: reload once the map is rebuilt (the view lives in the hash).
    setInterval(() => {
      fetch(data.live.url, { cache: "no-store" }).then((r) => (r.ok ? r.text() : null)).then((v) => {
        if (v !== null && v.trim() !== data.live.version) location.reload();
      }).catch(() => {});
    }, 700);
  }
  document.body.dataset.layout = "sides";
  applyHash();
  network.once("afterDrawing", () => document.body.setAttribute("data-drawn", "true"));
  window.argmap = { network: network, data: data, select: selectClaim, state: () => state };
})();
