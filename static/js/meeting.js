// The meeting page follows the chair by polling a small fragment (htmx, every few seconds).
// While the page is hidden (another tab, a locked screen) no request is sent; when it is
// shown again, the fragment is asked for at once. The server answers 204 when nothing has
// changed, so htmx leaves the screen (and whatever has focus in it) as it is.
(function () {
  "use strict";
  var SELECTOR = "[data-meeting-poll]";
  document.addEventListener("htmx:beforeRequest", function (event) {
    var element = event.detail && event.detail.elt;
    if (document.hidden && element && element.matches && element.matches(SELECTOR)) {
      event.preventDefault();
    }
  });
  document.addEventListener("visibilitychange", function () {
    var element = document.querySelector(SELECTOR);
    if (!document.hidden && element && window.htmx) {
      window.htmx.ajax("GET", element.getAttribute("hx-get"), { source: element, target: element, swap: "outerHTML" });
    }
  });
})();
