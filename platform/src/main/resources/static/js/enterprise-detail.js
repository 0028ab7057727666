// 企业详情: the small line chart of the enterprise's published totals by year. The numbers come from
// data attributes written by the server (the page's CSP allows no inline script).
(function () {
  'use strict';

  function drawHistory() {
    var el = document.getElementById('score-history');
    if (!el || typeof window.echarts === 'undefined') {
      return;
    }
    var years = el.dataset.years ? el.dataset.years.split(',') : [];
    var totals = el.dataset.totals ? el.dataset.totals.split(',').map(Number) : [];
    var blue = getComputedStyle(document.documentElement).getPropertyValue('--app-blue').trim() || '#1f5fbf';
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 48, top: 32, bottom: 32 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return Number(v).toFixed(2) + ' 分'; } },
      xAxis: { type: 'category', data: years, name: '年度', nameLocation: 'end', axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', name: '积分（分）', min: 0, splitLine: { lineStyle: { color: '#e6ebf2' } } },
      series: [{
        name: el.dataset.name || '创新积分', type: 'line', data: totals, symbolSize: 8,
        lineStyle: { width: 2, color: blue }, itemStyle: { color: blue },
        label: { show: true, position: 'top', formatter: function (p) { return Number(p.value).toFixed(2); } }
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawHistory);
  } else {
    drawHistory();
  }
})();
