// 积分模型 form editor. The content security policy allows scripts from files only, so the template marks
// what to wire up with data attributes. The totals shown here are a live aid while typing; whether a model
// is valid is decided by the engine when the form is checked or saved.
(function () {
  'use strict';

  const form = document.getElementById('model-form');
  if (!form) {
    return;
  }

  // Messages come from messages.properties through the form's data-sum-* attributes ({0}, {1} filled in).
  function text(key, a, b) {
    const template = form.getAttribute('data-sum-' + key) || '';
    return template.replace('{0}', a === undefined ? '' : a).replace('{1}', b === undefined ? '' : b);
  }

  // Typed numbers as the form keeps them: blank counts as nothing, anything else that is no number makes
  // the total unknown (the engine names that input when the form is checked).
  function number(text) {
    const t = (text || '').trim();
    if (t === '') {
      return 0;
    }
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
  }

  // Sums in binary64 as the engine does; shown rounded to what a person typed (at most six decimals).
  function plain(value) {
    return String(Math.round(value * 1e6) / 1e6);
  }

  function updateSums() {
    const coreInput = form.querySelector('[data-core-total]');
    const core = coreInput ? number(coreInput.value) : NaN;
    form.querySelectorAll('[data-sum-stage]').forEach(function (output) {
      const stage = output.getAttribute('data-sum-stage');
      let sum = 0;
      form.querySelectorAll('[data-weight-stage="' + stage + '"]').forEach(function (input) {
        sum += number(input.value);
      });
      const check = form.querySelector('[data-sum-check="' + stage + '"]');
      output.textContent = isNaN(sum) ? '?' : plain(sum);
      const matches = !isNaN(sum) && !isNaN(core) && Math.abs(sum - core) <= 1e-9;
      output.classList.toggle('mf-sum-ok', matches);
      output.classList.toggle('mf-sum-off', !matches);
      if (!check) {
        return;
      }
      if (isNaN(sum)) {
        check.textContent = text('nan');
      } else if (isNaN(core)) {
        check.textContent = text('nocore');
      } else if (matches) {
        check.textContent = text('ok', plain(core));
      } else if (sum < core) {
        check.textContent = text('short', plain(core), plain(core - sum));
      } else {
        check.textContent = text('over', plain(core), plain(sum - core));
      }
      check.classList.toggle('mf-sum-ok', matches);
      check.classList.toggle('mf-sum-off', !matches);
    });
  }

  // An indicator shows the part its scoring needs: bands for 分档, member values for 集合.
  function showTransformPart(select) {
    const group = select.closest('[data-indicator]');
    if (!group) {
      return;
    }
    let any = false;
    group.querySelectorAll('[data-part]').forEach(function (part) {
      const shown = part.getAttribute('data-part') === select.value;
      part.hidden = !shown;
      any = any || shown;
    });
    const detail = group.querySelector('[data-detail]');
    if (detail) {
      detail.hidden = !any;
    }
  }

  // A veto takes no points: its deduction input is hidden and not written into the model.
  function showDeduction(select) {
    const row = select.closest('[data-negative]');
    const points = row && row.querySelector('[data-deduction]');
    if (points) {
      points.hidden = select.value === 'veto';
    }
  }

  form.addEventListener('input', function (event) {
    if (event.target.matches('[data-weight-stage], [data-core-total]')) {
      updateSums();
    }
  });
  form.addEventListener('change', function (event) {
    const target = event.target;
    if (target.matches('[data-transform]')) {
      showTransformPart(target);
    } else if (target.matches('[data-effect]')) {
      showDeduction(target);
    } else if (target.matches('[data-negative] select:not([data-effect])')) {
      // the item is named after the chosen circumstance, as the engine names an item without a name
      const name = target.closest('[data-negative]').querySelector('[data-negative-name]');
      if (name) {
        name.value = target.selectedIndex > 0 ? target.options[target.selectedIndex].text : '';
      }
    }
  });
  updateSums();
}());
