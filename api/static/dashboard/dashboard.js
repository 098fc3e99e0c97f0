/* Draws the dashboard's charts with the vendored Chart.js from the JSON in #dashboard-data.
 * Suppressed figures ("< 5") arrive as null and are left out. Without JavaScript the tables
 * below each chart carry the same figures. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof window.Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var css = getComputedStyle(document.documentElement);
  var ACCENT = css.getPropertyValue("--accent").trim() || "#0b6e69";
  var SOFT = css.getPropertyValue("--accent-soft").trim() || "#d7efed";
  var WARN = css.getPropertyValue("--warn").trim() || "#b4530a";
  var MUTED = css.getPropertyValue("--muted").trim() || "#5b6675";
  var nl = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

  Chart.defaults.font.family = css.fontFamily;
  Chart.defaults.color = MUTED;
  Chart.defaults.plugins.legend.display = false;
  Chart.defaults.maintainAspectRatio = false;

  function hasData(values) {
    return values.some(function (v) { return v !== null && v !== undefined; });
  }

  // A chart is drawn only when it has figures; where some are hidden ("< 5") a note says so, so a
  // missing bar is not read as zero.
  function draw(id, config, values) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    var box = canvas.parentElement;
    if (!hasData(values)) {
      box.insertAdjacentHTML("afterend", '<p class="note chart__gaps">Nog te weinig gesprekken voor een grafiek: ' +
        'groepen van minder dan 5 tonen we niet. De cijfers staan in de tabel.</p>');
      return;
    }
    box.classList.add("is-drawn");
    new Chart(canvas, config);
    if (values.some(function (v) { return v === null || v === undefined; })) {
      box.insertAdjacentHTML("afterend", '<p class="note chart__gaps">Waar een staaf of punt ontbreekt, gaat het om ' +
        'minder dan 5 gesprekken (in de tabel: &lt; 5).</p>');
    }
  }

  function percentAxis(max) {
    return { beginAtZero: true, suggestedMax: max, ticks: { callback: function (v) { return nl.format(v) + "%"; } } };
  }

  // Long category labels (funnel steps, questions) are shortened on the axis; the tooltip has them whole.
  function shortLabel(max) {
    return function (value) {
      var label = String(this.getLabelForValue(value));
      var limit = window.innerWidth < 480 ? Math.min(max, 14) : max;
      return label.length > limit ? label.slice(0, limit - 1) + "\u2026" : label;
    };
  }

  var tooltipCount = { callbacks: { label: function (c) { return " " + nl.format(c.raw); } } };
  var tooltipPercent = { callbacks: { label: function (c) { return " " + c.dataset.label + ": " + nl.format(c.raw) + "%"; } } };

  draw("chart-funnel", {
    type: "bar",
    data: { labels: data.funnel.labels, datasets: [{ data: data.funnel.values, backgroundColor: ACCENT, borderRadius: 4 }] },
    options: { indexAxis: "y", plugins: { tooltip: tooltipCount },
               scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { callback: shortLabel(30) } } } }
  }, data.funnel.values);

  draw("chart-levels", {
    type: "bar",
    data: { labels: data.levels.labels, datasets: [{
      data: data.levels.values, borderRadius: 4,
      backgroundColor: data.levels.target.map(function (t) { return t ? ACCENT : SOFT; })
    }] },
    options: { plugins: { tooltip: tooltipCount }, scales: { y: { beginAtZero: true } } }
  }, data.levels.values);

  // With a few weeks, bars side by side read better than a line between two dots.
  draw("chart-weeks", {
    type: data.weeks.bars ? "bar" : "line",
    data: { labels: data.weeks.labels, datasets: [
      { label: "Gestart", data: data.weeks.started, borderColor: MUTED, backgroundColor: MUTED, spanGaps: false,
        borderRadius: 4, maxBarThickness: 48 },
      { label: "Afgerond", data: data.weeks.completed, borderColor: ACCENT, backgroundColor: ACCENT, spanGaps: false,
        borderRadius: 4, maxBarThickness: 48 }
    ] },
    options: { plugins: { legend: { display: true }, tooltip: tooltipCount },
               scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  }, data.weeks.started.concat(data.weeks.completed));

  var baseline = data.breakdown.labels.map(function () { return data.breakdown.baseline; });
  draw("chart-breakdown", {
    type: "bar",
    data: { labels: data.breakdown.labels, datasets: [
      { type: "line", label: "Basislijn", data: baseline, borderColor: WARN, borderDash: [6, 4], pointRadius: 0 },
      { label: "Doelgroepaandeel", data: data.breakdown.target_share, backgroundColor: ACCENT, borderRadius: 4 }
    ] },
    options: { plugins: { legend: { display: true }, tooltip: tooltipPercent }, scales: { y: percentAxis(50) } }
  }, data.breakdown.target_share);

  draw("chart-dropoff", {
    type: "bar",
    data: { labels: data.dropoff.labels, datasets: [{ data: data.dropoff.values, backgroundColor: WARN, borderRadius: 4 }] },
    options: { plugins: { tooltip: tooltipCount },
               scales: { x: { ticks: { callback: shortLabel(22), autoSkip: false, maxRotation: 60 } },
                         y: { beginAtZero: true, ticks: { precision: 0 } } } }
  }, data.dropoff.values);
})();
