/* The organisation page's graph: its partners, coloured by status.
   Data comes inlined in <script id="graph-data" type="application/json">;
   labels are set as text by Cytoscape (drawn on a canvas, never parsed as HTML). */
(function () {
  "use strict";
  var holder = document.getElementById("graph");
  var data = document.getElementById("graph-data");
  if (!holder || !data || typeof cytoscape !== "function") { return; }
  var graph = JSON.parse(data.textContent);
  var cy = cytoscape({
    container: holder,
    elements: graph.nodes.concat(graph.edges),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
          "label": "data(label)", "background-color": "data(color)", "color": "#1d2329",
          "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "width": 22, "height": 22,
          "text-background-color": "#ffffff", "text-background-opacity": 0.8,
          "text-background-padding": 2 } },
      { selector: "node[?center]", style: {
          "background-color": "#14212e", "width": 36, "height": 36, "font-weight": "bold",
          "font-size": 13 } },
      { selector: "edge", style: { "line-color": "data(color)", "width": 3, "curve-style": "bezier" } }
    ],
    layout: { name: "concentric", concentric: function (n) { return n.data("center") ? 2 : 1; },
              levelWidth: function () { return 1; }, minNodeSpacing: 90, padding: 30,
              animate: false }
  });
  // Few partners: keep the nodes at a readable size rather than filling the box.
  if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }
  cy.on("tap", "node", function (event) {
    var href = event.target.data("href");
    if (href && href.charAt(0) === "/") { window.location.assign(href); }
  });
  window.tieupGraph = cy;
  holder.setAttribute("data-nodes", String(cy.nodes().length));
}());
