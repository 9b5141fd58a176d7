/* The nomination form, improved: character counts, the error summary's links, and a draft that
   follows the language switch (the chosen documents' names: file-field.js). Everything here is
   optional; the form works the same without it. */
(function () {
  "use strict";

  var form = null;
  var dirty = false; // typed since the last save

  function language() { return document.documentElement.lang || undefined; }

  /* The character-count pattern: the browser keeps all that is typed or pasted; the visible
     message changes at once, the spoken one after a pause (not on every key). */
  function counters() {
    document.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      if (!field) { return; }
      var limit = parseInt(counter.getAttribute("data-limit"), 10);
      var visible = counter.querySelector(".counter__message");
      var status = counter.querySelector("[data-counter-status]");
      var timer = null;
      // Read with the field when it gets the focus; the live region speaks while typing.
      visible.setAttribute("aria-hidden", "true");
      var described = (field.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(visible.id) < 0) {
        field.setAttribute("aria-describedby", described.concat([visible.id]).join(" ").trim());
      }
      function message() {
        // As the server counts (core.forms.characters): a line break once, and each character
        // once, an emoji too (String.length counts UTF-16 units: two for an emoji).
        var count = Array.from(field.value.replace(/\r\n/g, "\n")).length;
        var left = limit - count;
        var over = left < 0;
        var n = Math.abs(left);
        var template = counter.getAttribute(
          over ? (n === 1 ? "data-over-one" : "data-over") : (n === 1 ? "data-remaining-one" : "data-remaining")
        );
        return { text: template.replace("{count}", n.toLocaleString(language())), over: over };
      }
      function update(speak) {
        var result = message();
        visible.textContent = result.text;
        counter.classList.toggle("counter--over", result.over);
        field.classList.toggle("field__input--over", result.over);
        if (speak) {
          clearTimeout(timer);
          timer = setTimeout(function () { status.textContent = message().text; }, 1000);
        }
      }
      field.addEventListener("input", function () { update(true); });
      update(false);
    });
  }

  /* The error summary: each link moves focus to its field (a link alone only scrolls), with
     the field's label or legend in view. */
  function errorSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) { return; }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!target) { return; }
      event.preventDefault();
      var legend = target.closest("fieldset") && target.type === "radio"
        ? target.closest("fieldset").querySelector("legend") : null;
      var label = legend || document.querySelector("label[for='" + target.id + "']") || target;
      label.scrollIntoView();
      target.focus({ preventScroll: true });
    });
    summary.focus();
  }

  /* After an autosave the page's address is the draft's private link (the server says so with
     HX-Replace-Url): the language links now lead to the draft in the other language. */
  function languageLinks(root) {
    var urls = (root || document).querySelector("[data-draft-urls]");
    if (!urls) { return; }
    document.querySelectorAll(".language-switch a[hreflang]").forEach(function (link) {
      var url = urls.getAttribute("data-url-" + link.getAttribute("hreflang"));
      if (url) { link.setAttribute("href", url); }
    });
  }

  /* Following a language link with unsaved changes saves them first, then goes to the draft
     in that language: nothing typed is lost. */
  function saveBeforeLeaving() {
    document.querySelectorAll(".language-switch a[hreflang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (!dirty || !form) { return; }
        event.preventDefault();
        var data = new FormData(form);
        data.set("action", "autosave");
        data.delete("remove_attachment");
        var status = document.getElementById("autosave-status");
        fetch(form.getAttribute("action"), {
          method: "POST", body: data, credentials: "same-origin", headers: { "HX-Request": "true" }
        }).then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.text();
        }).then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var urls = holder.querySelector("[data-draft-urls]");
          var url = urls && urls.getAttribute("data-url-" + link.getAttribute("hreflang"));
          dirty = false;
          window.location.assign(url || link.href);
        }).catch(function () {
          if (status) { status.textContent = status.getAttribute("data-failed"); }
        });
      });
    });
  }

  /* A form sent back with a mistake is shown at the address it was posted to. Where that is the
     blank form's, the address becomes the draft's private link (a reload or a bookmark then
     reaches the draft, not a blank form) and the help under the link says so. */
  function atPrivateLink() {
    var link = document.getElementById("private-link");
    if (!link || !form || !window.history.replaceState) { return; }
    var path = new URL(link.value).pathname;
    if (window.location.pathname === path || form.getAttribute("action") !== path) { return; }
    window.history.replaceState(null, "", path + window.location.hash);
    var help = document.getElementById("private-link-help");
    if (help && help.hasAttribute("data-here")) { help.textContent = help.getAttribute("data-here"); }
  }

  /* The award's questions asked only on a condition (question_fields): hidden while the
     answer they depend on is not given, shown (and announced by their place in the form) as
     soon as it is. Without JavaScript they stay on the page with a hint saying when to answer;
     either way the server keeps an answer only when its condition holds. */
  function conditionalQuestions() {
    if (!form) { return; }
    var dependants = Array.prototype.slice.call(form.querySelectorAll("[data-shown-if-name]"));
    if (!dependants.length) { return; }
    function given(name) {
      return Array.prototype.slice.call(form.querySelectorAll("[name='" + name + "']"))
        .filter(function (input) { return (input.type !== "radio" && input.type !== "checkbox") || input.checked; })
        .map(function (input) { return input.value; });
    }
    function update() {
      dependants.forEach(function (input) {
        var wrapper = input.closest(".field") || input.closest("fieldset") || input;
        var wanted = input.getAttribute("data-shown-if-values").split(" ");
        var holds = given(input.getAttribute("data-shown-if-name")).some(function (value) {
          return wanted.indexOf(value) >= 0;
        });
        wrapper.hidden = !holds;
      });
    }
    form.addEventListener("change", update);
    update();
  }

  function confirmRemoval() {
    var box = document.getElementById("confirm-removal");
    if (!box || document.getElementById("error-summary")) { return; }
    box.focus();
    // Going to the page's #fragment once loaded can move the focus again: put it back.
    window.addEventListener("load", function () { box.focus(); });
  }

  /* Back to the blank form once its draft is saved (Enter sent it, or an autosave): the
     browser puts back what was typed, but into a new form with a new token, whose next save
     would begin a second draft apart from the private link already given. The tab keeps its
     draft's token, and going back to a blank form goes on with that draft instead. */
  var DRAFT_KEY = "laurel-nomination-draft";

  function rememberDraft() {
    var token = form && form.querySelector("input[name=token]");
    if (!token) { return; }
    try { window.sessionStorage.setItem(DRAFT_KEY, token.value); } catch (error) { /* off */ }
  }

  function backToTheDraft() {
    if (!form || !window.performance || !performance.getEntriesByType) { return false; }
    var entry = performance.getEntriesByType("navigation")[0];
    var blank = form.getAttribute("action");
    if (!entry || entry.type !== "back_forward" || window.location.pathname !== blank) {
      return false;
    }
    var saved = null;
    try { saved = window.sessionStorage.getItem(DRAFT_KEY); } catch (error) { return false; }
    var token = form.querySelector("input[name=token]");
    if (!saved || !token || saved === token.value) { return false; }
    window.location.replace(blank + "n/" + encodeURIComponent(saved) + "/");
    return true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    form = document.getElementById("nomination-form");
    if (backToTheDraft()) { return; }
    if (form && document.getElementById("private-link")) { rememberDraft(); }
    counters();
    errorSummary();
    languageLinks(document);
    saveBeforeLeaving();
    atPrivateLink();
    conditionalQuestions();
    confirmRemoval();
    if (form) {
      form.addEventListener("input", function () { dirty = true; });
      form.addEventListener("change", function () { dirty = true; });
    }
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var status = event.detail.elt;
      if (!status || status.id !== "autosave-status") { return; }
      if (event.detail.successful) {
        dirty = false;
        rememberDraft();
      } else {
        // Refused (too many saves from this network: 429) or not reached: htmx swaps nothing,
        // so the line would go on saying the draft was saved when the newest text is not.
        status.textContent = status.getAttribute("data-failed");
      }
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.detail.target && event.detail.target.id === "autosave-status") {
        languageLinks(event.detail.target);
      }
    });
  });
})();
