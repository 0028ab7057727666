// 统计看板 and 领导视图: draws each chart container (data-chart) from the page's JSON (/analytics/data with
// the page's filters; the CSP allows no inline script). Every bar and point links to the enterprise list
// behind it; the toolbox saves the chart as PNG. Colours are app.css's stage and tier variables.
(function () {
  'use strict';

  function cssVar(name, fallback) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  }

  var COLOURS = {
    LEAD: cssVar('--app-tier-lead', '#8a5a00'), RUN: cssVar('--app-tier-run', '#3f5878'),
    RISE: cssVar('--app-tier-rise', '#23683f'), NONE: '#c3ccd8',
    STARTUP: cssVar('--app-stage-startup', '#1d6f65'), GROWTH: cssVar('--app-stage-growth', '#1f5fbf'),
    MATURE: cssVar('--app-stage-mature', '#5a3d9a'), STAGE: '#8fa3bf'
  };
  // indicators have no colour of their own: a palette told apart on a projector, repeating after twelve
  var PALETTE = ['#1f5fbf', '#c2571a', '#23683f', '#8a5a00', '#5a3d9a', '#1d6f65', '#b0304a', '#3f5878',
    '#6b8e23', '#d08c00', '#0089a7', '#7a4f9a'];

  function option(chart, el, large) {
    // the industries and the indicator averages have long names: bars run across
    var horizontal = chart.id === 'industries' || chart.id.indexOf('averages-') === 0;
    var line = chart.id === 'trend' || chart.id.indexOf('medians-') === 0;
    // only the tier charts stack (the tiers of a category add up to it); averages stand side by side
    var stacked = !line && chart.id.indexOf('averages-') !== 0;
    var font = large ? 16 : 12;
    var category = { type: 'category', data: chart.categories, axisLabel: { fontSize: font, color: '#4a5a6e',
      interval: 0, rotate: !horizontal && !line && chart.categories.length > 8 ? 30 : 0 } };
    // a trend's averages differ by a few points on a scale of hundreds: the axis starts near them, not at 0
    var value = { type: 'value', name: chart.valueLabel, nameTextStyle: { fontSize: font, color: '#4a5a6e' },
      scale: line, axisLabel: { fontSize: font, color: '#4a5a6e' }, splitLine: { lineStyle: { color: '#e6ebf2' } } };
    if (horizontal) {
      category.inverse = true;
      category.axisLabel.width = 200;
      category.axisLabel.overflow = 'truncate';
      value.nameLocation = 'middle';
      value.nameGap = 28;
    } else {
      // the axis name starts at the axis instead of centring on it, where the card's edge would cut it
      value.nameTextStyle.align = 'left';
    }
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      tooltip: { trigger: line ? 'axis' : 'item' },
      legend: { type: 'scroll', top: 0, left: 'center', right: 48, textStyle: { fontSize: font } },
      toolbox: { right: 8, top: 0, feature: { saveAsImage: { title: el.dataset.saveTitle || '保存为图片',
        name: chart.title, pixelRatio: 2, backgroundColor: '#fff' } } },
      grid: { left: 8, right: 24, top: 56, bottom: horizontal ? 28 : 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: chart.series.map(function (s, i) {
        return {
          type: line ? 'line' : 'bar', name: s.name, stack: stacked ? 'total' : undefined, connectNulls: true,
          barMaxWidth: 36, symbolSize: large ? 12 : 8, cursor: 'pointer',
          itemStyle: { color: COLOURS[s.key] || PALETTE[i % PALETTE.length] }, lineStyle: { width: large ? 4 : 2 },
          label: line && large ? { show: true, position: 'top', fontSize: font, formatter: function (p) { return p.value == null ? '' : Number(p.value).toFixed(2); } } : undefined,
          data: s.points.map(function (p) { return { value: p.value, url: p.url }; })
        };
      })
    };
  }

  function draw(charts) {
    var source = document.getElementById('analytics-data');
    var large = source && source.dataset.large === 'true';
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var chart = charts.filter(function (c) { return c.id === el.dataset.chart; })[0];
      if (!chart) {
        return;
      }
      var instance = window.echarts.init(el, null, { renderer: 'svg' });
      instance.setOption(option(chart, el, large));
      // drill-down: the enterprise list the clicked bar or point counts
      instance.on('click', function (params) {
        if (params.data && params.data.url) {
          window.location.href = params.data.url;
        }
      });
      el.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { instance.resize(); });
    });
  }

  function start() {
    var source = document.getElementById('analytics-data');
    if (!source || typeof window.echarts === 'undefined') {
      return;
    }
    fetch(source.dataset.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
