// A wide staff table scrolls inside a box that takes the keyboard focus (tabindex="0"). Name
// that box after its table's caption (or, without one, the heading just before the box), as a
// region, so a screen reader says what the focus reached; a box named in its template already
// is left alone (issue 17, item 18).
function nameOf(box) {
  const caption = box.querySelector("caption");
  if (caption && caption.textContent.trim()) {
    return caption;
  }
  let before = box.previousElementSibling;
  while (before && !/^H[1-6]$/.test(before.tagName)) {
    before = before.previousElementSibling;
  }
  return before && before.textContent.trim() ? before : null;
}

document.querySelectorAll('.table-scroll[tabindex="0"]:not([role])').forEach((box, index) => {
  const label = nameOf(box);
  if (!label) {
    return;
  }
  if (!label.id) {
    label.id = `scroll-region-name-${index + 1}`;
  }
  box.setAttribute("role", "region");
  box.setAttribute("aria-labelledby", label.id);
});
