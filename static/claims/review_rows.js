/* The review queue's compact rows (claims/views/review_rows.py):
 * - the comment, reason and correction fields sit in a closed <details>: "r" (reject) and a
 *   Reject pressed with neither a comment nor a reason open it and put the cursor in the comment;
 * - after a decision, "Undo" is offered for a few seconds (data-undo-seconds; the server refuses
 *   one after claims.services.REVIEW_UNDO_SECONDS anyway), and "u" presses the latest one.
 */
(function () {
  "use strict";

  function typing(event) {
    return event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
  }

  function openWhy(item) {
    const more = item && item.querySelector("details.more");
    if (more) more.open = true;
    return more;
  }

  function arm(root) {
    root.querySelectorAll("button.undo[data-undo-seconds]").forEach(function (button) {
      if (button.dataset.armed) return;
      button.dataset.armed = "true";
      setTimeout(function () { button.remove(); }, Number(button.dataset.undoSeconds) * 1000);
    });
  }

  document.body.addEventListener("htmx:load", function (event) { arm(event.detail.elt); });

  // Capture phase: before the queue's own keys ("r" focuses the comment, which must be shown).
  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    if (event.key === "r") {
      const item = document.querySelector(".review-item.current:not(.decided)") ||
        document.querySelector(".review-item:not(.decided)");
      openWhy(item);
    } else if (event.key === "u") {
      const buttons = document.querySelectorAll(".review-item.decided button.undo");
      if (!buttons.length) return;
      event.preventDefault();
      buttons[buttons.length - 1].click();
    }
  }, true);

  // Reject needs a comment or a reason: ask for one here rather than after a round trip.
  document.addEventListener("click", function (event) {
    const reject = event.target.closest && event.target.closest('button[data-action="reject"]');
    if (!reject) return;
    const form = reject.form;
    const comment = form.querySelector("textarea.comment");
    const reason = form.querySelector("select[name$='-reason']");
    if ((comment && comment.value.trim()) || (reason && reason.value)) return;
    event.preventDefault();
    openWhy(form.closest(".review-item"));
    if (comment) comment.focus();
  }, true);
})();
