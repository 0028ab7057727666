// Behaviour every page may use. The content security policy allows scripts from files only, so
// templates declare behaviour with data attributes and this file wires it up.
(function () {
  'use strict';

  // <button data-history-back>: the browser's back button, for pages such as the error page.
  document.addEventListener('click', function (event) {
    const back = event.target.closest('[data-history-back]');
    if (back) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
