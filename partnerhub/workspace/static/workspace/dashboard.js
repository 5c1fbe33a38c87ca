/*
 * Draws the hub dashboard's charts with Apache ECharts (vendor/echarts, loaded before this).
 *
 * Each chart is an element with data-chart-source naming a <script type="application/json">
 * block (Django's json_script) that holds {kind: "bar" | "hbar" | "pie", labels: [...],
 * series: [{name, values}]}. The table next to each chart shows the same figures, so the
 * charts are only an enhancement: without JavaScript (or ECharts) nothing is lost.
 */
(function () {
  "use strict";

  var PALETTE = ["#0b6e4f", "#d9822b", "#3d7ab8", "#8f5aa8", "#8a9199"];

  function barOptions(data, horizontal) {
    var categories = { type: "category", data: data.labels, axisLabel: { width: 220, overflow: "truncate" } };
    var values = { type: "value", minInterval: 1 };
    if (horizontal) {
      // Progress in per cent: the axis always reaches 100 (the target).
      values.max = function (extent) { return Math.max(100, extent.max); };
    }
    return {
      color: PALETTE,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { show: data.series.length > 1, top: 0 },
      grid: { containLabel: true, left: 8, right: 24, top: data.series.length > 1 ? 32 : 12, bottom: 8 },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? categories : values,
      series: data.series.map(function (series) {
        return { type: "bar", name: series.name, data: series.values, barMaxWidth: 48 };
      })
    };
  }

  function pieOptions(data) {
    var series = data.series[0] || { name: "", values: [] };
    return {
      color: PALETTE,
      tooltip: { trigger: "item" },
      legend: { bottom: 0 },
      series: [{
        type: "pie",
        name: series.name,
        radius: ["40%", "70%"],
        data: data.labels.map(function (label, index) {
          return { name: label, value: series.values[index] };
        })
      }]
    };
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-chart-source"));
    if (!source || typeof window.echarts === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    container.classList.add("ws-chart--drawn");
    if (data.kind === "hbar") {
      // One bar per row: the chart grows with the number of indicators.
      container.style.height = Math.max(160, 32 * data.labels.length + 48) + "px";
    }
    var chart = window.echarts.init(container, null, { renderer: "svg" });
    chart.setOption(data.kind === "pie" ? pieOptions(data) : barOptions(data, data.kind === "hbar"));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll() {
    var containers = document.querySelectorAll("[data-chart-source]");
    for (var i = 0; i < containers.length; i++) {
      draw(containers[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
