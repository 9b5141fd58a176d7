/* "Every candidate on this page": ticks and unticks the rows' boxes together. Without
   JavaScript the box still works: the server then takes every candidate listed on the page. */
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var form = all.form;
    var name = all.getAttribute("data-select-all");
    function rows() {
      return Array.prototype.filter.call(
        document.querySelectorAll('input[type="checkbox"][name="' + name + '"]'),
        function (box) { return box.form === form; }
      );
    }
    all.addEventListener("change", function () {
      rows().forEach(function (box) { box.checked = all.checked; });
    });
    rows().forEach(function (box) {
      box.addEventListener("change", function () {
        var boxes = rows();
        var ticked = boxes.filter(function (b) { return b.checked; }).length;
        all.checked = ticked === boxes.length;
        all.indeterminate = ticked > 0 && ticked < boxes.length;
      });
    });
  });
})();
