// Behaviour every page shares. The content security policy allows scripts from files only, so templates
// declare behaviour with data attributes and this file wires it up.
(function () {
  'use strict';

  // <form data-confirm="确定……"> asks before submitting; data-confirm-input names a field whose value is
  // appended (e.g. the notice end date), so the question names exactly what will happen.
  document.addEventListener('submit', function (event) {
    const form = event.target;
    const question = form.getAttribute('data-confirm');
    if (!question) {
      return;
    }
    const field = form.getAttribute('data-confirm-input');
    const extra = field && form.elements[field] ? form.elements[field].value + '。' : '';
    if (!window.confirm(question + extra)) {
      event.preventDefault();
    }
  }, true);

  // <button data-history-back>: the browser's back button, for pages such as the error page.
  document.addEventListener('click', function (event) {
    const back = event.target.closest('[data-history-back]');
    if (back) {
      event.preventDefault();
      window.history.back();
    }
  });

  // <select data-autosubmit> filters apply as soon as a value is picked.
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-autosubmit]') && event.target.form) {
      event.target.form.submit();
    }
  });

  // <select data-binding-for="role"> next to fields marked data-binding="ENTERPRISE" / "BANK": only the
  // field the chosen role needs is shown (the server checks the binding either way).
  function showBindings(select) {
    const form = select.form;
    if (!form) {
      return;
    }
    form.querySelectorAll('[data-binding]').forEach(function (el) {
      el.hidden = el.getAttribute('data-binding') !== select.value;
    });
  }
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-role-select]')) {
      showBindings(event.target);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select[data-role-select]').forEach(showBindings);
  });
})();
