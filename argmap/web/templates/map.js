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
    const cross = from.group !== to.group;
    return { from: from.id, to: to.id, kind: e.kind, note: e.note, cross: cross, issue: e.issue,
      inferred: (e.basis || (cross ? "inferred" : "stated")) === "inferred" };
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
  // A claim's short label: its title, or its text cut at a word (as argmap.model.Claim.label does).
  function shortLabel(node) {
    if (node.title) return node.title;
    const text = node.label.split(/\s+/).filter(Boolean).join(" ");
    if (text.length <= 60) return text;
    const cut = text.slice(0, 59);
    return (cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut).replace(/[,;:]+$/, "") + "…";
  }
  const ISSUE_WORDS = data.comparison.issue_words;  // the report's words, from Python

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
  const MIN_TEXT_PX = 10;
  // Stated links are solid (supports) or dashed (contradicts); inferred ones dotted.
  // Colours, widths and dashes come from Python (argmap.style), which the SVG and DOT exports share.
  const ARROWS = { supports: { to: { enabled: true, type: "arrow", scaleFactor: 0.8 } },
    contradicts: { to: { enabled: true, type: "bar", scaleFactor: 0.9 } } };
  const EDGE_STYLES = Object.fromEntries(Object.entries(data.styles.edges).map(([kind, style]) =>
    [kind, Object.assign({ arrows: ARROWS[kind] }, style)]));
  const FOIL = data.styles.foil;
  const dashesOf = (e) => (LARGE ? false : e.inferred ? EDGE_STYLES[e.kind].inferredDashes : EDGE_STYLES[e.kind].dashes);
  const baseWidth = (e) => EDGE_STYLES[e.kind].width + (e.cross ? 1.5 : 0);
  // One colour in every state, so selecting or hovering never recolours an edge.
  const edgeColor = (kind, opacity) => {
    const color = EDGE_STYLES[kind].color;
    return { color: color, highlight: color, hover: color, opacity: opacity };
  };

  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const node = { id: n.id, label: shortLabel(n), title: hoverText(n), group: groupOf.get(n.group), x: n.x, y: n.y, opacity: 1 };
    if (n.kind === "thesis") { node.borderWidth = 4; node.font = { size: 16, bold: true }; }
    if (!LARGE && n.tags.includes("comment")) node.shapeProperties = { borderDashes: [5, 4] };
    if (!n.asserted) {  // a view its author reports in order to reject it
      node.color = { background: FOIL.fill, border: FOIL.border, highlight: { background: "#ffffff", border: "#555555" },
        hover: { background: "#ffffff", border: "#555555" } };
      if (!LARGE) node.shapeProperties = { borderDashes: FOIL.dashes };
      node.label = FOIL.prefix + node.label;
    }
    return node;
  }));
  const edges = new vis.DataSet(data.edges.map((e) => {
    const style = EDGE_STYLES[e.kind];
    return { id: e.index, from: e.from, to: e.to, title: e.kind + (e.inferred ? " (inferred)" : "") + (e.note ? ": " + e.note : ""),
      color: edgeColor(e.kind, 1), dashes: dashesOf(e), arrows: style.arrows, width: baseWidth(e) };
  }));
  const font = { size: 14, face: "system-ui, DejaVu Sans, sans-serif", color: "#1d1d1d" };
  // vis-network skips a label whose on-screen size is below drawThreshold - 1:
  // no text is ever drawn smaller than 10 CSS px; a box without text shows instead.
  const READABLE = { label: { enabled: false, drawThreshold: MIN_TEXT_PX + 1 } };
  const network = new vis.Network($("map"), { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: LARGE ? { shape: "dot", size: 8, borderWidth: 2, font: font, scaling: READABLE }
      : { shape: "box", margin: 10, borderWidth: 2, widthConstraint: { maximum: 200 }, font: font, scaling: READABLE },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5, scaling: READABLE },
    interaction: { hover: !LARGE, tooltipDelay: 120, multiselect: true, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE },
    groups: groups,
  });

  // ── view state, and the URL hash that shares it ─────────────────────────
  const DEFAULTS = () => ({
    perspectives: new Set(perspectives.keys()), kinds: new Set(data.kinds), tag: "",
    edgeKinds: new Set(ALL_EDGE_KINDS), crossOnly: false, disagreements: false, common: false,
    layout: "sides", claim: null, focus: null, depth: 1, path: null, view: "comparison",
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
    // The comparison is the default view, unless a claim, focus or path asks for the map.
    const mapByDefault = Boolean(state.claim || state.focus || state.path);
    set("view", state.view === "map" ? (mapByDefault ? null : "map") : (mapByDefault ? "comparison" : null));
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
    next.unknown = ["claim", "focus"].map((key) => params.get(key)).filter((id) => id && !byId.has(id));
    next.focus = byId.has(params.get("focus")) ? params.get("focus") : null;
    next.depth = Math.min(Math.max(parseInt(params.get("depth"), 10) || 1, 1), 9);
    const path = (params.get("path") || "").split(",");
    next.path = path.length === 2 && path.every((id) => byId.has(id)) && path[0] !== path[1] ? path : null;
    next.layout = params.get("layout") === "force" ? "force" : "sides";
    const view = params.get("view");
    next.view = view === "map" || view === "comparison" ? view
      : (next.claim || next.focus || next.path || next.unknown.length ? "map" : "comparison");
    return next;
  }

  // A new selection or view is a step Back can undo; a filter change only
  // rewrites the current step. ``stepFrom`` is the hash the step started at:
  // the view may have rewritten it on the way, so it is put back first.
  let appliedHash = null;
  const urlOf = (hash) => (hash && hash !== "#" ? (hash.startsWith("#") ? hash : "#" + hash) : location.href.split("#")[0]);
  function saveHash(stepFrom) {
    const hash = hashOf();
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
    if (!fromA.has(b)) return { length: null, nodes: new Set([a, b]), edges: new Set(), chain: [] };
    const length = fromA.get(b);
    // One shortest chain, walked back from b: each step to a claim one step nearer a.
    const chain = [];
    for (let at = b; at !== a;) {
      const step = incident.get(at).find((e) => shownEdges.has(e.index) && fromA.get(e.from === at ? e.to : e.from) === fromA.get(at) - 1);
      chain.unshift(step);
      at = step.from === at ? step.to : step.from;
    }
    const onPath = (id) => fromA.has(id) && fromB.has(id) && fromA.get(id) + fromB.get(id) === length;
    const pathNodes = new Set(data.nodes.map((n) => n.id).filter(onPath));
    const pathEdges = new Set(data.edges.filter((e) => shownEdges.has(e.index) && pathNodes.has(e.from) && pathNodes.has(e.to)
      && Math.abs(fromA.get(e.from) - fromA.get(e.to)) === 1).map((e) => e.index));
    return { length: length, nodes: pathNodes, edges: pathEdges, chain: chain };
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
    if (pathInfo) openPathDetails(pathInfo);
    syncControls();
    saveHash();
  }

  function renderStatus(claimCount, edgeCount, pathInfo) {
    const status = $("status");
    status.dataset.visibleClaims = claimCount;
    status.dataset.visibleEdges = edgeCount;
    const parts = [];
    if (state.unknown && state.unknown.length) parts.push(`No claim ${state.unknown.map((id) => `“${id}”`).join(", ")} in this map`);
    if (searchHits !== null) parts.push(`${searchHits.size} match${searchHits.size === 1 ? "" : "es"} for “${$("search").value.trim()}”`);
    status.dataset.searchHits = searchHits === null ? "" : searchHits.size;
    parts.push(`Showing ${claimCount} of ${data.nodes.length} claims · ${edgeCount} of ${data.edges.length} relations`);
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
      measureColumns();
      frameTheses();
      document.body.dataset.layout = "sides";
    }
  }
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    measureColumns();
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
        on: { click: () => { pendingPathFrom = id; applyView(); choosePathEnd(id); } } }),
    ]));
    showDetails();
  }

  // A path as a readable chain: each step names its relation and which way it runs.
  function openPathDetails(info) {
    const [a, b] = state.path;
    $("details-title").textContent = `Path: ${shortLabel(byId.get(a))} → ${shortLabel(byId.get(b))}`;
    const body = $("details-body");
    if (info.length === null) {
      body.replaceChildren(el("p", { text: "No path joins these two claims in this view; widen the filters to look further." }));
    } else {
      let at = a;
      const steps = info.chain.map((e) => {
        const forward = e.from === at;
        const next = forward ? e.to : e.from;
        const verb = forward ? e.kind : (e.kind === "supports" ? "is supported by" : "is contradicted by");
        const item = el("li", { class: "path-step", "data-kind": e.kind, "data-forward": String(forward) }, [
          claimButton(at), el("span", { class: "badge", text: `${verb}${e.inferred ? " (inferred)" : ""}` }), claimButton(next),
          e.note ? el("span", { class: "note", text: e.note }) : null]);
        at = next;
        return item;
      });
      body.replaceChildren(el("p", { class: "meta", text: `${info.length} step${info.length === 1 ? "" : "s"}; ` +
        `${info.nodes.size} claims lie on a shortest path (lit on the map). One of them:` }), el("ol", { id: "path-chain" }, steps));
    }
    showDetails();
  }

  function openEdgeDetails(index) {
    const e = data.edges[index];
    $("details-title").textContent = `${e.kind === "supports" ? "Support" : "Contradiction"}: ${shortLabel(byId.get(e.from))} → ${shortLabel(byId.get(e.to))}`;
    const body = $("details-body");
    body.replaceChildren(
      el("div", { class: "meta" }, [el("span", { class: "badge", text: e.kind }),
        el("span", { class: "badge", text: e.inferred ? "inferred by the mapper" : "stated by the source" }),
        e.issue ? el("span", { class: "badge", text: ISSUE_WORDS[e.issue] || e.issue }) : null]),
      e.note ? el("p", { class: "edge-note", text: e.note }) : el("p", { class: "small", text: "No note." }),
      el("h3", { text: "From" }), el("p", {}, [claimButton(e.from)]),
      el("h3", { text: "To" }), el("p", {}, [claimButton(e.to)]));
    showDetails();
  }

  // The map shrinks to make room for the panel, so nothing is ever under it.
  function resizeMap() {
    network.setSize("100%", "100%");
    network.redraw();
  }
  function showDetails() {
    const wasHidden = $("details").hidden;
    $("details").hidden = false;
    if (wasHidden) resizeMap();
  }
  function keepInView(id) {
    const position = network.getPositions([id])[id];
    if (!position) return;
    const point = network.canvasToDOM(position), map = $("map");
    const margin = 60;
    if (point.x < margin || point.x > map.clientWidth - margin || point.y < margin || point.y > map.clientHeight - margin) {
      network.moveTo({ position: position, scale: network.getScale(), animation: false });
    }
  }

  // A path is a history step; the map lights it and the panel reads it out (applyView).
  function showPath(from, to) {
    const stepFrom = location.hash;
    pendingPathFrom = null;
    state.path = [from, to];
    applyView();
    network.selectNodes(state.path);
    saveHash(stepFrom);
  }

  // The other end of a path can be clicked on the map, or typed and chosen here.
  function choosePathEnd(from) {
    const options = el("datalist", { id: "path-options" }, data.nodes.filter((n) => n.id !== from)
      .slice(0, 5000).map((n) => el("option", { value: n.id, label: shortLabel(n) })));
    const input = el("input", { type: "search", id: "path-end", list: "path-options", autocomplete: "off",
      "aria-label": "The other claim: type its id or words, then Enter", placeholder: "other claim's id, then Enter" });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const text = input.value.trim();
      const found = byId.has(text) ? text : (search(text)[0] || {}).id;
      if (!found || found === from) { input.setAttribute("aria-invalid", "true"); return; }
      showPath(from, found);
    });
    $("details-body").append(el("p", {}, [el("label", { for: "path-end", text: "Or choose it here: " }), input, options]));
    input.focus();
  }

  function closeDetails() {
    const stepFrom = location.hash;
    $("details").hidden = true;
    resizeMap();
    state.claim = null;
    network.unselectAll();
    markComparison();
    saveHash(stepFrom);
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
    options = options || {};
    const stepFrom = location.hash;
    revealIfHidden(id);
    state.claim = id;
    if (!options.keepView) showView("map");
    applyView();
    network.selectNodes([id]);
    openDetails(id);
    if (options.move !== false) network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: false });
    else keepInView(id);
    if (options.focusPanel !== false && state.view === "map") $("details").focus();
    markComparison();
    saveHash(options.push !== false ? stepFrom : null);
  }

  network.on("click", (params) => {
    const clicked = params.nodes.length ? params.nodes[params.nodes.length - 1] : null;
    if (!clicked) {
      if (params.edges.length === 1) openEdgeDetails(params.edges[0]);
      return;
    }
    const ctrl = params.event && params.event.srcEvent && (params.event.srcEvent.ctrlKey || params.event.srcEvent.metaKey);
    const from = pendingPathFrom || (ctrl ? state.claim : null);
    if (from && from !== clicked) {
      showPath(from, clicked);
      return;
    }
    state.path = null;
    selectClaim(clicked, { move: false, focusPanel: false });
  });

  // ── search ──────────────────────────────────────────────────────────────
  const haystack = new Map(data.nodes.map((n) =>
    [n.id, [n.id, n.label, n.quote || "", n.tags.join(" ")].join("\n").toLowerCase()]));

  const termsOf = (text) => text.toLowerCase().split(/\s+/).filter(Boolean);
  // Every claim matching all the terms, or null for no search.
  function matches(terms) {
    return terms.length ? data.nodes.filter((n) => terms.every((t) => haystack.get(n.id).includes(t))) : null;
  }
  // The first 50 matches, those whose id starts with the first term first.
  function search(text, found) {
    const terms = termsOf(text);
    return (found === undefined ? matches(terms) : found || [])
      .slice().sort((a, b) => (b.id.toLowerCase().startsWith(terms[0]) - a.id.toLowerCase().startsWith(terms[0])))
      .slice(0, 50);
  }

  // Search hits are marked on the map (a blue halo) and counted in the status bar.
  let searchHits = null;
  let marked = new Set();
  function markHits(found) {
    searchHits = found === null ? null : new Set(found.map((n) => n.id));
    const now = searchHits || new Set();
    const updates = [];
    marked.forEach((id) => { if (!now.has(id)) updates.push({ id: id, shadow: { enabled: false } }); });
    now.forEach((id) => { if (!marked.has(id)) updates.push({ id: id, shadow: { enabled: true, color: "#1a56db", size: 14, x: 0, y: 0 } }); });
    if (updates.length) nodes.update(updates);
    marked = now;
  }

  function renderResults() {
    const found = matches(termsOf($("search").value));
    markHits(found);
    applyView();
    const results = search($("search").value, found);
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
    const stepFrom = location.hash;
    state = DEFAULTS(); state.view = "map"; pendingPathFrom = null;
    $("details").hidden = true; network.unselectAll();
    applyLayout(); applyView(); frameTheses(); resizeMap(); saveHash(stepFrom);
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

  // ── the comparison view: the disagreement as text, each item a way into the map ──
  const PAGE_ROWS = 12;
  const claimLink = (index, text) => {
    const node = data.nodes[index];
    return el("a", { href: "#claim=" + encodeURIComponent(node.id), "data-claim": node.id, text: text || shortLabel(node) });
  };
  const reasonsNote = (count) => (count > 0 ? el("span", { class: "small", text: ` (${count} reason${count > 1 ? "s" : ""})` }) : null);

  function paged(rows, render, container) {
    // Long lists show a page of rows at a time.
    let shown = 0;
    const more = el("button", { type: "button", class: "more link-button" });
    function next() {
      rows.slice(shown, shown + PAGE_ROWS).forEach((row) => container.append(render(row)));
      shown = Math.min(rows.length, shown + PAGE_ROWS);
      more.textContent = `Show ${Math.min(PAGE_ROWS, rows.length - shown)} more of ${rows.length - shown}`;
      more.hidden = shown >= rows.length;
    }
    more.addEventListener("click", next);
    next();
    return more;
  }

  function renderComparison() {
    const c = data.comparison;
    const view = $("comparison");
    const order = data.perspectives.map((p) => p.id);
    const caseOf = new Map(c.cases.map((k) => [k.perspective, k]));
    // Each side's thesis and main reasons.
    view.append(el("h2", { id: "positions-heading", text: "The positions" }));
    view.append(el("div", { class: "cases" }, data.perspectives.map((p) => {
      const k = caseOf.get(p.id);
      const reasons = k.reasons.slice(0, 4);
      return el("section", { class: "case", "data-perspective": p.id }, [
        el("h3", { text: p.label, style: `border-color: ${p.color}` }),
        ...k.theses.map((t) => el("p", { class: "thesis" }, [claimLink(t, data.nodes[t].label)])),
        reasons.length ? el("ul", { class: "reasons" }, reasons.map(([i, n]) => el("li", {}, [claimLink(i), reasonsNote(n)]))) : null,
        k.reasons.length > reasons.length || k.comments
          ? el("p", { class: "small", text: [k.reasons.length > reasons.length ? `and ${k.reasons.length - reasons.length} more reasons` : "",
            k.comments ? `${k.comments} reader comment${k.comments > 1 ? "s" : ""} agreeing` : ""].filter(Boolean).join("; ") }) : null,
        k.apart.length ? el("p", { class: "small apart-note", text: "Also argued, apart from the thesis:" }) : null,
        k.apart.length ? el("ul", { class: "apart" }, k.apart.map(([i, n]) => el("li", {}, [claimLink(i), reasonsNote(n)]))) : null,
        k.foils.length ? el("p", { class: "small foils" }, [document.createTextNode("Reported in order to be rejected: "),
          ...k.foils.flatMap((i, j) => [j ? document.createTextNode("; ") : null, claimLink(i)]).filter(Boolean)]) : null,
      ]);
    })));
    // The clash ledger: one side's claim, the note between them, the other side's claim.
    view.append(el("h2", { id: "clashes-heading", text: "Where they clash" }));
    const lead = `${c.clash_count} clash${c.clash_count === 1 ? "" : "es"}${c.mutual_count ? `, ${c.mutual_count} of them both ways` : ""}.`;
    const leadMore = el("span", { class: "lead-more", text: " Every link between the sides is marked if the mapper inferred it." });
    const leadLine = el("p", { class: "lead", text: lead }, [leadMore]);
    if (c.focus !== null) {
      leadMore.append(document.createTextNode(" The disagreement turns most on "), claimLink(c.focus),
        document.createTextNode(c.focus_opponents > 1 ? `, which contests ${c.focus_opponents} claims.` : "."));
    }
    view.append(leadLine);
    const left = order[0], right = order[1];
    if (c.clashes.length) {
      view.append(el("div", { class: "ledger-head", "aria-hidden": "true" }, [
        el("span", { text: labelOf(left) }), el("span", { text: "between them" }), el("span", { text: right ? labelOf(right) : "" })]));
      const ledger = el("div", { class: "ledger", id: "clash-ledger" });
      view.append(ledger);
      view.append(paged(c.clashes, (row) => el("div", { class: "ledger-row clash-row" }, [
        el("div", { class: "claim-cell" }, [claimLink(row.left), el("div", { class: "small", text: row.left_stake })]),
        el("div", { class: "gutter" }, [
          el("span", { class: "mark", text: ISSUE_WORDS[row.issue] || "kind not stated" }),
          el("span", { class: "mark", text: row.mutual ? "both ways" : "one way" }),
          row.inferred ? el("span", { class: "mark inferred", text: "inferred by the mapper" }) : el("span", { class: "mark", text: "stated" }),
          el("div", { text: row.note || "" })]),
        el("div", { class: "claim-cell" }, [claimLink(row.right), el("div", { class: "small", text: row.right_stake })]),
      ]), ledger));
    } else view.append(el("p", { text: "The sides never contradict each other in this map." }));
    // Where they agree, and what each leaves unanswered.
    view.append(el("h2", { id: "agree-heading", text: "Where they agree" }));
    if (c.agreements.length) {
      view.append(el("p", { class: "lead", text: `${c.agreement_count} pair${c.agreement_count === 1 ? "" : "s"} of claims that both sides assert, neither denying the other.` }));
      const agreements = el("div", { class: "ledger", id: "agree-ledger" });
      view.append(agreements);
      view.append(paged(c.agreements, ([a, b, note]) => el("div", { class: "ledger-row agree-row" }, [
        el("div", {}, [claimLink(a)]), el("div", { class: "gutter", text: note || "" }), el("div", {}, [claimLink(b)])]), agreements));
    } else view.append(el("p", { text: "No claim of one side supports a claim the other asserts." }));
    if (c.uses.length) {
      view.append(el("p", { class: "small", text: "One side's claim bears on a view the other only reports or denies (use, not agreement):" }));
      view.append(el("ul", {}, c.uses.map(([a, b]) => el("li", {}, [claimLink(a), document.createTextNode(" bears on "), claimLink(b)]))));
    }
    view.append(el("h2", { id: "open-heading", text: "What each side leaves unanswered" }));
    view.append(el("p", { class: "small", text: "The other side draws no relation to these claims, or to what they support, and other claims rest on them." }));
    view.append(c.unanswered.length ? el("ul", { id: "unanswered" }, c.unanswered.map(([i, phrase]) => el("li", {}, [
      el("span", { class: "small", text: labelOf(data.nodes[i].group) + ": " }), claimLink(i), document.createTextNode(": " + phrase + ".")])))
      : el("p", { text: "Nothing that carries weight." }));
  }

  function markComparison() {
    document.querySelectorAll("#comparison .selected").forEach((a) => a.classList.remove("selected"));
    if (state.claim) document.querySelectorAll(`#comparison a[data-claim="${CSS.escape(state.claim)}"]`).forEach((a) => a.classList.add("selected"));
  }

  // ── the two views of one page ───────────────────────────────────────────
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
      resizeMap();
      if (state.claim) network.focus(state.claim, { scale: Math.max(network.getScale(), 0.9), animation: false });
      else frameTheses();
    }
  }
  [["tab-comparison", "comparison"], ["tab-map", "map"]].forEach(([id, view]) => $(id).addEventListener("click", (event) => {
    event.preventDefault();  // switching views keeps the selection, which the plain link would drop
    const stepFrom = location.hash;
    showView(view);
    markComparison();
    saveHash(stepFrom);
  }));

  // The first view of the map frames both theses at a size their titles can be read.
  function frameTheses() {
    network.fit({ animation: false });
    const theses = data.nodes.filter((n) => n.kind === "thesis" && state.perspectives.has(n.group));
    if (!theses.length || network.getScale() >= 0.9) return;
    const height = $("map").clientHeight, width = $("map").clientWidth;
    // Labels are 14 px: below a scale of 0.8 they would fade toward the 10 px floor.
    const fits = (width - 80) / (Math.max(...theses.map((n) => n.x)) - Math.min(...theses.map((n) => n.x)) + 240);
    const first = data.perspectives.map((p) => theses.find((n) => n.group === p.id)).find(Boolean);
    const shown = fits >= 0.8 ? theses : [first];  // a narrow screen frames the first side's thesis
    const xs = shown.map((n) => n.x), ys = shown.map((n) => n.y);
    const scale = shown.length > 1 ? Math.min(0.9, fits) : 0.9;
    network.moveTo({ position: { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.min(...ys) + (height / 2 - 90) / scale },
      scale: scale, animation: false });
  }

  // Column headings on the canvas, never smaller than the smallest readable text.
  let columns = [];
  function measureColumns() {
    const positions = network.getPositions();
    columns = data.perspectives.map((p) => {
      const ids = data.nodes.filter((n) => n.group === p.id).map((n) => n.id);
      if (!ids.length) return null;
      // Above the side's thesis, where the first view looks; else above the column's middle.
      const thesis = data.nodes.find((n) => n.group === p.id && n.kind === "thesis");
      const xs = ids.map((id) => positions[id].x), ys = ids.map((id) => positions[id].y);
      return { label: p.label, color: p.color, y: Math.min(...ys),
        x: thesis ? positions[thesis.id].x : (Math.min(...xs) + Math.max(...xs)) / 2 };
    }).filter(Boolean);
  }
  network.on("afterDrawing", (ctx) => {
    const size = Math.max(20, 15 / network.getScale());  // in canvas units: at least 15 px on screen
    ctx.save();
    ctx.font = `bold ${size}px system-ui, DejaVu Sans, sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    columns.forEach((c) => { ctx.fillStyle = c.color; ctx.fillText(c.label, c.x, c.y - 40 - size * 0.5); });
    ctx.restore();
  });

  // ── start ───────────────────────────────────────────────────────────────
  function applyHash() {
    if (location.hash === appliedHash) return;  // our own pushState, or a repeat
    state = stateFromHash(location.hash);
    showView(state.view);
    applyLayout();
    applyView();
    if (state.claim) selectClaim(state.claim, { focusPanel: false, push: false, keepView: true, move: state.view === "map" });
    else if (!state.path && !$("details").hidden) { $("details").hidden = true; resizeMap(); }
    if (state.path) network.selectNodes(state.path);
    markComparison();
    appliedHash = location.hash;
  }
  window.addEventListener("hashchange", applyHash);
  window.addEventListener("popstate", applyHash);
  if (data.live && location.protocol.startsWith("http")) {
    // argmap watch: reload once the map is rebuilt (the view lives in the hash).
    setInterval(() => {
      fetch(data.live.url, { cache: "no-store" }).then((r) => (r.ok ? r.text() : null)).then((v) => {
        if (v !== null && v.trim() !== data.live.version) location.reload();
      }).catch(() => {});
    }, 700);
  }
  document.body.dataset.layout = "sides";
  renderComparison();
  measureColumns();
  applyHash();
  // Ready once the visible view is drawn: the map when it has room, else the comparison (the map draws when shown).
  if (state.view === "map" && $("map").clientWidth > 0) network.once("afterDrawing", () => document.body.setAttribute("data-drawn", "true"));
  else document.body.setAttribute("data-drawn", "true");
  window.argmap = { network: network, data: data, select: selectClaim, state: () => state };
})();
