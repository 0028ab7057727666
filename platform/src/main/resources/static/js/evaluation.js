// 量化评价 and 积分模型 pages. The platform's content security policy allows scripts from files only, so
// behaviour is declared with data attributes in the templates and wired up here.
(function () {
  'use strict';

  // A run that finished while its page polled: reload once so that its results and actions appear.
  document.addEventListener('htmx:afterSwap', function (event) {
    const progress = document.getElementById('run-progress');
    if (progress && progress.getAttribute('data-finished') === 'true' && event.detail.target === progress) {
      window.location.reload();
    }
  });

  // <div data-stage-weights='{"stages": [...], "series": [{"name", "data"}]}'>: stacked bars per stage.
  function weightsChart() {
    const el = document.querySelector('[data-stage-weights]');
    if (!el || !window.echarts) {
      return;
    }
    const chart = JSON.parse(el.getAttribute('data-stage-weights'));
    const colours = ['#1f5fbf', '#2a9d8f', '#c58a00', '#6c4bb4'];
    window.echarts.init(el).setOption({
      animation: false,
      grid: {left: 44, right: 10, top: 34, bottom: 24},
      legend: {top: 0, textStyle: {fontSize: 11}},
      tooltip: {trigger: 'axis'},
      xAxis: {type: 'category', data: chart.stages},
      yAxis: {type: 'value', name: '分', nameTextStyle: {fontSize: 11}},
      series: chart.series.map(function (s, i) {
        return {name: s.name, type: 'bar', stack: 'weights', data: s.data, itemStyle: {color: colours[i % colours.length]}};
      })
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', weightsChart);
  } else {
    weightsChart();
  }
})();
