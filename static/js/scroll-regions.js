// A wide staff table scrolls inside a box that takes the keyboard focus (tabindex="0"). Name
// that box after its table's caption, as a region, so a screen reader says what the focus
// reached; a box named in its template already is left alone (issue 17, item 18).
document.querySelectorAll('.table-scroll[tabindex="0"]:not([role])').forEach((box, index) => {
  const caption = box.querySelector("caption");
  if (!caption || !caption.textContent.trim()) {
    return;
  }
  if (!caption.id) {
    caption.id = `scroll-region-caption-${index + 1}`;
  }
  box.setAttribute("role", "region");
  box.setAttribute("aria-labelledby", caption.id);
});
