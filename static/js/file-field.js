/* A file input is visually hidden behind our own translated button (templates/forms/field.html,
   the nomination form's documents): say which files were chosen, as the browser's own control would. */
(function () {
  "use strict";
  function files() {
    document.querySelectorAll(".file-field").forEach(function (wrapper) {
      var input = wrapper.querySelector("input[type=file]");
      var chosen = wrapper.querySelector(".file-field__chosen");
      if (!input || !chosen) { return; }
      input.addEventListener("change", function () {
        var names = Array.prototype.map.call(input.files, function (file) { return file.name; });
        chosen.textContent = names.length
          ? chosen.getAttribute("data-chosen") + " " + names.join(", ")
          : chosen.getAttribute("data-none");
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", files);
  } else {
    files();
  }
})();
