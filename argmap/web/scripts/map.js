// map.js — the map itself: vis-network, fed only the claims and lines in view.
//
// vis-network draws labels on a canvas and sets tooltips as text, so claim
// text is never parsed as HTML. The data sets hold only what is shown: a
// collapsed support tree costs nothing until it is opened, and the first view
// of a large map draws a bounded number of claims.

const { shortLabel, hoverText, labelOf } = modules.data;
const { el } = modules.dom;

const MIN_TEXT_PX = 10;
// From this zoom on, claims show their full text, at a size that fits their boxes.
const FULL_TEXT_SCALE = 1.5;
const FULL_TEXT_MAX_CLAIMS = 600;
const FONT_FACE = "system-ui, DejaVu Sans, sans-serif";
// The most claims and lines vis-network is given at once (see materialize).
const EDGE_BUDGET = 4000;
const NODE_BUDGET = 1500;
const ARROWS = { supports: { to: { enabled: true, type: "arrow", scaleFactor: 0.8 } },
  contradicts: { to: { enabled: true, type: "bar", scaleFactor: 0.9 } } };

// A note as an edge label: at most three lines of about 40 characters.
function noteLabel(note) {
  const lines = [];
  let line = "";
  for (const word of note.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > 40) { lines.push(line); line = word; } else line = line ? line + " " + word : word;
  }
  if (line) lines.push(line);
  return lines.length > 3 ? lines.slice(0, 3).join("\n") + "…" : lines.join("\n");
}

function createMap(model, container, handlers) {
  const LARGE = model.large;
  // Groups are named by position, never by perspective id: an id such as
  // "__proto__" would otherwise reach an object's prototype.
  const groups = {};
  const groupOf = new Map(model.perspectiveList.map((p, index) => [p.id, "p" + index]));
  model.perspectiveList.forEach((p) => {
    groups[groupOf.get(p.id)] = { color: { background: p.fill, border: p.color,
      highlight: { background: "#ffffff", border: p.color }, hover: { background: "#ffffff", border: p.color } } };
  });
  // Colours, widths and dashes come from Python (argmap.style), which the SVG and DOT exports share.
  // Large maps draw dots and solid lines: dashes alone made a 20,000-claim frame take seconds.
  const EDGE_STYLES = Object.fromEntries(Object.entries(model.styles.edges).map(([kind, style]) =>
    [kind, Object.assign({ arrows: ARROWS[kind] }, style)]));
  const FOIL = model.styles.foil;
  const dashesOf = (e) => (LARGE ? false : e.inferred ? EDGE_STYLES[e.kind].inferredDashes : EDGE_STYLES[e.kind].dashes);
  const baseWidth = (e) => EDGE_STYLES[e.kind].width + (e.cross ? 1.5 : 0);
  // One colour in every state, so selecting or hovering never recolours an edge.
  const edgeColor = (kind, opacity) => {
    const color = EDGE_STYLES[kind].color;
    return { color: color, highlight: color, hover: color, opacity: opacity };
  };

  const positions = new Map(model.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
  let hits = new Set(), fullText = false;
  const halo = (id) => (hits.has(id) ? { enabled: true, color: "#1a56db", size: 14, x: 0, y: 0 } : { enabled: false });

  function labelFor(n, hiddenBelow) {
    let label = fullText ? n.label : shortLabel(n);
    if (!n.asserted) label = FOIL.prefix + label;
    return hiddenBelow ? label + `\n▸ ${hiddenBelow} more below` : label;
  }
  function fontFor(n) {
    const size = fullText ? 9 : (n.kind === "thesis" ? 16 : 14);
    return { size: size, bold: n.kind === "thesis" };
  }
  // A claim as vis-network draws it. Its place is sent when it is new or its row moved (``before``
  // is its last look), so a claim the reader dragged stays put while only its look changes.
  function nodeItem(look, before) {
    const n = model.byId.get(look.id);
    const node = { id: n.id, label: labelFor(n, look.hiddenBelow), title: hoverText(model, n), group: groupOf.get(n.group),
      opacity: look.opacity, font: fontFor(n), shadow: halo(n.id), borderWidth: n.kind === "thesis" ? 4 : (look.hiddenBelow ? 3 : 2) };
    if (!before || before.y !== look.y) Object.assign(node, positions.get(look.id));
    node.widthConstraint = { maximum: fullText ? 220 : 200 };
    if (!LARGE && n.tags.includes("comment")) node.shapeProperties = { borderDashes: [5, 4] };
    if (!n.asserted) {  // a view its author reports in order to reject it
      node.color = { background: FOIL.fill, border: FOIL.border, highlight: { background: "#ffffff", border: "#555555" },
        hover: { background: "#ffffff", border: "#555555" } };
      if (!LARGE) node.shapeProperties = { borderDashes: FOIL.dashes };
    }
    return node;
  }
  function edgeItem(look) {
    const style = EDGE_STYLES[look.kind];
    // A mutual contradiction is written once and read both ways: a bar at each end.
    const arrows = look.mutual ? { to: style.arrows.to, from: style.arrows.to } : style.arrows;
    const item = { id: look.id, from: look.from, to: look.to, arrows: arrows, dashes: dashesOf(look),
      color: edgeColor(look.kind, look.opacity), width: baseWidth(look) + (look.lit ? 1.5 : 0) + (look.count > 1 ? 1 : 0),
      physics: !look.cross,  // the force layout pulls each side together, never one side into the other
      title: look.count ? `${look.count} ${look.kind} relation${look.count > 1 ? "s" : ""} of claims collapsed here`
        : look.kind + (look.mutual ? " (both ways)" : "") + (look.inferred ? " (inferred)" : "")
          + (look.note ? ": " + look.note : "") };
    // Notes between the sides are readable on the map once zoomed in far enough for 10 px text.
    if (look.cross && look.note && !LARGE) {
      item.label = noteLabel(look.note);
      item.font = { size: 9, face: FONT_FACE, color: "#333333", background: "rgba(255,255,255,0.9)", strokeWidth: 0, align: "horizontal" };
    }
    return item;
  }

  const nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  const font = { size: 14, face: FONT_FACE, color: "#1d1d1d" };
  // vis-network skips a label whose on-screen size is below drawThreshold - 1:
  // no text is ever drawn smaller than 10 CSS px; a box without text shows instead.
  const READABLE = { label: { enabled: false, drawThreshold: MIN_TEXT_PX + 1 } };
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: LARGE ? { shape: "dot", size: 8, borderWidth: 2, font: font, scaling: READABLE }
      : { shape: "box", margin: 10, borderWidth: 2, widthConstraint: { maximum: 200 }, font: font, scaling: READABLE },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5, scaling: READABLE },
    interaction: { hover: !LARGE, tooltipDelay: 120, multiselect: true, hideEdgesOnDrag: LARGE, hideEdgesOnZoom: LARGE },
    groups: groups,
  });

  // What the view asks for (``wanted``), and what vis-network holds now
  // (``present``), so that each change sends it only the difference.
  const wanted = { nodes: new Map(), edges: new Map() };
  const present = { nodes: new Map(), edges: new Map() };
  const sameLook = (a, b) => Object.keys(a).every((key) => a[key] === b[key]);
  let selected = [];

  // Show exactly these claims and lines: {nodes: [{id, opacity, hiddenBelow}],
  // edges: [{id, from, to, kind, cross, inferred, mutual, note, opacity, lit, count}]}.
  function show(view) {
    wanted.nodes = new Map(view.nodes.map((look) => [look.id, look]));
    wanted.edges = new Map(view.edges.map((look) => [look.id, look]));
    if (layout === "sides") placeRows(Boolean(view.compact));
    measureColumns();
    materialize();
  }

  // Side by side, a collapsed tree's rows would stand empty: each column closes
  // its gaps to at most ROW_CLOSED, keeping every row's order and every x. The
  // row is part of a claim's look, so a claim that moves is sent again.
  const ROW_CLOSED = 160;
  let rowsClosed = false;
  function placeRows(compact) {
    if (!compact) {  // every claim back where Python put it
      if (rowsClosed) model.nodes.forEach((n) => positions.set(n.id, { x: n.x, y: n.y }));
      rowsClosed = false;
      wanted.nodes.forEach((look, id) => { look.y = positions.get(id).y; });
      return;
    }
    rowsClosed = true;
    const bySide = new Map();
    wanted.nodes.forEach((look, id) => {
      const n = model.byId.get(id);
      if (!bySide.has(n.group)) bySide.set(n.group, new Set());
      bySide.get(n.group).add(n.y);
    });
    const rowOf = new Map();
    bySide.forEach((ys, side) => {
      const rows = new Map();
      let previous = null, placed = null;
      [...ys].sort((a, b) => a - b).forEach((y) => {
        placed = previous === null ? y : placed + Math.min(y - previous, ROW_CLOSED);
        rows.set(y, placed);
        previous = y;
      });
      rowOf.set(side, rows);
    });
    wanted.nodes.forEach((look, id) => {
      const n = model.byId.get(id);
      look.y = rowOf.get(n.group).get(n.y);
      positions.set(id, { x: n.x, y: look.y });
    });
  }

  // Level of detail. vis-network lays out and draws every claim and line it
  // holds on every frame, seen or not. Up to NODE_BUDGET claims and
  // EDGE_BUDGET lines it holds them all; beyond, only those near the view, and
  // when even those are too many (a large map seen whole), the claims are
  // drawn as plain dots and one line per pair of sides stands for the lines,
  // until the reader zooms in.
  let overview = { dots: false, lines: [] };
  function materialize() {
    let nodeIds = [...wanted.nodes.keys()], edgeIds = [...wanted.edges.keys()];
    let dots = false, summed = false;
    if (nodeIds.length > NODE_BUDGET || edgeIds.length > EDGE_BUDGET) {
      const a = network.DOMtoCanvas({ x: 0, y: 0 }), b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
      const padX = (b.x - a.x) * 0.25, padY = (b.y - a.y) * 0.25;
      const near = (id) => { const p = positions.get(id); return p.x >= a.x - padX && p.x <= b.x + padX && p.y >= a.y - padY && p.y <= b.y + padY; };
      const inView = nodeIds.length > NODE_BUDGET ? nodeIds.filter(near) : nodeIds;
      dots = inView.length > NODE_BUDGET;
      const held = new Set(dots ? [] : inView);
      edgeIds = dots ? [] : edgeIds.filter((id) => { const look = wanted.edges.get(id); return held.has(look.from) || held.has(look.to); });
      summed = dots || edgeIds.length > EDGE_BUDGET;
      if (summed) edgeIds = [];
      // a line leaving the view keeps its far end, so that it is drawn whole
      edgeIds.forEach((id) => { const look = wanted.edges.get(id); held.add(look.from); held.add(look.to); });
      nodeIds = [...held];
    }
    const sync = (dataSet, kept, ids, looks, item) => {
      const keep = new Set(ids);
      const gone = [...kept.keys()].filter((id) => !keep.has(id));
      gone.forEach((id) => kept.delete(id));
      if (gone.length) dataSet.remove(gone);
      return () => {
        const changed = [];
        ids.forEach((id) => {
          const look = looks.get(id), before = kept.get(id);
          if (!before || !sameLook(before, look)) { changed.push(item(look, before)); kept.set(id, look); }
        });
        if (changed.length) dataSet.update(changed);
      };
    };
    const addEdges = sync(edges, present.edges, edgeIds, wanted.edges, edgeItem);  // lines go first, come last
    sync(nodes, present.nodes, nodeIds, wanted.nodes, nodeItem)();
    addEdges();
    overview = { dots: dots, lines: summed ? summedLines() : [] };
    describeOverview();
    container.dataset.claimsHeld = String(present.nodes.size);
    container.dataset.linesHeld = String(present.edges.size);
    container.dataset.overview = dots ? "dots" : summed ? "lines" : "";
    network.selectNodes(selected.filter((id) => present.nodes.has(id)));
  }
  // The relations held back, summed per pair of sides and kind, in the map's order.
  function summedLines() {
    const tally = new Map();
    wanted.edges.forEach((look) => {
      const key = [model.byId.get(look.from).group, model.byId.get(look.to).group, look.kind].join("\u0000");
      tally.set(key, (tally.get(key) || 0) + Math.max(1, look.count));
    });
    const order = new Map(model.perspectiveList.map((p, i) => [p.id, i]));
    return [...tally].map(([key, count]) => { const [from, to, kind] = key.split("\u0000"); return { from, to, kind, count }; })
      .sort((x, y) => order.get(x.from) - order.get(y.from) || order.get(x.to) - order.get(y.to) || (x.kind < y.kind ? -1 : 1));
  }
  // What the overview holds back, said in text over the map's corner.
  const note = el("div", { id: "map-overview", role: "note", hidden: true });
  container.append(note);
  function describeOverview() {
    note.hidden = !overview.lines.length;
    if (note.hidden) return;
    const label = (id) => labelOf(model, id);
    note.replaceChildren(
      el("p", { text: overview.dots ? `Zoomed out over ${wanted.nodes.size.toLocaleString("en")} claims: they are drawn as dots, and their relations summed. Zoom in to read and pick claims.`
        : "Too many lines in view to draw one by one; they are summed. Zoom in to see each." }),
      el("ul", {}, overview.lines.map((line) => el("li", { "data-kind": line.kind,
        text: `${line.count.toLocaleString("en")} ${line.kind} ${line.from === line.to ? "within " + label(line.from) : "from " + label(line.from) + " to " + label(line.to)}` }))));
  }
  let settle = null;
  const settleSoon = () => {
    if (wanted.nodes.size <= NODE_BUDGET && wanted.edges.size <= EDGE_BUDGET) return;
    clearTimeout(settle);
    settle = setTimeout(() => { materialize(); network.redraw(); }, 120);
  };
  ["dragEnd", "zoom", "animationFinished", "resize"].forEach((event) => network.on(event, settleSoon));
  const shownIds = () => [...wanted.nodes.keys()];
  // Claims too many to hold are drawn as dots, under what vis-network draws.
  network.on("beforeDrawing", (ctx) => {
    if (!overview.dots) return;
    const size = Math.max(6, 3 / network.getScale());
    // one path per side, filled once: a fill per dot made a frame of 100,000 dots take 170 ms
    const paths = new Map(model.perspectiveList.map((p) => [p.id, new Path2D()]));
    wanted.nodes.forEach((look, id) => {
      const at = positions.get(id);
      paths.get(model.byId.get(id).group).rect(at.x - size / 2, at.y - size / 2, size, size);
    });
    model.perspectiveList.forEach((p) => { ctx.fillStyle = p.color; ctx.fill(paths.get(p.id)); });
  });

  function refreshLabels() {
    nodes.update([...present.nodes.values()].map((look) => nodeItem(look, look)));
  }
  network.on("zoom", () => {
    const full = network.getScale() >= FULL_TEXT_SCALE && present.nodes.size <= FULL_TEXT_MAX_CLAIMS;
    if (full !== fullText) { fullText = full; refreshLabels(); }
  });

  function markHits(found) {
    const before = hits;
    hits = found;
    const changed = [...new Set([...before, ...found])].filter((id) => present.nodes.has(id) && before.has(id) !== found.has(id));
    if (changed.length) nodes.update(changed.map((id) => ({ id: id, shadow: halo(id) })));
  }

  // Column headings on the canvas, never smaller than the smallest readable text.
  let columns = [];
  function measureColumns() {
    columns = model.perspectiveList.map((p) => {
      const ids = shownIds().filter((id) => model.byId.get(id).group === p.id);
      if (!ids.length) return null;
      // Above the side's thesis, where the first view looks; else above the column's middle.
      const thesis = ids.find((id) => model.byId.get(id).kind === "thesis");
      const box = bounds(ids);
      const middle = (box.left + box.right) / 2;
      return { id: p.id, label: p.label, color: p.color, y: box.top, x: thesis ? positions.get(thesis).x : middle, middle: middle };
    }).filter(Boolean);
  }
  function bounds(ids) {
    const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    ids.forEach((id) => {
      const at = positions.get(id);
      box.left = Math.min(box.left, at.x); box.right = Math.max(box.right, at.x);
      box.top = Math.min(box.top, at.y); box.bottom = Math.max(box.bottom, at.y);
    });
    return box;
  }
  network.on("afterDrawing", (ctx) => {
    const size = Math.max(20, 15 / network.getScale());  // in canvas units: at least 15 px on screen
    ctx.save();
    ctx.font = `bold ${size}px ${FONT_FACE}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    // Theses sit by the gutter; seen from far, headings over them would overlap: centre them on their columns.
    const close = columns.some((c, i) => i && Math.abs(c.x - columns[i - 1].x) * network.getScale() < 280);
    columns.forEach((c) => { ctx.fillStyle = c.color; ctx.fillText(c.label, close ? c.middle : c.x, c.y - 40 - size * 0.5); });
    ctx.restore();
  });

  // The first view frames the shown theses at a size their titles can be read.
  function frameTheses() {
    fit();
    const theses = shownIds().filter((id) => model.byId.get(id).kind === "thesis").map((id) => Object.assign({ group: model.byId.get(id).group }, positions.get(id)));
    if (!theses.length || network.getScale() >= 0.9) return;
    const height = container.clientHeight, width = container.clientWidth;
    // Labels are 14 px: below a scale of 0.8 they would fade toward the 10 px floor.
    const fits = (width - 80) / (Math.max(...theses.map((n) => n.x)) - Math.min(...theses.map((n) => n.x)) + 240);
    const first = model.perspectiveList.map((p) => theses.find((n) => n.group === p.id)).find(Boolean);
    const framed = fits >= 0.8 ? theses : [first];  // a narrow screen frames the first side's thesis
    const xs = framed.map((n) => n.x), ys = framed.map((n) => n.y);
    const scale = framed.length > 1 ? Math.min(0.9, fits) : 0.9;
    network.moveTo({ position: { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.min(...ys) + (height / 2 - 90) / scale },
      scale: scale, animation: false });
    materialize();
  }

  // Side by side, or a force layout from the same start (so it is reproducible)
  // whose sides are then set apart, each whole, in the map's order.
  // A force layout needs every claim in vis-network, so it is offered up to NODE_BUDGET shown claims.
  let layout = "sides";
  const canForce = () => wanted.nodes.size <= NODE_BUDGET;
  function setLayout(next) {
    if (next === layout || (next === "force" && !canForce())) return;
    layout = next;
    model.nodes.forEach((n) => positions.set(n.id, { x: n.x, y: n.y }));
    rowsClosed = false;
    nodes.update([...present.nodes.keys()].map((id) => Object.assign({ id: id }, positions.get(id))));
    present.nodes.forEach((look) => { look.y = NaN; });  // so the next view sends each claim's row again
    if (layout === "force") {
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
    if (layout === "force") setSidesApart();
    fit();
    measureColumns();
    document.body.dataset.layout = layout;
  });
  function setSidesApart() {
    const at = network.getPositions();
    let right = null;
    model.perspectiveList.forEach((p) => {
      const ids = Object.keys(at).filter((id) => model.byId.get(id).group === p.id);
      if (!ids.length) return;
      const xs = ids.map((id) => at[id].x);
      const shift = right === null ? 0 : right + 240 - Math.min(...xs);
      ids.forEach((id) => { const moved = { x: at[id].x + shift, y: at[id].y }; positions.set(id, moved); network.moveNode(id, moved.x, moved.y); });
      right = Math.max(...xs) + shift;
    });
  }

  // The panel docking beside the map narrows it; the claims keep their places
  // on screen (the map's top left stays put), so a second click lands where the first did.
  function resize() {
    const corner = network.DOMtoCanvas({ x: 0, y: 0 }), scale = network.getScale();
    network.setSize("100%", "100%");
    if (container.clientWidth > 0) {
      network.moveTo({ position: { x: corner.x + container.clientWidth / 2 / scale, y: corner.y + container.clientHeight / 2 / scale },
        scale: scale, animation: false });
    }
    network.redraw();
  }
  function keepInView(id) {
    const position = positions.get(id);
    const point = network.canvasToDOM(position);
    const margin = 60;
    if (point.x < margin || point.x > container.clientWidth - margin || point.y < margin || point.y > container.clientHeight - margin) {
      network.moveTo({ position: position, scale: network.getScale(), animation: false });
      materialize();
    }
  }
  function focusOn(id) {
    network.moveTo({ position: positions.get(id), scale: Math.max(network.getScale(), 0.9), animation: false });
    materialize();
  }
  // Every shown claim in view (vis-network's own fit sees only the claims it holds).
  function fit() {
    const ids = shownIds();
    if (!ids.length || !container.clientWidth) return;
    const box = bounds(ids);
    const scale = Math.min(1, (container.clientWidth - 40) / (box.right - box.left + 240), (container.clientHeight - 40) / (box.bottom - box.top + 140));
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }, scale: scale, animation: false });
    materialize();
  }
  // The clash lens: both claims wholly inside the part of the map the card leaves free, as large as fits.
  function framePair(ids, reserved) {
    materialize();
    const width = container.clientWidth, height = container.clientHeight - reserved;
    if (!width || height <= 0) return;
    const boxes = ids.map((id) => network.getBoundingBox(id));
    const left = Math.min(...boxes.map((b) => b.left)), right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top)), bottom = Math.max(...boxes.map((b) => b.bottom));
    const scale = Math.min(1.4, (width - 48) / (right - left), (height - 48) / (bottom - top));
    // The canvas point at the container's centre, so that the pair's centre falls at the centre of the free part.
    const centre = { x: (left + right) / 2, y: (top + bottom) / 2 + (reserved / 2) / scale };
    network.moveTo({ position: centre, scale: scale, animation: false });
    materialize();
  }
  function domBox(id) {
    const b = network.getBoundingBox(id);
    const a = network.canvasToDOM({ x: b.left, y: b.top }), c = network.canvasToDOM({ x: b.right, y: b.bottom });
    return { left: a.x, top: a.y, right: c.x, bottom: c.y };
  }
  function select(ids) {
    selected = ids.slice();
    network.selectNodes(selected.filter((id) => present.nodes.has(id)));
  }
  // A claim dragged by the reader stays where it was put.
  network.on("dragEnd", (params) => params.nodes.forEach((id) => positions.set(id, network.getPosition(id))));

  // vis-network joins claims only, so an undercut, an objection to a support, is drawn over the frame: a line
  // from the objecting claim's box to the middle of the support's line, ending in a bar like a contradiction's.
  let undercutLines = [];
  const supportShown = (reason, conclusion) => [...present.edges.values()].some(
    (look) => look.kind === "supports" && look.from === reason && look.to === conclusion && !look.count);
  function boxEdge(id, toward) {  // where the segment from a claim's centre toward a point leaves its box
    const box = network.getBoundingBox(id), at = network.getPosition(id);
    const dx = toward.x - at.x, dy = toward.y - at.y;
    const t = Math.min(dx ? ((dx > 0 ? box.right : box.left) - at.x) / dx : Infinity,
      dy ? ((dy > 0 ? box.bottom : box.top) - at.y) / dy : Infinity, 1);
    return { x: at.x + dx * t, y: at.y + dy * t };
  }
  network.on("afterDrawing", (ctx) => {
    undercutLines = [];
    const style = EDGE_STYLES.contradicts;
    model.undercuts.forEach((u) => {
      if (![u.source, u.reason, u.conclusion].every((id) => present.nodes.has(id)) || !supportShown(u.reason, u.conclusion)) return;
      const a = boxEdge(u.reason, network.getPosition(u.conclusion)), b = boxEdge(u.conclusion, network.getPosition(u.reason));
      const to = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const from = boxEdge(u.source, to);
      const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const nx = -(to.y - from.y) / length, ny = (to.x - from.x) / length;  // across the line, for the bar
      ctx.save();
      // faded with the claims it joins, as a highlight or the clash lens fades the lines outside it
      ctx.globalAlpha = Math.min(...[u.source, u.conclusion].map((id) => present.nodes.get(id).opacity)) < 1 ? 0.15 : 1;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = baseWidth({ kind: "contradicts", cross: true });
      const dashes = dashesOf({ kind: "contradicts", inferred: u.inferred });
      ctx.setLineDash(dashes || []);
      ctx.beginPath(); ctx.moveTo(from.x, from.y); ctx.lineTo(to.x, to.y); ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath(); ctx.moveTo(to.x + nx * 9, to.y + ny * 9); ctx.lineTo(to.x - nx * 9, to.y - ny * 9); ctx.stroke();
      ctx.restore();
      undercutLines.push({ source: u.source, reason: u.reason, conclusion: u.conclusion, note: u.note,
        from: network.canvasToDOM(from), to: network.canvasToDOM(to) });
    });
    container.dataset.undercutsDrawn = String(undercutLines.length);
  });

  // A click on a claim opens its panel, which narrows the map; were it to open at once, the first click of
  // a double-click could move the claim from under the pointer and the second would miss it. So a click on
  // a claim waits out the double-click time, and a double-click cancels it: it opens or shuts the tree.
  const DOUBLE_CLICK_MS = 300;
  let pendingClick = null;
  network.on("click", (params) => {
    const clicked = params.nodes.length ? params.nodes[params.nodes.length - 1] : null;
    const ctrl = Boolean(params.event && params.event.srcEvent && (params.event.srcEvent.ctrlKey || params.event.srcEvent.metaKey));
    clearTimeout(pendingClick);
    if (clicked) pendingClick = setTimeout(() => { pendingClick = null; handlers.claim(clicked, ctrl); }, DOUBLE_CLICK_MS);
    else if (params.edges.length === 1) handlers.edge(params.edges[0]);
  });
  network.on("doubleClick", (params) => {
    clearTimeout(pendingClick);
    pendingClick = null;
    if (params.nodes.length) handlers.toggle(params.nodes[params.nodes.length - 1]);
  });

  return { network, show, markHits, frameTheses, setLayout, canForce, resize, keepInView, focusOn, fit, select,
    framePair, domBox, undercuts: () => undercutLines };
}

Object.assign(exports, { createMap, noteLabel });
