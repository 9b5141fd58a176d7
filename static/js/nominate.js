/* The nomination form, improved: character counters and focus on the first error.
   Everything here is optional; the form works the same without it. */
(function () {
  "use strict";

  function counters() {
    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      if (!field) { return; }
      var limit = parseInt(field.getAttribute("data-maxlength"), 10);
      var template = counter.getAttribute("data-template") || "%(count)s / %(limit)s";
      var announced = false;
      function update() {
        var count = field.value.length;
        var language = document.documentElement.lang || undefined;
        counter.textContent = template.replace("%(count)s", count.toLocaleString(language))
          .replace("%(limit)s", limit.toLocaleString(language));
        counter.classList.toggle("counter--over", count > limit);
        // Speak up only near the limit, not on every key.
        var near = count > limit * 0.9;
        if (near !== announced) {
          counter.setAttribute("aria-live", near ? "polite" : "off");
          announced = near;
        }
      }
      field.addEventListener("input", update);
      update();
    });
  }

  function focusErrors() {
    var summary = document.getElementById("form-errors");
    if (summary) { summary.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    counters();
    focusErrors();
  });
})();
