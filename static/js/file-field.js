/* A file input is visually hidden behind our own translated button (templates/forms/field.html,
   the nomination form's documents): say which files were chosen, as the browser's own control would.
   Listened for on the document, so a field htmx swaps in later (a candidate page section) works too. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches(".file-field input[type=file]")) { return; }
    var chosen = input.closest(".file-field").querySelector(".file-field__chosen");
    if (!chosen) { return; }
    var names = Array.prototype.map.call(input.files, function (file) { return file.name; });
    chosen.textContent = names.length
      ? chosen.getAttribute("data-chosen") + " " + names.join(", ")
      : chosen.getAttribute("data-none");
  });
})();
