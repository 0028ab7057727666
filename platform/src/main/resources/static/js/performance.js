// 预算绩效监控: each indicator's trend — its completion (%) in the monthly snapshots — as a small line. The
// numbers come from data attributes written by the server (the page's CSP allows no inline script).
(function () {
  'use strict';

  function draw() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var blue = getComputedStyle(document.documentElement).getPropertyValue('--app-blue').trim() || '#1f5fbf';
    document.querySelectorAll('.perf-spark[data-months]').forEach(function (el) {
      var months = el.dataset.months.split(',');
      var values = el.dataset.values.split(',').map(function (v) { return v === '' ? null : Number(v); });
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        grid: { left: 2, right: 2, top: 4, bottom: 4 },
        tooltip: { trigger: 'axis', confine: true, formatter: function (p) {
          return p[0].axisValue + '：' + (p[0].value === null ? '无数据' : p[0].value + '%');
        } },
        xAxis: { type: 'category', data: months, show: false },
        yAxis: { type: 'value', min: 0, show: false },
        series: [{ type: 'line', data: values, symbolSize: 4, connectNulls: true,
          lineStyle: { width: 1.5, color: blue }, itemStyle: { color: blue } }]
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
