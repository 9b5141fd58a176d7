// The section forms of the candidate page and the final-selection page are sent by htmx
// (hx-post, hx-target="closest section" or "closest article", laurel/core/sections.py):
// a refused form (400, or 409 when a service refused) comes back as its section, errors next
// to the fields, and replaces the section in place; htmx leaves error responses unswapped
// unless told. A section saved in place (the final-selection page's laureate texts) comes back
// with a status message. Once swapped, the focus goes to the first field in error, or to the
// form's errors or status, so a keyboard or screen-reader user lands where the message is.
(function () {
  "use strict";
  var REFUSED = [400, 409];
  var SECTIONS = ["SECTION", "ARTICLE"];
  var swapped = null;

  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status !== 200 && REFUSED.indexOf(status) === -1) { return; }
    var section = event.detail.target;
    if (!section || SECTIONS.indexOf(section.tagName) === -1) { return; }
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    // How to find the section again once it is replaced: by its id, or by its heading's.
    swapped = section.id ? "#" + CSS.escape(section.id) :
      'section[aria-labelledby="' + section.getAttribute("aria-labelledby") + '"]';
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!swapped) { return; }
    var section = document.querySelector(swapped);
    swapped = null;
    if (!section) { return; }
    // A section saved in place (200) says so in a status message: the focus goes there.
    var target = section.querySelector('[aria-invalid="true"]') ||
      section.querySelector('[role="alert"], .errorlist, [role="status"]');
    if (!target) { return; }
    if (!target.matches("input, select, textarea")) { target.setAttribute("tabindex", "-1"); }
    target.focus();
  });
})();
