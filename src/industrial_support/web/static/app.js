// Page behaviour that would otherwise be inline script (forbidden by the CSP).
(function () {
  "use strict";
  // A form answered with 422 comes back with its messages beside the fields: swap it in
  // (htmx does not swap 4xx answers by default). Opt in with data-swap-unprocessable.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.target;
    if (event.detail.xhr.status === 422 && target.closest && target.closest("[data-swap-unprocessable]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  // "Back" links go back in the history when there is one, else follow their href.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-history-back]");
    if (link && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
