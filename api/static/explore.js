// The explore page: two catalogue questions asked of this endpoint, drawn as a network of bodies
// (Cytoscape.js) and bar charts (Observable Plot), each with a table of the same numbers, the
// query that gave them (open it in the editor), and SVG, PNG and CSV downloads.
"use strict";

(async function explore() {
  const { GROUPS } = Pictures;
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

  const [assignments, money] = await Promise.all([
    ask(question("assignments-for-pictures")),
    ask(question("money-by-theme")),
  ]);
  const select = (id) => document.getElementById(id);
  const documents = [...new Map(assignments.map((a) => [a.doc, a.document])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  for (const [iri, label] of documents) select("document").add(new Option(label, iri));

  function themes() {
    const chosen = select("document").value;
    const names = [...new Set(assignments.filter((a) => !chosen || a.doc === chosen).map((a) => a.theme).filter(Boolean))];
    const theme = select("theme");
    const keep = theme.value;
    theme.length = 1;
    for (const name of names.sort()) theme.add(new Option(name, name));
    theme.value = names.includes(keep) ? keep : "";
  }

  const cy = cytoscape({
    container: select("network"),
    style: [
      { selector: "node", style: {
        width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9,
        "text-valign": "bottom", "text-margin-y": 3, "background-color": "data(colour)",
        "pie-size": "100%", "pie-1-background-color": "data(colour)", "pie-1-background-size": "data(leadShare)",
        "pie-2-background-color": "#e7edf3", "pie-2-background-size": "data(cooperatingShare)",
        "border-width": 2, "border-color": "data(colour)" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#b8c4d0", "curve-style": "haystack", opacity: 0.7 } },
      { selector: ":selected", style: { "border-color": "#111", "line-color": "#111", "border-width": 4 } },
    ],
  });

  let current = { assignments: [], nodes: [], edges: [], bodies: [], money: [] };

  function draw() {
    const filters = { document: select("document").value, theme: select("theme").value, role: select("role").value };
    const chosen = Pictures.filtered(assignments, filters);
    const { nodes, edges } = Pictures.network(chosen);
    const most = Math.max(1, ...nodes.map((n) => n.lead.size));
    const widest = Math.max(1, ...edges.map((e) => e.tasks.size));
    cy.elements().remove();
    cy.add(nodes.map((n) => {
      const total = n.lead.size + n.cooperating.size;
      return { group: "nodes", data: {
        id: n.id, label: n.name, colour: GROUPS[n.group].colour, group: n.group,
        size: 18 + 52 * (n.lead.size / most),
        leadShare: `${(100 * n.lead.size) / total}%`, cooperatingShare: `${(100 * n.cooperating.size) / total}%`,
      } };
    }));
    cy.add(edges.map((e) => ({ group: "edges", data: {
      id: `${e.source} ${e.target}`, source: e.source, target: e.target, weight: e.tasks.size,
      width: 1 + 5 * (e.tasks.size / widest),
    } })));
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 }).run();
    select("network").dataset.nodes = String(nodes.length);
    select("network").dataset.edges = String(edges.length);
    current = { assignments: chosen, nodes, edges };
    networkTable(nodes);
    bodiesChart(nodes);
    moneyChart(filters);
    select("selection").querySelector("ul")?.remove();
    document.body.dataset.drawn = String(Number(document.body.dataset.drawn || 0) + 1);
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

  cy.on("tap", "node", (event) => showTasks(event.target.data("label"), [event.target.id()]));
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
    for (const kind of ["svg", "png", "csv"]) {
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
      if (kind === "csv") {
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

  select("document").addEventListener("change", () => { themes(); draw(); });
  select("theme").addEventListener("change", draw);
  select("role").addEventListener("change", draw);
  themes();
  draw();
  window.policykgExplore = { cy, redraw: draw };  // for scripts and tests driving the page
})();
