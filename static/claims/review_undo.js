/* The review queue's "Undo" after a decision: offered for a few seconds (data-undo-seconds),
 * then removed; the server refuses an undo after claims.services.REVIEW_UNDO_SECONDS anyway. */
(function () {
  "use strict";

  function arm(root) {
    root.querySelectorAll("button.undo[data-undo-seconds]").forEach(function (button) {
      if (button.dataset.armed) return;
      button.dataset.armed = "true";
      setTimeout(function () { button.remove(); }, Number(button.dataset.undoSeconds) * 1000);
    });
  }

  document.body.addEventListener("htmx:load", function (event) { arm(event.detail.elt); });
  // "u" undoes the last decision while its Undo is offered (not while typing in a field).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "u" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
    const buttons = document.querySelectorAll(".review-item.decided button.undo");
    if (!buttons.length) return;
    event.preventDefault();
    buttons[buttons.length - 1].click();
  });
})();
