// panels.js — everything the page says in text: the comparison, the details
// panel (a claim, a line, a path), the status bar, the engagement table and
// each side's outline. Claim text only ever reaches the page as text nodes.

const { el, byElementId: $ } = modules.dom;
const { shortLabel, labelOf, sourceOf, textFragment } = modules.data;

// ``app`` gives the state and the actions the panels offer:
// state(), select(id), focus(id, depth), choosePath(id), showPath(a, b),
// toggle(id), findClaim(text), tree() (the forest and what is collapsed).
// How deep the outline's lists nest; deeper claims are listed at that depth with their level.
const OUTLINE_DEPTH = 24;

function createPanels(model, app) {
  const ISSUE_WORDS = model.comparison.issue_words;  // the report's words, from Python
  const label = (id) => labelOf(model, id);

  function claimButton(id, onClick) {
    const node = model.byId.get(id);
    return el("button", { type: "button", class: "link-button", "data-claim": id, "aria-label": `${label(node.group)}: ${node.label}`,
      on: { click: onClick || (() => app.select(id)) } }, [document.createTextNode(node.label)]);
  }

  function relationList(title, links) {
    if (!links.length) return null;
    return el("section", {}, [el("h3", { text: title }), el("ul", {}, links.map(({ id, note }) =>
      el("li", {}, [claimButton(id), el("span", { class: "note", text: `${label(model.byId.get(id).group)}${note ? " — " + note : ""}` })])))]);
  }

  function showDetails() {
    const wasHidden = $("details").hidden;
    $("details").hidden = false;
    if (wasHidden) app.resized();
  }

  function claimDetails(id) {
    const node = model.byId.get(id);
    const source = sourceOf(model, node);
    $("details-title").textContent = node.label;
    const body = $("details-body");
    body.replaceChildren();
    body.append(el("div", { class: "meta" }, [
      el("span", { class: "badge", text: label(node.group) }), el("span", { class: "badge", text: node.kind }),
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
    const links = (direction, kind) => model.incident.get(id).filter((e) => e.kind === kind && (direction === "in" ? e.to === id : e.from === id))
      .map((e) => ({ id: direction === "in" ? e.from : e.to, note: e.note }));
    [["Supported by", links("in", "supports")], ["Contradicted by", links("in", "contradicts")],
     ["Supports", links("out", "supports")], ["Contradicts", links("out", "contradicts")]]
      .forEach(([title, list]) => body.append(relationList(title, list) || ""));
    // Undercuts: objections to a support, either made by this claim or aimed at a support it gives or gets.
    const cuts = model.undercuts.filter((u) => u.source === id || u.reason === id || u.conclusion === id);
    if (cuts.length) {
      body.append(el("section", { class: "undercuts" }, [el("h3", { text: "Undercuts" }), el("ul", {}, cuts.map((u) => el("li", {}, [
        ...(u.source === id ? [document.createTextNode("Denies that "), claimButton(u.reason), document.createTextNode(" supports "),
          claimButton(u.conclusion)] : [claimButton(u.source), document.createTextNode(" denies that "),
          u.reason === id ? document.createTextNode("this supports ") : claimButton(u.reason),
          u.reason === id ? claimButton(u.conclusion) : document.createTextNode(" supports this")]),
        u.note ? el("span", { class: "note", text: " — " + u.note }) : null].filter(Boolean))))]));
    }
    const answers = (model.answers || []).filter(([i]) => model.nodes[i].id === id);
    if (answers.length) {
      body.append(el("section", { class: "claim-answers" }, [el("h3", { text: "Answers" }), el("ul", {}, answers.map(([, question, position]) =>
        el("li", {}, [document.createTextNode(question + " "), el("strong", { text: position })])))]));
    }
    const depthSelect = el("select", { "aria-label": "Neighbourhood depth" }, [1, 2, 3].map((k) =>
      el("option", { value: k, text: k + (k === 1 ? " step" : " steps"), selected: k === app.state().depth })));
    const tree = app.tree();
    const below = tree.forest.children.get(id).length;
    const collapsed = app.state().collapsed.has(id);
    body.append(el("div", { class: "actions" }, [
      below ? el("button", { type: "button", id: "collapse-button", "aria-pressed": String(collapsed),
        text: collapsed ? `Expand the ${tree.view.hiddenBelow.get(id) || below} claims below it` : "Collapse the claims below it",
        on: { click: () => app.toggle(id) } }) : null,
      el("button", { type: "button", id: "focus-button", text: "Show only its neighbourhood",
        on: { click: () => app.focus(id, parseInt(depthSelect.value, 10)) } }),
      depthSelect,
      el("button", { type: "button", id: "path-button", text: "Paths to another claim…", on: { click: () => app.choosePath(id) } }),
    ]));
    showDetails();
  }

  // A path as a readable chain: each step names its relation and which way it runs.
  function pathDetails(info) {
    const [a, b] = app.state().path;
    $("details-title").textContent = `Path: ${shortLabel(model.byId.get(a))} → ${shortLabel(model.byId.get(b))}`;
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

  function edgeDetails(e) {
    $("details-title").textContent = `${e.kind === "supports" ? "Support" : "Contradiction"}: ${shortLabel(model.byId.get(e.from))} → ${shortLabel(model.byId.get(e.to))}`;
    const body = $("details-body");
    body.replaceChildren(...[
      el("div", { class: "meta" }, [el("span", { class: "badge", text: e.kind }),
        el("span", { class: "badge", text: e.inferred ? "inferred by the mapper" : "stated by the source" }),
        e.issue ? el("span", { class: "badge", text: ISSUE_WORDS[e.issue] || e.issue }) : null]),
      e.note ? el("p", { class: "edge-note", text: e.note }) : el("p", { class: "small", text: "No note." }),
      el("h3", { text: "From" }), el("p", {}, [claimButton(e.from)]),
      el("h3", { text: "To" }), el("p", {}, [claimButton(e.to)]),
      e.kind === "contradicts" ? el("p", {}, [el("button", { type: "button", id: "lens-from-line", text: "Show the pair in the clash lens",
        on: { click: () => app.lens(e.from, e.to) } })]) : null].filter(Boolean));
    showDetails();
  }

  // A line drawn for claims collapsed into the claims at its ends.
  function foldDetails(fold) {
    $("details-title").textContent = `${fold.edges.length} ${fold.kind} relation${fold.edges.length > 1 ? "s" : ""} collapsed into one line`;
    const body = $("details-body");
    body.replaceChildren(el("p", { class: "small", text: "Claims below a collapsed claim are drawn as that claim; these are the relations behind the line." }),
      el("ul", {}, fold.edges.map((index) => {
        const e = model.edges[index];
        return el("li", {}, [claimButton(e.from), el("span", { class: "note", text: `${e.kind}${e.inferred ? " (inferred)" : ""} → ` }), claimButton(e.to)]);
      })),
      el("div", { class: "actions" }, [fold.from, fold.to].filter((id) => app.state().collapsed.has(id)).map((id) =>
        el("button", { type: "button", text: `Expand ${shortLabel(model.byId.get(id))}`, on: { click: () => app.toggle(id) } }))));
    showDetails();
  }

  // The other end of a path can be clicked on the map, or typed and chosen here.
  function pathEndChooser(from) {
    const options = el("datalist", { id: "path-options" }, model.nodes.filter((n) => n.id !== from)
      .slice(0, 5000).map((n) => el("option", { value: n.id, label: shortLabel(n) })));
    const input = el("input", { type: "search", id: "path-end", list: "path-options", autocomplete: "off",
      "aria-label": "The other claim: type its id or words, then Enter", placeholder: "other claim's id, then Enter" });
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const found = app.findClaim(input.value.trim());
      if (!found || found === from) { input.setAttribute("aria-invalid", "true"); return; }
      app.showPath(from, found);
    });
    $("details-body").append(el("p", {}, [el("label", { for: "path-end", text: "Or choose it here: " }), input, options]));
    input.focus();
  }

  function status(counts) {
    const state = app.state();
    const bar = $("status");
    bar.dataset.visibleClaims = counts.claims;
    bar.dataset.visibleEdges = counts.edges;
    bar.dataset.hiddenClaims = counts.collapsed;
    const parts = [];
    if (state.unknown.length) parts.push(`No claim ${state.unknown.map((id) => `“${id}”`).join(", ")} in this map`);
    bar.dataset.searchHits = counts.hits === null ? "" : counts.hits;
    if (counts.hits !== null) {
      parts.push(`${counts.hits} match${counts.hits === 1 ? "" : "es"} for “${counts.terms}”` +
        (counts.hitsInside ? ` (${counts.hitsInside} inside collapsed claims, marked on them)` : ""));
    }
    parts.push(`Showing ${counts.claims} of ${model.nodes.length} claims · ${counts.edges} of ${model.edges.length} relations`);
    if (counts.collapsed) parts.push(`${counts.collapsed} collapsed below ${counts.collapsedAt} claim${counts.collapsedAt === 1 ? "" : "s"} (double-click to open)`);
    if (state.focus) parts.push(`focus: within ${state.depth} of ${state.focus}`);
    if (state.path) {
      const info = counts.path;
      parts.push(info.length === null ? `no path between ${state.path[0]} and ${state.path[1]} in this view`
        : `paths from ${state.path[0]} to ${state.path[1]}: ${info.length} step(s), ${info.nodes.size} claims`);
      bar.dataset.pathLength = info.length === null ? "" : info.length;
    } else delete bar.dataset.pathLength;
    if (counts.pendingPathFrom) parts.push(`click another claim to see the paths from ${counts.pendingPathFrom}`);
    bar.textContent = parts.join(" — ");
  }

  function engagement() {
    $("summary").append(el("table", {}, [
      el("thead", {}, [el("tr", {}, ["from → to", "contradict", "support"].map((h) => el("th", { scope: "col", text: h })))]),
      el("tbody", {}, model.engagement.map((r) => el("tr", {}, [
        el("td", { text: `${label(r.source)} → ${label(r.target)}` }),
        el("td", { class: "n", text: String(r.contradicting_claims) }),
        el("td", { class: "n", text: String(r.supporting_claims) })]))),
    ]), el("p", { text: "Claims of one side that contradict or support claims of the other." }));
  }

  // Each side's claims as an outline of its support trees: under each claim,
  // the claims that support it. A claim under several others is written out
  // once, and named again where it recurs. Built when first opened or printed.
  function outline() {
    if ($("claim-list").childElementCount) return;
    const { forest } = app.tree();
    const written = new Set();
    // Depth first with a stack of its own, so a chain of reasons thousands deep cannot exhaust the call
    // stack; below OUTLINE_DEPTH levels the lists stop nesting (Chromium's layout crashed on 5,000) and
    // each claim says its level instead.
    const fill = (list, ids) => {
      const stack = [[list, ids.slice().reverse(), 1]];
      while (stack.length) {
        const [into, todo, level] = stack[stack.length - 1];
        if (!todo.length) { stack.pop(); continue; }
        const id = todo.pop();
        if (written.has(id)) {
          into.append(el("li", { class: "small again", text: `${shortLabel(model.byId.get(id))} (see above)` }));
          continue;
        }
        written.add(id);
        const below = forest.children.get(id);
        const item = el("li", {}, [level > OUTLINE_DEPTH ? el("span", { class: "small", text: `level ${level}: ` }) : null,
          claimButton(id)]);
        into.append(item);
        if (below.length) {
          let nested = into;
          if (level < OUTLINE_DEPTH) { nested = el("ul"); item.append(nested); }
          stack.push([nested, below.slice().reverse(), level + 1]);
        }
      }
      return list;
    };
    $("claim-list").append(...model.perspectiveList.map((p) => el("section", { class: "side-outline" }, [
      el("h3", { text: p.label }),
      fill(el("ul"), forest.roots.filter((id) => model.byId.get(id).group === p.id)),
    ])));
  }

  const PAGE_ROWS = 12;
  const claimLink = (index, text) => {
    const node = model.nodes[index];
    return el("a", { href: "#claim=" + encodeURIComponent(node.id), "data-claim": node.id, text: text || shortLabel(node) });
  };
  const reasonsNote = (count) => (count > 0 ? el("span", { class: "small", text: ` (${count} reason${count > 1 ? "s" : ""})` }) : null);
  // A claim's side, named and coloured: shown where the ledger's column heads are not (a phone's one column).
  const sideColor = new Map(model.perspectiveList.map((p) => [p.id, p.color]));
  const sideTag = (index) => {
    const group = model.nodes[index].group;
    return el("span", { class: "side-tag", text: label(group), style: `border-left-color: ${sideColor.get(group)}` });
  };

  // Long lists show a page of rows at a time.
  function paged(rows, render, container, size = PAGE_ROWS) {
    let done = 0;
    const more = el("button", { type: "button", class: "more link-button" });
    function next() {
      rows.slice(done, done + size).forEach((row) => container.append(render(row)));
      done = Math.min(rows.length, done + size);
      more.textContent = `Show ${Math.min(size, rows.length - done)} more of ${rows.length - done}`;
      more.hidden = done >= rows.length;
    }
    more.addEventListener("click", next);
    next();
    return more;
  }

  // A list of a side's case: its first items, and the rest a click away, so the first screen stays short
  // whatever the map's size (a map with hundreds of theses listed them all).
  const CASE_ROWS = { theses: 3, reasons: 4, apart: 4 };
  function caseList(tag, kind, rows, render) {
    if (!rows.length) return [];
    const list = el(tag, { class: kind });
    return [list, paged(rows, render, list, CASE_ROWS[kind])];
  }
  const FOILS_SHOWN = 6;

  // The comparison view: the disagreement as text, each item a way into the map.
  function comparison() {
    const c = model.comparison;
    const view = $("comparison");
    const order = model.perspectiveList.map((p) => p.id);
    const caseOf = new Map(c.cases.map((k) => [k.perspective, k]));
    view.append(el("h2", { id: "positions-heading", text: "The positions" }));
    view.append(el("div", { class: "cases" }, model.perspectiveList.map((p) => {
      const k = caseOf.get(p.id);
      const reason = ([i, n]) => el("li", {}, [claimLink(i), reasonsNote(n)]);
      const foils = k.foils.slice(0, FOILS_SHOWN);
      return el("section", { class: "case", "data-perspective": p.id }, [
        el("h3", { text: p.label, style: `border-color: ${p.color}` }),
        k.objections ? el("p", { class: "small objections-note", text: "No thesis of its own: its case is its objections to the other side's thesis and its reasons." }) : null,
        ...caseList("div", "theses", k.theses, (t) => el("p", { class: "thesis" }, [claimLink(t, model.nodes[t].label)])),
        ...caseList("ul", "reasons", k.reasons, reason),
        k.comments ? el("p", { class: "small", text: `${k.comments} reader comment${k.comments > 1 ? "s" : ""} agreeing` }) : null,
        k.apart.length ? el("p", { class: "small apart-note", text: !k.theses.length ? "What it argues (it states no thesis in this map):" : k.objections ? "Also argued, apart from its objections:" : "Also argued, apart from the thesis:" }) : null,
        ...caseList("ul", "apart", k.apart, reason),
        foils.length ? el("p", { class: "small foils" }, [document.createTextNode("Reported in order to be rejected: "),
          ...foils.flatMap((i, j) => [j ? document.createTextNode("; ") : null, claimLink(i)]).filter(Boolean),
          k.foils.length > foils.length ? document.createTextNode(`; and ${k.foils.length - foils.length} more`) : null,
        ].filter(Boolean)) : null,
      ]);
    })));
    // The clash ledger: one side's claim, the note between them, the other side's claim.
    view.append(el("h2", { id: "clashes-heading", text: "Where they clash" }));
    const doubles = c.questions.filter((q) => q.double_crux).length;
    const questionsLead = c.questions.length ? `${c.questions.length} question${c.questions.length === 1 ? "" : "s"} answered differently`
      + (doubles ? ` (on ${doubles} of them each side's case rests on its answer)` : "") + "; " : "";
    const lead = questionsLead + `${c.clash_count} clash${c.clash_count === 1 ? "" : "es"} between claims${c.mutual_count ? `, ${c.mutual_count} of them both ways` : ""}.`;
    const leadMore = el("span", { class: "lead-more", text: " Every link between the sides is marked if the mapper inferred it." });
    if (c.focus !== null && !c.questions.length) {
      leadMore.append(document.createTextNode(" The disagreement turns most on "), claimLink(c.focus),
        document.createTextNode(c.focus_opponents > 1 ? `, which contests ${c.focus_opponents} claims.` : "."));
    }
    view.append(el("p", { class: "lead", text: lead }, [leadMore]));
    // The questions the sides answer differently come first: each side's answer, its claims, what rests on it.
    const questionRow = (q) => el("section", { class: "question" }, [
      el("h3", { class: "question-text", text: q.text }),
      el("p", { class: "small" }, [el("span", { class: "mark", text: ISSUE_WORDS[q.issue] || "kind not stated" }),
        q.double_crux ? el("span", { class: "mark", text: "each side's case rests on its answer" }) : null].filter(Boolean)),
      el("ul", { class: "answers" }, q.answers.map((a) => el("li", { class: "answer", "data-perspective": a.perspective }, [
        el("span", { class: "side-tag", text: label(a.perspective), style: `border-left-color: ${sideColor.get(a.perspective)}` }),
        el("strong", { text: a.positions.join(" / ") }), document.createTextNode(": "),
        ...a.claims.slice(0, 3).flatMap((i, j) => [j ? document.createTextNode("; ") : null, claimLink(i)]).filter(Boolean),
        a.claims.length > 3 ? document.createTextNode(` and ${a.claims.length - 3} more`) : null,
        el("div", { class: "small", text: a.rests.charAt(0).toUpperCase() + a.rests.slice(1) + "." })].filter(Boolean)))),
      q.note ? el("p", { class: "small", text: q.note }) : null,
      q.answers.length > 1 ? el("button", { type: "button", class: "link-button lens-button", text: "Show the two answers on the map",
        on: { click: () => app.lens(model.nodes[q.answers[0].claims[0]].id, model.nodes[q.answers[1].claims[0]].id) } }) : null].filter(Boolean));
    if (c.questions.length) {
      view.append(el("h3", { id: "questions-heading", text: "The questions they answer differently" }));
      const list = el("div", { id: "question-list" });
      view.append(list);
      view.append(paged(c.questions, questionRow, list, 6));
      if (c.clashes.length) view.append(el("h3", { text: "Between single claims" }));
    }
    const left = order[0], right = order[1];
    if (c.clashes.length) {
      view.append(el("div", { class: "ledger-head", "aria-hidden": "true" }, [
        el("span", { text: label(left) }), el("span", { text: "between them" }), el("span", { text: right ? label(right) : "" })]));
      const ledger = el("div", { class: "ledger", id: "clash-ledger" });
      view.append(ledger);
      view.append(paged(c.clashes, (row) => el("div", { class: "ledger-row clash-row" }, [
        el("div", { class: "claim-cell" }, [sideTag(row.left), claimLink(row.left), el("div", { class: "small", text: row.left_stake })]),
        el("div", { class: "gutter" }, [
          el("span", { class: "mark", text: ISSUE_WORDS[row.issue] || "kind not stated" }),
          el("span", { class: "mark", text: row.undercut ? "undercut: denies that a reason supports it" : row.mutual ? "both ways" : "one way" }),
          row.question ? el("span", { class: "mark question-mark", text: "on: " + row.question }) : null,
          row.inferred ? el("span", { class: "mark inferred", text: "inferred by the mapper" }) : el("span", { class: "mark", text: "stated" }),
          el("div", { text: row.note || "" }),
          el("button", { type: "button", class: "link-button lens-button", text: "Show the pair on the map",
            on: { click: () => app.lens(model.nodes[row.left].id, model.nodes[row.right].id) } }),
          inPlace(row)].filter(Boolean)),
        el("div", { class: "claim-cell" }, [sideTag(row.right), claimLink(row.right), el("div", { class: "small", text: row.right_stake })]),
      ]), ledger));
    } else view.append(el("p", { text: "The sides never contradict each other in this map." }));
    view.append(el("h2", { id: "agree-heading", text: "Where they agree" }));
    if (c.agreed_questions.length) {
      const agreed = el("div", { id: "agreed-questions" });
      view.append(agreed);
      c.agreed_questions.forEach((q) => agreed.append(questionRow(q)));
    }
    if (c.agreements.length) {
      view.append(el("p", { class: "lead", text: `${c.agreement_count} pair${c.agreement_count === 1 ? "" : "s"} of claims that both sides assert, neither denying the other.` }));
      const agreements = el("div", { class: "ledger", id: "agree-ledger" });
      view.append(agreements);
      view.append(paged(c.agreements, ([lefts, b, note]) => el("div", { class: "ledger-row agree-row" }, [
        el("div", {}, [sideTag(lefts[0]), ...lefts.flatMap((a, j) => [j ? document.createTextNode("; ") : null, claimLink(a)]).filter(Boolean)]),
        el("div", { class: "gutter", text: note || "" }),
        el("div", {}, [sideTag(b), claimLink(b)])]), agreements));
    } else if (!c.agreed_questions.length) view.append(el("p", { text: "No claim of one side supports a claim the other asserts." }));
    if (c.uses.length) {
      view.append(el("p", { class: "small", text: "One side's claim bears on a view the other only reports or denies (use, not agreement):" }));
      view.append(el("ul", {}, c.uses.map(([a, b]) => el("li", {}, [claimLink(a), document.createTextNode(" bears on "), claimLink(b)]))));
    }
    view.append(el("h2", { id: "open-heading", text: "Not engaged by the other side" }));
    view.append(el("p", { class: "small", text: "No relation, undercut or shared question from the other side reaches these claims or what they support, and other claims rest on them." }));
    view.append(c.unanswered.length ? el("ul", { id: "unanswered" }, c.unanswered.map(([i, phrase]) => el("li", {}, [
      el("span", { class: "small", text: label(model.nodes[i].group) + ": " }), claimLink(i), document.createTextNode(": " + phrase + ".")])))
      : el("p", { text: "Nothing that carries weight." }));
    if (c.one_sided_questions.length) {
      view.append(el("ul", { id: "one-sided" }, c.one_sided_questions.map(([perspective, text]) =>
        el("li", {}, [el("span", { class: "small", text: "Only " + label(perspective) + " answers: " }), document.createTextNode(text)]))));
    }
  }

  // A clash read in place, without leaving the text: both claims in full, each with its quote and source.
  function inPlace(row) {
    const full = (index) => {
      const node = model.nodes[index], source = sourceOf(model, node);
      return el("div", { class: "in-place-claim" }, [sideTag(index), el("p", { text: node.label }),
        node.quote ? el("blockquote", { text: node.quote }) : null,
        source && source.title ? el("p", { class: "small", text: "— " + [source.title, source.author].filter(Boolean).join(", ") }) : null].filter(Boolean));
    };
    const body = el("div", { class: "in-place", hidden: true }, [full(row.left), full(row.right)]);
    const toggle = el("button", { type: "button", class: "link-button in-place-toggle", "aria-expanded": "false", text: "Read both in full",
      on: { click: () => {
        body.hidden = !body.hidden;
        toggle.setAttribute("aria-expanded", String(!body.hidden));
        toggle.textContent = body.hidden ? "Read both in full" : "Hide the full texts";
      } } });
    return el("div", {}, [toggle, body]);
  }

  // The lens's card: both claims (side and text), the relation between them and its note, what rests on each.
  function lensCard(a, b) {
    const row = model.comparison.clashes.find((r) => [r.left, r.right].map((i) => model.nodes[i].id).sort().join() === [a, b].sort().join());
    const between = model.edges.filter((e) => (e.from === a && e.to === b) || (e.from === b && e.to === a));
    const cuts = model.undercuts.filter((u) => (u.source === a && u.conclusion === b) || (u.source === b && u.conclusion === a));
    const claim = (id, stake) => el("div", { class: "lens-claim", "data-claim": id }, [
      el("span", { class: "side-tag", text: label(model.byId.get(id).group), style: `border-left-color: ${sideColor.get(model.byId.get(id).group)}` }),
      claimButton(id), stake ? el("div", { class: "small", text: stake }) : null].filter(Boolean));
    const stakes = row ? { [model.nodes[row.left].id]: row.left_stake, [model.nodes[row.right].id]: row.right_stake } : {};
    const said = between.map((e) => `${e.kind}${e.mutual ? " (both ways)" : ""}${e.inferred ? ", inferred by the mapper" : ""}${e.note ? ": " + e.note : ""}`)
      .concat(cuts.map((u) => `undercut: denies that ${model.byId.get(u.reason).label} supports it${u.note ? ": " + u.note : ""}`));
    // A pair that answers one question differently: the question, and each side's answer, between them.
    const index = (id) => model.nodes.findIndex((n) => n.id === id);
    const asked = model.comparison.questions.concat(model.comparison.agreed_questions).find((q) =>
      [a, b].every((id) => q.answers.some((answer) => answer.claims.includes(index(id)))));
    if (asked) {
      said.push(`on "${asked.text}": ` + asked.answers.map((answer) => `${label(answer.perspective)}, ${answer.positions.join(" / ")}`).join("; "));
      asked.answers.forEach((answer) => { const i = answer.claims.find((c) => [a, b].includes(model.nodes[c].id));
        if (i !== undefined && !stakes[model.nodes[i].id]) stakes[model.nodes[i].id] = answer.rests.charAt(0).toUpperCase() + answer.rests.slice(1); });
    }
    $("lens-body").replaceChildren(claim(a, stakes[a]), el("p", { class: "lens-note" }, [document.createTextNode(said.join(" · ") || "(no relation drawn between them)")]),
      claim(b, stakes[b]));
    $("lens-card").hidden = false;
  }

  function markComparison() {
    document.querySelectorAll("#comparison .selected").forEach((a) => a.classList.remove("selected"));
    const claim = app.state().claim;
    if (claim) document.querySelectorAll(`#comparison a[data-claim="${CSS.escape(claim)}"]`).forEach((a) => a.classList.add("selected"));
  }

  return { claimDetails, pathDetails, edgeDetails, foldDetails, pathEndChooser, status, engagement, outline,
    comparison, markComparison, lensCard };
}

Object.assign(exports, { createPanels });
