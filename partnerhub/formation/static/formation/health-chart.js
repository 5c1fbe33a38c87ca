/*
 * Draws a partnership's health check over time with Apache ECharts (the workspace's
 * vendored copy, loaded before this file).
 *
 * The chart is an element with data-health-chart naming a <script type="application/json">
 * block (Django's json_script) holding {labels: [dates], series: [{name, values}], min, max}:
 * one line per factor and one for the overall mean. The table below the chart shows the
 * same figures, so without JavaScript nothing is lost.
 */
(function () {
  "use strict";

  var PALETTE = ["#0b6e4f", "#d9822b", "#3d7ab8", "#8f5aa8", "#a4262c", "#5b6775", "#b8860b", "#111111"];

  function options(data) {
    var last = data.series.length - 1;
    return {
      color: PALETTE,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", top: 0 },
      grid: { containLabel: true, left: 8, right: 24, top: 40, bottom: 8 },
      xAxis: { type: "category", data: data.labels, boundaryGap: false },
      yAxis: { type: "value", min: data.min, max: data.max, interval: 1 },
      series: data.series.map(function (series, index) {
        return {
          type: "line",
          name: series.name,
          data: series.values,
          connectNulls: true,
          symbolSize: 6,
          // The overall mean stands out.
          lineStyle: { width: index === last ? 4 : 2 }
        };
      })
    };
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-health-chart"));
    if (!source || typeof window.echarts === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    container.classList.add("ws-chart--drawn");
    var chart = window.echarts.init(container, null, { renderer: "svg" });
    chart.setOption(options(data));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll() {
    var containers = document.querySelectorAll("[data-health-chart]");
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
