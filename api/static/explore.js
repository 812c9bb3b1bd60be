// The explore page: catalogue questions asked of this endpoint, drawn as a network of bodies
// (Cytoscape.js; bodies boxed by the government they work under) and bar charts (Observable
// Plot), each with a table of the same numbers, the query that gave them (open it in the editor),
// and SVG, PNG and CSV downloads; the network also as GraphML and GEXF (/explore/network.*).
"use strict";

(async function explore() {
  const { GROUPS, LEVELS } = Pictures;
  // Labels keep these sizes on screen at any zoom, so zooming in makes room for more of them
  const LABEL_PX = 11, GOVERNMENT_PX = 13;
  const LABELLED_NODE_PX = 8;  // a body is labelled only where it is drawn at least this wide
  const catalogue = await (await fetch("/api/examples")).json();
  const question = (id) => catalogue.examples.find((e) => e.id === id).query;

  async function ask(query) {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: query,
    });
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    return Pictures.rows(await response.json());
  }

  for (const pre of document.querySelectorAll("pre[data-question]")) {
    pre.textContent = question(pre.dataset.question);
  }
  for (const link of document.querySelectorAll("a.open[data-question]")) {
    link.href = "/?query=" + encodeURIComponent(question(link.dataset.question));
  }
  const legend = document.getElementById("legend");
  for (const [name, g] of Object.entries(GROUPS)) {
    const item = document.createElement("li");
    item.dataset.group = name;
    const dot = document.createElement("span");
    dot.style.background = g.colour;
    item.append(dot, `${g.zh} ${g.en}`);
    legend.append(item);
  }

  const [assignments, money, bodiesOf] = await Promise.all([
    ask(question("assignments-for-pictures")),
    ask(question("money-by-theme")),
    ask(question("governments-of-bodies")),
  ]);
  const under = Pictures.governments(bodiesOf);
  const select = (id) => document.getElementById(id);
  const documents = [...new Map(assignments.map((a) => [a.doc, a.document])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  for (const [iri, label] of documents) select("document").add(new Option(label, iri));
  const groupName = (g) => (g.code ? `${g.name} ${g.code}` : g.name);
  const bodiesUnder = new Map();
  for (const body of new Set(assignments.map((a) => a.body))) {
    const g = under.get(body);
    if (g) bodiesUnder.set(g.key, { g, count: (bodiesUnder.get(g.key)?.count || 0) + 1 });
  }
  const byCount = (a, b) => b.count - a.count || groupName(a.g).localeCompare(groupName(b.g));
  for (const { g, count } of [...bodiesUnder.values()].sort(byCount)) {
    select("government").add(new Option(`${groupName(g)} (${count})`, g.key));
  }
  const levels = new Set([...under.values()].map((g) => g.level));
  for (const [level, name] of Object.entries(LEVELS)) {
    if (levels.has(level)) select("level").add(new Option(`${name.zh} ${name.en}`, level));
  }
  for (const year of [...new Set(assignments.map((a) => a.year).filter(Boolean))].sort()) {
    select("year").add(new Option(year, year));
  }

  function themes() {
    const chosen = select("document").value;
    const names = [...new Set(assignments.filter((a) => !chosen || a.doc === chosen).map((a) => a.theme).filter(Boolean))];
    const theme = select("theme");
    const keep = theme.value;
    theme.length = 1;
    for (const name of names.sort()) theme.add(new Option(name, name));
    theme.value = names.includes(keep) ? keep : "";
  }

  let scale = 1;  // 1 / the zoom the labels were last placed at: model units per screen pixel
  const cy = cytoscape({
    container: select("network"),
    minZoom: 0.02,
    maxZoom: 6,
    style: [
      { selector: "node.body", style: {
        width: "data(size)", height: "data(size)", label: "", "font-size": () => LABEL_PX * scale,
        "text-valign": "bottom", "text-margin-y": () => 2 * scale, "background-color": "data(colour)",
        "pie-size": "100%", "pie-1-background-color": "data(colour)", "pie-1-background-size": "data(leadShare)",
        "pie-2-background-color": "#e7edf3", "pie-2-background-size": "data(cooperatingShare)",
        "border-width": 2, "border-color": "data(colour)" } },
      { selector: "node.government", style: {
        shape: "round-rectangle", "background-color": "#f6f8fa", "border-width": 1, "border-color": "#b9c6d3",
        padding: 14, "compound-sizing-wrt-labels": "exclude", label: "", "text-valign": "top", "text-halign": "center", "font-weight": "bold",
        "font-size": () => GOVERNMENT_PX * scale, "text-margin-y": () => -2 * scale, color: "#2c3e50" } },
      { selector: "node.labelled", style: {  // drawn above the other bodies, so nothing hides a label
        label: "data(label)", "text-background-color": "#ffffff", "text-background-opacity": 0.85,
        "text-background-padding": () => 1 * scale, "z-index": 1 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#b8c4d0", "curve-style": "haystack", opacity: 0.45 } },
      { selector: ":selected", style: { "border-color": "#111", "line-color": "#111", "border-width": 4 } },
    ],
  });

  // Labels: governments first (the larger first), then bodies by their tasks and ties, each
  // shown only where its box meets no label already shown and its body is drawn wide enough.
  let byPriority = [];
  function placeLabels() {
    const zoom = cy.zoom();
    scale = 1 / zoom;
    cy.batch(() => cy.nodes().addClass("labelled"));
    cy.style().update();  // every label at this zoom's size, to be measured
    const box = (node) => node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, useCache: false });
    const candidates = byPriority
      .filter((node) => node.isParent() || node.data("size") * zoom >= LABELLED_NODE_PX)
      .map((node) => ({ id: node.id(), box: box(node) }));
    const shown = Pictures.unclashed(candidates);
    cy.batch(() => cy.nodes().forEach((node) => { if (!shown.has(node.id())) node.removeClass("labelled"); }));
    select("network").dataset.labelled = String(shown.size);
    select("network").dataset.labelsPlaced = String(Number(select("network").dataset.labelsPlaced || 0) + 1);
  }
  let placing = null;
  let placedZoom = null;
  cy.on("zoom", () => {
    clearTimeout(placing);
    placing = setTimeout(() => { if (cy.zoom() !== placedZoom) { placedZoom = cy.zoom(); placeLabels(); } }, 60);
  });

  let current = { assignments: [], nodes: [], edges: [], filters: {} };

  function filters() {
    const value = (id) => select(id).value;
    return { document: value("document"), theme: value("theme"), role: value("role"),
      government: value("government"), level: value("level"), year: value("year") };
  }

  // A box per government with two or more bodies drawn, where the drawing has more than one.
  function parents(nodes) {
    const counts = new Map();
    for (const n of nodes) if (n.government) counts.set(n.government.key, (counts.get(n.government.key) || 0) + 1);
    const boxed = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
    return counts.size > 1 ? new Set(boxed) : new Set();
  }

  function draw() {
    const chosenFilters = filters();
    const chosen = Pictures.filtered(assignments, chosenFilters, under);
    const { nodes, edges } = Pictures.network(chosen, under);
    const started = performance.now();
    const network = select("network");
    network.dataset.governments = String(drawNetwork(nodes, edges));
    network.dataset.drawMs = String(Math.round(performance.now() - started));
    network.dataset.nodes = String(nodes.length);
    network.dataset.edges = String(edges.length);
    current = { assignments: chosen, nodes, edges, filters: chosenFilters };
    networkTable(nodes);
    bodiesChart(nodes);
    moneyChart(chosenFilters);
    select("selection").querySelector("ul")?.remove();
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn || 0) + 1);
  }

  // The bodies, each in its government's box where that has one, laid out box by box; the
  // labels placed. Returns how many boxes there are.
  function drawNetwork(nodes, edges) {
    const most = Math.max(1, ...nodes.map((n) => n.lead.size));
    const widest = Math.max(1, ...edges.map((e) => e.tasks.size));
    const size = (n) => 18 + 52 * (n.lead.size / most);
    const boxed = parents(nodes);
    const boxOf = new Map(nodes.map((n) => [n.id, boxed.has(n.government?.key) ? n.government.key : null]));
    const pieces = new Map([...boxed, null].map((key) => [key, { nodes: [], edges: [], grid: key === null }]));
    for (const n of nodes) pieces.get(boxOf.get(n.id)).nodes.push({ id: n.id, size: size(n) });
    for (const e of edges) {
      if (boxOf.get(e.source) === boxOf.get(e.target)) pieces.get(boxOf.get(e.source)).edges.push(e);
    }
    const positions = Pictures.arrange([...pieces.values()].filter((p) => p.nodes.length), cy.width() / cy.height());
    cy.elements().remove();
    cy.add([...boxed].map((key) => {
      const g = nodes.find((n) => n.government?.key === key).government;
      return { group: "nodes", classes: "government", data: { id: `government ${key}`, label: groupName(g) } };
    }));
    cy.add(nodes.map((n) => {
      const total = n.lead.size + n.cooperating.size;
      const box = boxOf.get(n.id);
      return { group: "nodes", classes: "body", position: positions.get(n.id), data: {
        id: n.id, label: n.name, colour: GROUPS[n.group].colour, group: n.group, tasks: total, size: size(n),
        parent: box === null ? undefined : `government ${box}`,
        leadShare: `${(100 * n.lead.size) / total}%`, cooperatingShare: `${(100 * n.cooperating.size) / total}%`,
      } };
    }));
    cy.add(edges.map((e) => ({ group: "edges", data: {
      id: `${e.source} ${e.target}`, source: e.source, target: e.target, weight: e.tasks.size,
      width: 1 + 5 * (e.tasks.size / widest),
    } })));
    cy.fit(undefined, 20);
    byPriority = [
      ...cy.nodes(".government").sort((a, b) => b.children().length - a.children().length),
      ...cy.nodes(".body").sort((a, b) => b.data("tasks") - a.data("tasks") || b.degree() - a.degree()),
    ];
    placedZoom = cy.zoom();
    placeLabels();
    return boxed.size;
  }

  function fill(table, lines) {
    const body = table.querySelector("tbody");
    body.replaceChildren(...lines.map((cells) => {
      const row = document.createElement("tr");
      for (const value of cells) {
        const cell = document.createElement("td");
        if (typeof value === "number") cell.className = "n";
        cell.textContent = value;
        row.append(cell);
      }
      return row;
    }));
  }

  function networkTable(nodes) {
    current.networkLines = nodes.map((n) => [n.name, `${GROUPS[n.group].zh} ${GROUPS[n.group].en}`, n.lead.size, n.cooperating.size]);
    fill(select("network-table"), current.networkLines);
  }

  function bodiesChart(nodes) {
    const data = nodes.slice(0, 25).flatMap((n) => [
      { body: n.name, role: "牵头 lead", tasks: n.lead.size },
      { body: n.name, role: "配合 cooperating", tasks: n.cooperating.size },
    ]);
    current.bodiesLines = data.map((d) => [d.body, d.role, d.tasks]);
    fill(select("bodies-table"), current.bodiesLines);
    const chart = Plot.plot({
      marginLeft: 190, width: 900, height: 30 + 22 * Math.max(1, data.length / 2),
      x: { label: "任务 tasks", grid: true }, y: { label: null, domain: nodes.slice(0, 25).map((n) => n.name) },
      color: { domain: ["牵头 lead", "配合 cooperating"], range: ["#1f6fb2", "#a9c6e3"], legend: true },
      marks: [Plot.barX(data, { y: "body", x: "tasks", fill: "role", tip: true }), Plot.ruleX([0])],
    });
    select("bodies-chart").replaceChildren(chart);
  }

  function moneyChart(filters) {
    const rows = money.filter((m) => (!filters.document || documentOf(m.document) === filters.document) &&
      (!filters.theme || m.theme === filters.theme));
    const data = rows.map((m) => ({ label: `${m.document} · ${m.theme || "—"} · ${m.kind}`, yuan: m.yuan }));
    current.moneyLines = rows.map((m) => [m.document, m.theme || "", m.kind, m.yuan, m.instruments]);
    fill(select("money-table"), current.moneyLines);
    const chart = Plot.plot({
      marginLeft: 330, width: 900, height: 40 + 34 * Math.max(1, data.length),
      x: { label: "元 yuan", grid: true, type: "log" }, y: { label: null },
      marks: [Plot.barX(data, { y: "label", x: "yuan", fill: "#d98c1f", tip: true })],
    });
    select("money-chart").replaceChildren(chart);
  }

  function documentOf(label) {
    const found = documents.find(([, name]) => name === label);
    return found ? found[0] : null;
  }

  function showTasks(title, bodies, only = null) {
    const section = select("selection");
    section.querySelector("ul")?.remove();
    const list = document.createElement("ul");
    list.dataset.title = title;
    const chosen = only ? current.assignments.filter((a) => only.has(a.task)) : current.assignments;
    for (const task of Pictures.tasks(chosen, bodies)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = task.task.replace("https://w3id.org/policykg/", "/");
      link.textContent = `${task.document} · ${task.number}`;
      const text = document.createElement("div");
      text.textContent = task.text || task.theme || "";
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = task.roles.join("; ");
      item.append(link, text, meta);
      list.append(item);
    }
    section.querySelector("h3").textContent = `任务 · Tasks: ${title}`;
    section.append(list);
  }

  cy.on("tap", "node.body", (event) => showTasks(event.target.data("label"), [event.target.id()]));
  cy.on("tap", "edge", (event) => {
    const edge = event.target;
    const pair = current.edges.find((e) => e.source === edge.source().id() && e.target === edge.target().id());
    const title = `${edge.source().data("label")} — ${edge.target().data("label")}`;
    showTasks(title, [pair.source, pair.target], pair.tasks);
  });

  const tables = {
    network: () => Pictures.csv(["body", "kind", "lead", "cooperating"], current.networkLines),
    bodies: () => Pictures.csv(["body", "role", "tasks"], current.bodiesLines),
    money: () => Pictures.csv(["document", "theme", "instrument", "yuan", "instruments"], current.moneyLines),
  };
  const svgOf = (picture) => {
    if (picture === "network") return Pictures.networkSvg(cy);
    const svg = select(`${picture}-chart`).querySelector("svg");
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return svg.outerHTML;
  };
  for (const saves of document.querySelectorAll(".saves[data-picture]")) {
    const files = saves.dataset.picture === "network" ? ["graphml", "gexf"] : [];
    for (const kind of ["svg", "png", "csv", ...files]) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.save = kind;
      button.textContent = `${kind.toUpperCase()} 下载`;
      saves.append(button);
    }
  }
  for (const button of document.querySelectorAll("button[data-save]")) {
    button.addEventListener("click", async () => {
      const picture = button.closest("[data-picture]").dataset.picture;
      const kind = button.dataset.save;
      if (kind === "graphml" || kind === "gexf") {
        Pictures.download(`network.${kind}`, await networkFile(kind));
      } else if (kind === "csv") {
        Pictures.download(`${picture}.csv`, new Blob([tables[picture]()], { type: "text/csv;charset=utf-8" }));
      } else if (kind === "svg") {
        Pictures.download(`${picture}.svg`, new Blob([svgOf(picture)], { type: "image/svg+xml" }));
      } else if (picture === "network") {
        Pictures.download("network.png", cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2 }));
      } else {
        const svg = select(`${picture}-chart`).querySelector("svg");
        const { width, height } = svg.getBoundingClientRect();
        Pictures.download(`${picture}.png`, await Pictures.svgToPng(svgOf(picture), width, height));
      }
    });
  }

  // The network as a file for Gephi, NetworkX or igraph, made by the server from the same
  // questions (kg/network.py), filtered as the picture is
  async function networkFile(kind) {
    const chosen = Object.entries(current.filters).filter(([, value]) => value);
    const response = await fetch(`/explore/network.${kind}?${new URLSearchParams(chosen)}`);
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    return response.blob();
  }

  for (const [id, zoom] of [["zoom-in", 1.5], ["zoom-out", 1 / 1.5]]) {
    select(id).addEventListener("click", () => {
      cy.zoom({ level: cy.zoom() * zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
  }
  select("zoom-fit").addEventListener("click", () => cy.fit(undefined, 20));

  select("document").addEventListener("change", () => { themes(); draw(); });
  for (const id of ["theme", "role", "government", "level", "year"]) select(id).addEventListener("change", draw);
  themes();
  draw();
  window.policykgExplore = { cy, redraw: draw };  // for scripts and tests driving the page
})();
