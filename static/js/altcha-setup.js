/* ALTCHA's proof of work runs in a worker served from our own origin (no blob:, no eval). */
(function () {
  "use strict";
  var widget = document.querySelector("altcha-widget[data-worker]");
  if (!widget || !window.$altcha) { return; }
  var url = widget.getAttribute("data-worker");
  window.$altcha.algorithms.set("PBKDF2/SHA-256", function () { return new Worker(url); });
})();
