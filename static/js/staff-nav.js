// The staff menu is open on a desk's width (and without JavaScript). On a phone it is folded
// when the page loads, so the page itself comes first; "Staff area menu" opens it. This runs
// right after the menu (not deferred), before the page is drawn. When the width crosses the
// line, the menu opens or folds again.
(function () {
  const menu = document.currentScript.previousElementSibling;
  if (!menu || menu.tagName !== "DETAILS") {
    return;
  }
  const narrow = window.matchMedia("(max-width: 50rem)");
  function fit() {
    menu.open = !narrow.matches;
  }
  fit();
  narrow.addEventListener("change", fit);
})();
