// What the explore page computes from SPARQL answers: filtered assignments, the bodies and the
// tasks they share, the counts under each picture, and the files a picture is saved as.
"use strict";

const Pictures = (() => {
  const KIND_GROUPS = {
    MunicipalGovernment: "municipal", MunicipalDepartment: "municipal",
    VerticallyManagedBureau: "municipal", DistrictGovernment: "district",
    CollectiveAssignee: "collective", ProvincialGovernment: "provincial",
    ProvincialDepartment: "provincial", NationalAgency: "national", CentralGovernment: "national",
    CountyGovernment: "district", CountyDepartment: "district",
  };
  const GROUPS = {
    municipal: { zh: "市级部门", en: "municipal", colour: "#1f6fb2" },
    district: { zh: "区县", en: "district or county", colour: "#2a9d5b" },
    collective: { zh: "集合主体", en: "collective", colour: "#d98c1f" },
    provincial: { zh: "省级", en: "provincial", colour: "#8e44ad" },
    national: { zh: "国家级", en: "national", colour: "#c0392b" },
    other: { zh: "其他", en: "other", colour: "#7f8c8d" },
  };

  function group(kind) {
    return KIND_GROUPS[kind] || "other";
  }

  // SPARQL JSON results -> plain rows of strings (numbers where the datatype says so).
  function rows(results) {
    return results.results.bindings.map((binding) => {
      const row = {};
      for (const name of results.head.vars) {
        const term = binding[name];
        if (!term) { row[name] = null; continue; }
        const numeric = term.datatype && /#(integer|decimal|double|float|int|long)$/.test(term.datatype);
        row[name] = numeric ? Number(term.value) : term.value;
      }
      return row;
    });
  }

  const LEVELS = {
    central: { zh: "中央", en: "central" },
    provincial: { zh: "省级", en: "provincial" },
    municipal: { zh: "市级", en: "municipal" },
    district: { zh: "区级", en: "district" },
    county: { zh: "县级", en: "county" },
  };

  // Each body's government from the governments-of-bodies answer (its first row): the group key
  // is the place's GB/T 2260 code where the graph gives one, else the government's IRI; the
  // name is the place's, else the government's (kg/network.py reads the answer the same way).
  function governments(answer) {
    const found = new Map();
    for (const row of answer) {
      if (found.has(row.body) || !row.government) continue;
      found.set(row.body, {
        key: row.code || row.government, iri: row.government, level: row.level, code: row.code,
        name: row.place || row.governmentName || row.government,
      });
    }
    return found;
  }

  function filtered(assignments, filters, under = new Map()) {
    return assignments.filter((a) => {
      const government = under.get(a.body);
      return (!filters.document || a.doc === filters.document) &&
        (!filters.theme || a.theme === filters.theme) &&
        (!filters.role || a.role === filters.role) &&
        (!filters.year || a.year === filters.year) &&
        (!filters.government || government?.key === filters.government) &&
        (!filters.level || government?.level === filters.level);
    });
  }

  // The bodies with the distinct tasks they lead and cooperate on, and the pairs sharing tasks.
  function network(assignments, under = new Map()) {
    const bodies = new Map();
    const byTask = new Map();
    for (const a of assignments) {
      if (!bodies.has(a.body)) {
        bodies.set(a.body, {
          id: a.body, name: a.name, kind: a.kind, group: group(a.kind), government: under.get(a.body) || null,
          lead: new Set(), cooperating: new Set(),
        });
      }
      bodies.get(a.body)[a.role].add(a.task);
      if (!byTask.has(a.task)) byTask.set(a.task, new Set());
      byTask.get(a.task).add(a.body);
    }
    const pairs = new Map();
    for (const [task, members] of byTask) {
      const sorted = [...members].sort();
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const key = `${sorted[i]} ${sorted[j]}`;
          if (!pairs.has(key)) pairs.set(key, { source: sorted[i], target: sorted[j], tasks: new Set() });
          pairs.get(key).tasks.add(task);
        }
      }
    }
    const nodes = [...bodies.values()].sort((a, b) =>
      b.lead.size - a.lead.size || b.cooperating.size - a.cooperating.size || a.name.localeCompare(b.name));
    return { nodes, edges: [...pairs.values()] };
  }

  // The tasks of some assignments, once each, with every role the chosen bodies hold in them.
  function tasks(assignments, bodies) {
    const found = new Map();
    for (const a of assignments) {
      if (!bodies.includes(a.body)) continue;
      if (!found.has(a.task)) found.set(a.task, { ...a, roles: [] });
      found.get(a.task).roles.push(`${a.name}: ${a.role === "lead" ? "牵头 lead" : "配合 cooperating"} (${a.first === a.last ? a.first : `${a.first}–${a.last}`})`);
    }
    return [...found.values()];
  }

  function csv(header, lines) {
    const cell = (v) => {
      const text = v === null || v === undefined ? "" : String(v);
      return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return [header, ...lines].map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
  }

  function escapeXml(text) {
    return String(text).replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);
  }

  // The network as drawn (positions from Cytoscape) in SVG: government boxes, edges, nodes
  // coloured by kind, and the labels shown on the page (at the size they are shown).
  function networkSvg(cy) {
    const box = cy.elements().boundingBox();
    const pad = 20;
    const parts = [];
    cy.nodes(":parent").forEach((parent) => {
      const b = parent.boundingBox({ includeLabels: false });
      parts.push(`<rect x="${b.x1}" y="${b.y1}" width="${b.w}" height="${b.h}" fill="#f6f8fa" stroke="#c5d0db"/>`);
    });
    cy.edges().forEach((edge) => {
      const s = edge.source().position(), t = edge.target().position();
      parts.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="#9aa9b8" stroke-width="${edge.data("width")}"/>`);
    });
    cy.nodes(":childless").forEach((node) => {
      const p = node.position(), r = node.data("size") / 2;
      parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${node.data("colour")}" opacity="0.85"/>`);
    });
    cy.nodes().filter((node) => node.style("label")).forEach((node) => {
      const label = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      const size = node.numericStyle("font-size");
      parts.push(`<text x="${(label.x1 + label.x2) / 2}" y="${label.y2 - size * 0.25}" font-size="${size}" text-anchor="middle">${escapeXml(node.style("label"))}</text>`);
    });
    const viewBox = `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}`;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" font-family="sans-serif">${parts.join("")}</svg>`;
  }

  // Where to draw the bodies: each piece ({ nodes: [{ id, size }], edges, grid }: a government's
  // bodies, or with grid the bodies in no box) laid out on its own, by a force layout over its own
  // ties or on a grid (in the order given: the busiest first), then the pieces packed in shelves,
  // tallest first, to the picture's aspect (width / height).
  // One force layout over a thousand bodies takes seconds and lets the boxes overlap.
  function arrange(pieces, aspect) {
    const laid = pieces.map((piece) => {
      const at = piece.grid ? grid(piece.nodes) : forces(piece);
      const reach = (axis, sign) => piece.nodes.map((n) => at.get(n.id)[axis] + (sign * n.size) / 2);
      const box = { x1: Math.min(...reach("x", -1)), y1: Math.min(...reach("y", -1)),
        x2: Math.max(...reach("x", 1)), y2: Math.max(...reach("y", 1)) };
      return { at, box, w: box.x2 - box.x1, h: box.y2 - box.y1 };
    });
    const gap = 0.06 * Math.sqrt(laid.reduce((sum, p) => sum + p.w * p.h, 0)) + 40;
    const area = laid.reduce((sum, p) => sum + (p.w + gap) * (p.h + gap), 0);
    const width = Math.max(...laid.map((p) => p.w), Math.sqrt(area * aspect));
    const positions = new Map();
    let x = 0, y = 0, shelf = 0;
    for (const p of laid.sort((a, b) => b.h - a.h)) {
      if (x > 0 && x + p.w > width) { x = 0; y += shelf + gap; shelf = 0; }
      for (const [id, at] of p.at) positions.set(id, { x: at.x - p.box.x1 + x, y: at.y - p.box.y1 + y });
      x += p.w + gap;
      shelf = Math.max(shelf, p.h);
    }
    return positions;
  }

  function grid(nodes) {
    const cell = Math.max(...nodes.map((n) => n.size)) + 60;
    const columns = Math.ceil(Math.sqrt(nodes.length * 2));
    return new Map(nodes.map((n, i) => [n.id, { x: (i % columns) * cell * 2, y: Math.floor(i / columns) * cell }]));
  }

  // A force layout (Cytoscape's cose, on a headless instance) of a piece from a spiral of its
  // nodes; it cools faster in a piece of over a hundred bodies, whose many pairs make each step
  // dear (about a hundred steps instead of several hundred)
  function forces(piece) {
    const scratch = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
      elements: [
        ...piece.nodes.map((n, i) => ({ data: n, position: spiral(i, 50) })),
        ...piece.edges.map((e) => ({ data: { source: e.source, target: e.target } })),
      ],
    });
    const side = 50 * Math.sqrt(piece.nodes.length) + 100;
    scratch.layout({ name: "cose", animate: false, randomize: false, fit: false,
      boundingBox: { x1: 0, y1: 0, w: side, h: side }, nodeRepulsion: 9000, idealEdgeLength: 90,
      coolingFactor: piece.nodes.length > 100 ? 0.95 : 0.99 }).run();
    const at = new Map(scratch.nodes().map((n) => [n.id(), { ...n.position() }]));
    scratch.destroy();
    return at;
  }

  // The i-th point of a sunflower spiral: the first nodes in the middle, spaced evenly.
  function spiral(i, spacing) {
    const angle = i * 2.39996, radius = spacing * Math.sqrt(i);
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  }

  // Which labels to show: in order of priority, each whose box {x1, y1, x2, y2} meets no box
  // already kept. No two labels shown overlap, and the first in the order win a place.
  function unclashed(candidates) {
    const kept = [];
    const ids = new Set();
    for (const { id, box } of candidates) {
      if (kept.some((k) => k.x1 < box.x2 && box.x1 < k.x2 && k.y1 < box.y2 && box.y1 < k.y2)) continue;
      kept.push(box);
      ids.add(id);
    }
    return ids;
  }

  function download(name, blob) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  // An SVG element drawn onto a canvas, as a PNG blob.
  function svgToPng(svgText, width, height) {
    return new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement("canvas");
        canvas.width = width * 2;
        canvas.height = height * 2;
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(resolve, "image/png");
      };
      image.onerror = reject;
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText);
    });
  }

  return {
    GROUPS, LEVELS, group, rows, governments, filtered, network, tasks, csv, networkSvg, arrange, unclashed, download,
    svgToPng,
  };
})();
