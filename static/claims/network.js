// The citation network page: fetch the network's JSON from the API (the URL and the colouring
// come from data attributes set by the server) and draw it with Cytoscape. No inline script.
(function () {
  "use strict";
  var container = document.getElementById("network");
  if (!container || typeof cytoscape !== "function") return;
  var status = document.getElementById("network-status");
  var legend = document.getElementById("network-legend");
  var table = document.getElementById("network-edges");
  var colourBy = container.dataset.colour === "rating" ? "rating" : "kind";

  var PALETTES = {
    kind: {
      news_outlet: "#2b6cb0", person: "#805ad5", institution: "#2f855a",
      anonymous: "#c53030", document: "#b7791f", other: "#718096"
    },
    rating: {
      reliable: "#2f855a", mixed: "#d69e2e", unreliable: "#c53030",
      state_affiliated: "#6b46c1", unknown: "#718096", "": "#a0aec0"
    }
  };
  var LABELS = {
    news_outlet: "news outlet", state_affiliated: "state-affiliated", "": "not rated"
  };

  function colourOf(node) {
    var palette = PALETTES[colourBy];
    var value = node[colourBy] || "";
    return palette[value] || "#718096";
  }

  function fillLegend() {
    var palette = PALETTES[colourBy];
    legend.textContent = "";
    Object.keys(palette).forEach(function (key) {
      var item = document.createElement("span");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.setAttribute("aria-hidden", "true");
      swatch.style.background = palette[key];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + (LABELS[key] || key.replace("_", " "))));
      legend.appendChild(item);
    });
  }

  function fillTable(data, names) {
    table.textContent = "";
    data.edges.forEach(function (edge) {
      var row = document.createElement("tr");
      [names[edge.source], names[edge.target], String(edge.weight),
       edge.type === "publishes" ? "publishes" : "cites"].forEach(function (text) {
        var cell = document.createElement("td");
        cell.textContent = text;
        row.appendChild(cell);
      });
      table.appendChild(row);
    });
  }

  function draw(data) {
    var most = data.nodes.reduce(function (m, n) { return Math.max(m, n.claims); }, 1);
    var heaviest = data.edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
    var names = {};
    var elements = data.nodes.map(function (node) {
      names[node.slug] = node.name;
      return { data: {
        id: node.slug, label: node.name, claims: node.claims, colour: colourOf(node),
        size: 18 + 42 * Math.sqrt(node.claims / most)
      } };
    });
    data.edges.forEach(function (edge, i) {
      elements.push({ data: {
        id: "e" + i, source: edge.source, target: edge.target, weight: edge.weight, type: edge.type || "cites",
        width: 1 + 7 * (edge.weight / heaviest)
      } });
    });
    var cy = cytoscape({
      container: container,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "text-wrap": "ellipsis", "text-max-width": 140
        } },
        { selector: "edge", style: {
          width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle",
          "line-color": "#4a5568", "target-arrow-color": "#4a5568", opacity: 0.8,
          label: "data(weight)", "font-size": 9, "text-background-color": "#fff", "text-background-opacity": 0.8
        } },
        { selector: "edge[type = 'publishes']", style: {
          "line-style": "dashed", "line-color": "#a0aec0", "target-arrow-color": "#a0aec0"
        } }
      ],
      layout: { name: data.nodes.length > 150 ? "concentric" : "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
    });
    cy.on("tap", "node", function (event) {
      window.location.href = "/sources/" + encodeURIComponent(event.target.id()) + "/";
    });
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    status.textContent = data.nodes.length
      ? data.nodes.length + " sources and " + data.edges.length + " links drawn. Click a source to open its page."
      : "No approved chain matches these filters yet.";
    fillLegend();
    fillTable(data, names);
    window.citationNetwork = cy;
  }

  fetch(container.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      status.textContent = "The network could not be loaded (" + error.message + ").";
      container.dataset.nodes = "error";
    });
})();
