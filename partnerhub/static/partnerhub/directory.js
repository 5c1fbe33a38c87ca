// Directory lists: on a small screen, fold the filters away so the results come first.
// Without JavaScript the filters simply stay open.
(function () {
  "use strict";
  function fold() {
    if (!window.matchMedia("(max-width: 52rem)").matches) return;
    document.querySelectorAll("details[data-collapse-on-small-screens]").forEach(function (panel) {
      panel.open = false;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fold);
  } else {
    fold();
  }
})();
