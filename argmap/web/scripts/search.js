// search.js — find claims by words of their text, quote, id or tags.

// One lower-cased text per claim, searched by every term.
function haystackOf(nodes) {
  return new Map(nodes.map((n) => [n.id, [n.id, n.label, n.quote || "", n.tags.join(" ")].join("\n").toLowerCase()]));
}

const termsOf = (text) => text.toLowerCase().split(/\s+/).filter(Boolean);

// Every claim matching all the terms, in map order, or null for no search.
function matches(nodes, haystack, terms) {
  return terms.length ? nodes.filter((n) => terms.every((t) => haystack.get(n.id).includes(t))) : null;
}

// The first ``limit`` matches, those whose id starts with the first term first.
function ranked(found, terms, limit) {
  const first = terms[0] || "";
  return (found || []).slice()
    .sort((a, b) => b.id.toLowerCase().startsWith(first) - a.id.toLowerCase().startsWith(first))
    .slice(0, limit === undefined ? 50 : limit);
}

Object.assign(exports, { haystackOf, termsOf, matches, ranked });
