// 我的积分: the radar of my indicator points (as a share of each indicator's maximum) against the median
// of my stage in the same published run. Data comes from data attributes (the CSP allows no inline script).
(function () {
  'use strict';

  function drawRadar() {
    var el = document.getElementById('my-radar');
    if (!el || typeof window.echarts === 'undefined') {
      return;
    }
    var names = el.dataset.names ? el.dataset.names.split('|') : [];
    var mine = el.dataset.mine ? el.dataset.mine.split(',').map(Number) : [];
    var median = el.dataset.median ? el.dataset.median.split(',').map(Number) : [];
    var blue = getComputedStyle(document.documentElement).getPropertyValue('--app-blue').trim() || '#1f5fbf';
    var grey = '#8a97a8';
    // on a phone the eighteen axis names do not fit around the radar: shorter names, a smaller radar (the
    // full names are in the tooltip and the data table under the chart)
    var narrow = el.clientWidth < 520;
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      legend: { bottom: 0 },
      tooltip: { trigger: 'item' },
      radar: {
        radius: narrow ? '52%' : '62%',
        center: ['50%', '48%'],
        indicator: names.map(function (n) { return { name: n, max: 100 }; }),
        axisName: {
          color: '#4a5a6e', fontSize: narrow ? 10 : 11,
          formatter: function (name) { return narrow && name.length > 5 ? name.slice(0, 5) + '…' : name; }
        },
        splitLine: { lineStyle: { color: '#e0e6ee' } },
        splitArea: { areaStyle: { color: ['#fbfcfe', '#f4f7fb'] } }
      },
      series: [{
        type: 'radar',
        data: [
          { value: median, name: el.dataset.medianName || '同阶段中位数',
            lineStyle: { color: grey, type: 'dashed' }, itemStyle: { color: grey }, areaStyle: { color: 'rgba(138,151,168,0.12)' } },
          { value: mine, name: el.dataset.mineName || '本企业',
            lineStyle: { color: blue, width: 2 }, itemStyle: { color: blue }, areaStyle: { color: 'rgba(31,95,191,0.18)' } }
        ]
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawRadar);
  } else {
    drawRadar();
  }
})();
