/* Attribution suggestions on the annotate page: a dashed highlight over each suggested span.
 *
 * The suggestion list (#suggestion-list, rendered by the server) carries each suggestion's span
 * in code points (data-start, data-end). A span that is one of the text's sentences marks that
 * sentence (class "suggested", a "suggested" link to its card); any other span is drawn with the
 * CSS Highlight API through window.ClaimOffsets (annotate.js), the page's one UTF-16 converter.
 * The marks are drawn again whenever htmx swaps the text or the list.
 */
(function () {
  "use strict";

  function textRoot() { return document.getElementById("doc-text"); }

  /** "Show all suggestions": also those that name no source and carry no flag. */
  function showAll() {
    const toggle = document.getElementById("show-all-suggestions");
    return Boolean(toggle && toggle.checked);
  }

  function cards() {
    const list = document.getElementById("suggestion-list");
    if (!list) return [];
    list.classList.toggle("show-all", showAll());
    return Array.from(list.querySelectorAll("[data-suggestion]")).filter((card) => showAll() || !card.dataset.minor);
  }

  function clear(root) {
    root.querySelectorAll(".sentence.suggested").forEach(function (s) {
      s.classList.remove("suggested", "suggested-sourced", "suggested-unsourced", "suggested-focus");
      delete s.dataset.suggestion;
      s.removeAttribute("title");
    });
    root.querySelectorAll(".sugg-badge").forEach(function (b) { b.remove(); });
    if (window.CSS && CSS.highlights) CSS.highlights.delete("suggested");
  }

  function draw() {
    const root = textRoot();
    if (!root) return;
    clear(root);
    const ranges = [];
    cards().forEach(function (card) {
      const start = card.dataset.start;
      const end = card.dataset.end;
      const sentence = root.querySelector('.sentence[data-start="' + start + '"][data-end="' + end + '"]');
      if (sentence) {
        sentence.classList.add("suggested", "suggested-" + card.dataset.tag);
        sentence.dataset.suggestion = card.dataset.suggestion;
        const badge = document.createElement("a");
        badge.className = "sugg-badge";
        badge.href = "#" + card.id;
        badge.textContent = card.dataset.tag === "sourced" ? "suggested ◆" : "suggested ◇";
        badge.setAttribute("aria-label", "Suggested " + card.dataset.tag + " claim: see the suggestion");
        badge.title = card.dataset.summary || "";
        sentence.title = card.dataset.summary || "";
        sentence.appendChild(badge); // outside the .t pieces: out of the offsets
      } else if (window.ClaimOffsets && window.CSS && CSS.highlights && typeof Highlight !== "undefined") {
        const range = window.ClaimOffsets.spanToRange(root, Number(start), Number(end));
        if (range) ranges.push(range);
      }
    });
    if (ranges.length) CSS.highlights.set("suggested", new Highlight(...ranges));
  }

  function focusPair(id, on) {
    const root = textRoot();
    const sentence = root && root.querySelector('.sentence[data-suggestion="' + id + '"]');
    const card = document.getElementById("suggestion-" + id);
    [sentence, card].forEach(function (el) { if (el) el.classList.toggle("suggested-focus", on); });
  }

  document.addEventListener("mouseover", function (event) {
    const card = event.target.closest && event.target.closest("[data-suggestion]");
    document.querySelectorAll(".suggested-focus").forEach(function (el) { el.classList.remove("suggested-focus"); });
    if (card) focusPair(card.dataset.suggestion, true);
  });

  document.addEventListener("focusin", function (event) {
    const card = event.target.closest && event.target.closest(".suggestion-card");
    document.querySelectorAll(".suggested-focus").forEach(function (el) { el.classList.remove("suggested-focus"); });
    if (card) focusPair(card.dataset.suggestion, true);
  });

  // A badge is not a click on its sentence (annotate.js would open a new claim for it).
  document.addEventListener("mouseup", function (event) {
    if (event.target.closest && event.target.closest(".sugg-badge")) event.stopPropagation();
  }, true);

  // A badge jumps to its card inside the scrolling text column, then focuses its first button.
  document.addEventListener("click", function (event) {
    const badge = event.target.closest && event.target.closest(".sugg-badge");
    if (!badge) return;
    event.preventDefault();
    const card = document.querySelector(badge.getAttribute("href"));
    if (!card) return;
    card.scrollIntoView({ block: "center" });
    const first = card.querySelector("button, a.button");
    if (first) first.focus({ preventScroll: true });
  });

  document.addEventListener("change", function (event) {
    if (event.target.id === "show-all-suggestions") draw();
  });

  document.body.addEventListener("htmx:afterSettle", draw);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
