// 企业详情 / 我的积分 / 银行查看: the line chart of an enterprise's published totals — and its rank in the
// stage, on an inverted right axis so that "up" is better for both — by year. The numbers come from data
// attributes written by the server (the page's CSP allows no inline script).
(function () {
  'use strict';

  function numbers(text) {
    return text ? text.split(',').map(function (v) { return v === '' || v === 'null' ? null : Number(v); }) : [];
  }

  function drawHistory() {
    var el = document.getElementById('score-history');
    if (!el || typeof window.echarts === 'undefined') {
      return;
    }
    var years = el.dataset.years ? el.dataset.years.split(',') : [];
    var totals = numbers(el.dataset.totals);
    var ranks = numbers(el.dataset.ranks);
    var hasRanks = ranks.some(function (r) { return r !== null; });
    var blue = getComputedStyle(document.documentElement).getPropertyValue('--app-blue').trim() || '#1f5fbf';
    var amber = '#b7791f';
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    var series = [{
      name: el.dataset.name || '创新积分', type: 'line', data: totals, symbolSize: 8,
      lineStyle: { width: 2, color: blue }, itemStyle: { color: blue },
      label: { show: true, position: 'top', formatter: function (p) { return Number(p.value).toFixed(2); } }
    }];
    var yAxis = [{ type: 'value', name: '积分（分）', min: 0, splitLine: { lineStyle: { color: '#e6ebf2' } } }];
    if (hasRanks) {
      yAxis.push({ type: 'value', name: '阶段内排名', inverse: true, minInterval: 1, min: 1, splitLine: { show: false } });
      series.push({
        name: el.dataset.rankName || '阶段内排名', type: 'line', yAxisIndex: 1, data: ranks, symbolSize: 7,
        lineStyle: { width: 2, type: 'dashed', color: amber }, itemStyle: { color: amber },
        label: { show: true, position: 'bottom', formatter: function (p) { return '第' + p.value + '名'; } }
      });
    }
    chart.setOption({
      animation: false,
      grid: { left: 56, right: hasRanks ? 64 : 48, top: 40, bottom: 32 },
      legend: hasRanks ? { top: 0, right: 8 } : undefined,
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: years, name: '年度', nameLocation: 'end', axisTick: { alignWithLabel: true } },
      yAxis: yAxis,
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawHistory);
  } else {
    drawHistory();
  }
})();
