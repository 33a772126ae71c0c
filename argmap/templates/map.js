(function () {
  "use strict";
  // Claim data arrives as JSON and reaches the page only through vis-network,
  // which draws labels on a canvas and sets tooltips as text: never as HTML.
  var data = JSON.parse(document.getElementById("argmap-data").textContent);

  var groups = {};
  data.perspectives.forEach(function (p) {
    groups[p.id] = {
      color: {
        background: p.fill, border: p.color,
        highlight: { background: "#ffffff", border: p.color },
        hover: { background: "#ffffff", border: p.color }
      }
    };
  });

  var EDGE_STYLES = {
    supports: {
      color: { color: "#2e7d32", highlight: "#1b5e20", hover: "#1b5e20" },
      dashes: false, width: 1.5,
      arrows: { to: { enabled: true, type: "arrow", scaleFactor: 0.8 } }
    },
    contradicts: {
      color: { color: "#c62828", highlight: "#8e0000", hover: "#8e0000" },
      dashes: [8, 6], width: 2.5,
      arrows: { to: { enabled: true, type: "bar", scaleFactor: 0.9 } }
    }
  };

  var nodes = data.nodes.map(function (n) {
    var node = { id: n.id, label: n.label, title: n.title, group: n.group, x: n.x, y: n.y };
    if (n.kind === "thesis") {
      node.borderWidth = 4;
      node.font = { size: 16, bold: true };
    }
    if (n.comment) {
      node.shapeProperties = { borderDashes: [5, 4] };
    }
    return node;
  });
  var edges = data.edges.map(function (e, index) {
    var style = EDGE_STYLES[e.kind];
    return {
      id: index, from: e.from, to: e.to, title: e.title,
      color: style.color, dashes: style.dashes, arrows: style.arrows,
      width: e.cross ? style.width + 1 : style.width
    };
  });

  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: {
      shape: "box", margin: 10, borderWidth: 2,
      widthConstraint: { maximum: 200 },
      font: { size: 14, face: "system-ui, DejaVu Sans, sans-serif", color: "#1d1d1d" }
    },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 120, multiselect: false },
    groups: groups
  };

  var container = document.getElementById("map");
  var network = new vis.Network(
    container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, options);
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-drawn", "true");
  });
  window.argmap = { network: network, data: data };
})();
