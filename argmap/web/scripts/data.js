// data.js — decode the page data, and the texts a claim shows.
//
// The build (argmap.web.render) wraps every module of this folder in a
// function of (exports, modules); tests/js load them the same way under node.
// Claims and relations arrive as columns (one list per field), relations
// naming claims by index; decode() rebuilds one object per claim and per
// relation, and the lookups every other module uses.

function rowsOf(columns) {
  const fields = Object.keys(columns);
  if (!fields.length) return [];
  return columns[fields[0]].map((_, i) => {
    const row = {};
    fields.forEach((field) => { row[field] = columns[field][i]; });
    return row;
  });
}

// The page data, decoded: nodes and edges as objects, and the maps to find them.
function decode(raw) {
  const nodes = rowsOf(raw.nodes);
  const edges = rowsOf(raw.edges).map((e, index) => {
    const from = nodes[e.from], to = nodes[e.to];
    const cross = from.group !== to.group;
    return { index: index, from: from.id, to: to.id, kind: e.kind, note: e.note, cross: cross, issue: e.issue,
      mutual: e.mutual === true, inferred: (e.basis || (cross ? "inferred" : "stated")) === "inferred" };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const incident = new Map(nodes.map((n) => [n.id, []]));
  edges.forEach((e) => { incident.get(e.from).push(e); incident.get(e.to).push(e); });
  const perspectives = new Map(raw.perspectives.map((p) => [p.id, p]));
  // An undercut objects to a support, not to a claim: [undercutter, reason, conclusion, note, inferred].
  const undercuts = (raw.undercuts || []).map(([source, reason, conclusion, note, inferred]) => (
    { source: nodes[source].id, reason: nodes[reason].id, conclusion: nodes[conclusion].id, note: note, inferred: inferred }));
  return Object.assign({}, raw, { nodes: nodes, edges: edges, byId: byId, incident: incident, perspectives: perspectives,
    perspectiveList: raw.perspectives, undercuts: undercuts });
}

// A claim's short label: its title, or its text cut at a word (as argmap.model.Claim.label does).
function shortLabel(node) {
  if (node.title) return node.title;
  const text = node.label.split(/\s+/).filter(Boolean).join(" ");
  if (text.length <= 60) return text;
  const cut = text.slice(0, 59);
  return (cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut).replace(/[,;:]+$/, "") + "…";
}

function labelOf(model, perspectiveId) {
  return (model.perspectives.get(perspectiveId) || { label: perspectiveId }).label;
}

function sourceOf(model, node) {
  return node.source === null || node.source === undefined ? null : model.sources[node.source];
}

// The tooltip: the full text, the quote with its source, and the claim's particulars.
function hoverText(model, node) {
  const parts = [node.label];
  if (node.quote) {
    const source = sourceOf(model, node);
    const credit = source ? [source.title, source.author].filter(Boolean).join(", ") : "";
    parts.push("“" + node.quote + "”" + (credit ? "\n— " + credit : ""));
  }
  parts.push([labelOf(model, node.group), node.kind, node.id].concat(node.tags.map((t) => "#" + t)).join(" · "));
  return parts.join("\n\n");
}

// Scroll-to-text: the whole quote when short, its first and last words when long.
function textFragment(quote) {
  const encode = (s) => encodeURIComponent(s).replace(/-/g, "%2D");
  const words = quote.trim().split(/\s+/);
  if (words.length <= 10) return "#:~:text=" + encode(words.join(" "));
  return "#:~:text=" + encode(words.slice(0, 5).join(" ")) + "," + encode(words.slice(-5).join(" "));
}

Object.assign(exports, { rowsOf, decode, shortLabel, labelOf, sourceOf, hoverText, textFragment });
