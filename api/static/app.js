// The web page: Yasgui pointed at this endpoint, the vocabulary's prefixes preloaded, and the
// example questions, each loading its query into the editor and running it with one click.
"use strict";

(async function main() {
  const endpoint = new URL("/sparql", window.location.href).href;
  document.getElementById("endpoint").textContent = endpoint;
  const catalogue = await (await fetch("/api/examples")).json();
  const prologue = Object.entries(catalogue.prefixes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, iri]) => `PREFIX ${name}: <${iri}>`)
    .join("\n");

  // No calls to outside vocabulary services: keep only the completers that work offline.
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.value = `${prologue}\n\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n`;
  const yasgui = new Yasgui(document.getElementById("editor"), {
    requestConfig: { endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    persistenceId: null,
    yasr: { prefixes: catalogue.prefixes },
  });

  // /?query=... (from the explore page's "open in the editor") loads that query.
  const asked = new URLSearchParams(window.location.search).get("query");
  if (asked) yasgui.getTab().setQuery(asked);

  const list = document.getElementById("examples");
  for (const example of catalogue.examples) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.example = example.id;
    const zh = document.createElement("span");
    zh.lang = "zh";
    zh.textContent = example.zh;
    const en = document.createElement("span");
    en.lang = "en";
    en.className = "en";
    en.textContent = example.en;
    button.append(zh, en);
    button.addEventListener("click", () => {
      const tab = yasgui.getTab();
      tab.setQuery(example.query);
      tab.getYasqe().query();
    });
    item.append(button);
    list.append(item);
  }
})();
