// What the explore page computes from SPARQL answers: filtered assignments, the bodies and the
// tasks they share, the counts under each picture, and the files a picture is saved as.
"use strict";

const Pictures = (() => {
  const KIND_GROUPS = {
    MunicipalGovernment: "municipal", MunicipalDepartment: "municipal",
    VerticallyManagedBureau: "municipal", DistrictGovernment: "district",
    CollectiveAssignee: "collective", ProvincialGovernment: "provincial",
    ProvincialDepartment: "provincial", NationalAgency: "national", CentralGovernment: "national",
  };
  const GROUPS = {
    municipal: { zh: "市级部门", en: "municipal", colour: "#1f6fb2" },
    district: { zh: "区政府", en: "district", colour: "#2a9d5b" },
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

  function filtered(assignments, filters) {
    return assignments.filter((a) =>
      (!filters.document || a.doc === filters.document) &&
      (!filters.theme || a.theme === filters.theme) &&
      (!filters.role || a.role === filters.role));
  }

  // The bodies with the distinct tasks they lead and cooperate on, and the pairs sharing tasks.
  function network(assignments) {
    const bodies = new Map();
    const byTask = new Map();
    for (const a of assignments) {
      if (!bodies.has(a.body)) {
        bodies.set(a.body, { id: a.body, name: a.name, kind: a.kind, group: group(a.kind), lead: new Set(), cooperating: new Set() });
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

  // The network as drawn (positions from Cytoscape) in SVG: edges, nodes coloured by kind, labels.
  function networkSvg(cy) {
    const box = cy.elements().boundingBox();
    const pad = 20;
    const parts = [];
    cy.edges().forEach((edge) => {
      const s = edge.source().position(), t = edge.target().position();
      parts.push(`<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="#9aa9b8" stroke-width="${edge.data("width")}"/>`);
    });
    cy.nodes().forEach((node) => {
      const p = node.position(), r = node.data("size") / 2;
      parts.push(`<circle cx="${p.x}" cy="${p.y}" r="${r}" fill="${node.data("colour")}" opacity="0.85"/>`);
      parts.push(`<text x="${p.x}" y="${p.y + r + 11}" font-size="10" text-anchor="middle">${escapeXml(node.data("label"))}</text>`);
    });
    const viewBox = `${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad + 12}`;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" font-family="sans-serif">${parts.join("")}</svg>`;
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

  return { GROUPS, group, rows, filtered, network, tasks, csv, networkSvg, download, svgToPng };
})();
