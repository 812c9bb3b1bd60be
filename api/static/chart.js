// A chart view of SELECT results in the editor (a Yasr plugin): bars or a line of a number
// column over a label column, drawn with Observable Plot (vendored, like the explore page's).
"use strict";

const NUMERIC = /#(integer|decimal|double|float|int|long|short|nonNegativeInteger|positiveInteger)$/;

class ChartPlugin {
  constructor(yasr) {
    this.yasr = yasr;
    this.priority = 1;
    this.label = "Chart 图表";
    this.options = { label: null, number: null, kind: "bar" };
  }

  columns() {
    const variables = this.yasr.results.getVariables();
    const bindings = this.yasr.results.getBindings() || [];
    const numeric = variables.filter((v) => bindings.length && bindings.every((b) => !b[v] || (b[v].type !== "uri" && NUMERIC.test(b[v].datatype || ""))) && bindings.some((b) => b[v]));
    const labels = variables.filter((v) => !numeric.includes(v));
    return { bindings, numeric, labels };
  }

  canHandleResults() {
    const results = this.yasr.results;
    if (!results || !results.getVariables || !results.getBindings || !results.getBindings()) return false;
    const { numeric, labels } = this.columns();
    return numeric.length > 0 && labels.length > 0;
  }

  draw() {
    const { bindings, numeric, labels } = this.columns();
    const chosen = {
      label: labels.includes(this.options.label) ? this.options.label : labels[0],
      number: numeric.includes(this.options.number) ? this.options.number : numeric[0],
      kind: this.options.kind,
    };
    const box = document.createElement("div");
    box.className = "policykg-chart";
    const controls = document.createElement("p");
    const picker = (name, values, current) => {
      const select = document.createElement("select");
      select.dataset.option = name;
      for (const value of values) select.add(new Option(value, value, false, value === current));
      select.addEventListener("change", () => { this.options[name] = select.value; this.yasr.draw(); });
      return select;
    };
    controls.append("标签 label ", picker("label", labels, chosen.label), " 数值 number ",
      picker("number", numeric, chosen.number), " ", picker("kind", ["bar", "line"], chosen.kind));
    const data = bindings.map((b) => ({ label: b[chosen.label] ? b[chosen.label].value : "", value: Number(b[chosen.number] ? b[chosen.number].value : NaN) }));
    const mark = chosen.kind === "line"
      ? [Plot.lineY(data, { x: "label", y: "value", marker: true }), Plot.ruleY([0])]
      : [Plot.barY(data, { x: "label", y: "value", fill: "#1f6fb2", tip: true }), Plot.ruleY([0])];
    const chart = Plot.plot({
      width: 900, height: 420, marginBottom: 120,
      x: { label: chosen.label, tickRotate: -40, domain: data.map((d) => d.label) },
      y: { label: chosen.number, grid: true },
      marks: mark,
    });
    box.append(controls, chart);
    this.yasr.resultsEl.appendChild(box);
  }

  getIcon() {
    const icon = document.createElement("span");
    icon.textContent = "▮";
    return icon;
  }
}

Yasgui.Yasr.registerPlugin("chart", ChartPlugin);
