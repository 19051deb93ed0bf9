/* The annotate page: selections, the claim editor's chain and source combobox, keyboard.
 *
 * Offsets: the server speaks Unicode code points into Document.text (Python str indices); the
 * DOM speaks UTF-16 code units. ClaimOffsets below is the one place that converts between them.
 * The text is rendered as `.t` pieces that each carry `data-start` (a code point offset) and
 * hold exactly that stretch of the document's text, so any DOM position maps to an offset.
 * ClaimOffsets is exported on `window` for other features of the page (suggestions).
 */
(function () {
  "use strict";

  // --- offsets: UTF-16 <-> code points, DOM positions <-> document offsets --------------------

  function isHigh(code) { return code >= 0xd800 && code <= 0xdbff; }
  function isLow(code) { return code >= 0xdc00 && code <= 0xdfff; }

  /** Code points in str.slice(0, utf16Index); an index inside a surrogate pair rounds down. */
  function codePointsBefore(str, utf16Index) {
    let count = 0;
    for (let i = 0; i < utf16Index && i < str.length; i++) {
      if (isHigh(str.charCodeAt(i)) && i + 1 < str.length && isLow(str.charCodeAt(i + 1))) {
        if (i + 1 >= utf16Index) break; // the pair is cut: it is not before the index
        i++;
      }
      count++;
    }
    return count;
  }

  /** The UTF-16 index of code point number `cpIndex` in str. */
  function utf16IndexOf(str, cpIndex) {
    let i = 0;
    for (let n = 0; n < cpIndex && i < str.length; n++) {
      i += isHigh(str.charCodeAt(i)) && i + 1 < str.length && isLow(str.charCodeAt(i + 1)) ? 2 : 1;
    }
    return i;
  }

  function pieces(root) { return root.querySelectorAll(".t[data-start]"); }

  /** The document offset (code points) of the DOM boundary point (node, offset) inside root. */
  function pointToOffset(root, node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentElement && node.parentElement.closest(".t[data-start]");
      if (piece && root.contains(piece)) {
        // A piece holds one text node: the offset inside it, in code points, plus its start.
        return Number(piece.dataset.start) + codePointsBefore(node.data, offset);
      }
    }
    // A point between elements, or inside a label or marker: the start of the next piece.
    const point = document.createRange();
    point.setStart(node, offset);
    for (const piece of pieces(root)) {
      if (point.comparePoint(piece, 0) >= 0) return Number(piece.dataset.start);
    }
    return Number(root.dataset.length || fullText(root).length);
  }

  let textCache = null;
  /** The document's text as an array of code points (the pieces, in order, are the text). */
  function fullText(root) {
    if (!textCache || textCache.root !== root) {
      const text = Array.from(pieces(root), (p) => p.textContent).join("");
      textCache = { root: root, chars: Array.from(text) };
    }
    return textCache.chars;
  }

  function textOf(root, start, end) { return fullText(root).slice(start, end).join(""); }

  /** [start, end) in code points for a DOM Range inside root, white space trimmed; null if empty. */
  function rangeToSpan(root, range) {
    let start = pointToOffset(root, range.startContainer, range.startOffset);
    let end = pointToOffset(root, range.endContainer, range.endOffset);
    const chars = fullText(root);
    while (start < end && /\s/u.test(chars[start])) start++;
    while (end > start && /\s/u.test(chars[end - 1])) end--;
    return end > start ? { start: start, end: end } : null;
  }

  /** A DOM Range over the code points [start, end) of the text rendered in root. */
  function spanToRange(root, start, end) {
    const range = document.createRange();
    let startSet = false;
    for (const piece of pieces(root)) {
      const node = piece.firstChild;
      if (!node) continue;
      const pieceStart = Number(piece.dataset.start);
      const length = Array.from(node.data).length;
      if (!startSet && start <= pieceStart + length) {
        range.setStart(node, utf16IndexOf(node.data, start - pieceStart));
        startSet = true;
      }
      if (startSet && end <= pieceStart + length) {
        range.setEnd(node, utf16IndexOf(node.data, end - pieceStart));
        return range;
      }
    }
    return startSet ? range : null;
  }

  window.ClaimOffsets = {
    codePointsBefore: codePointsBefore,
    utf16IndexOf: utf16IndexOf,
    pointToOffset: pointToOffset,
    rangeToSpan: rangeToSpan,
    spanToRange: spanToRange,
    textOf: textOf,
  };

  // --- the page ---------------------------------------------------------------------------

  const page = document.getElementById("annotate");
  if (!page) return;
  const panel = document.getElementById("claim-panel");
  const textRoot = () => document.getElementById("doc-text");
  let pendingMention = null; // the chain link whose mention the next selection marks
  let listDismissed = false; // Escape or a choice closed the source list: late answers keep it closed
  let currentSentence = -1;

  function highlightPending(range) {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    if (range) CSS.highlights.set("pending-claim", new Highlight(range));
    else CSS.highlights.delete("pending-claim");
  }

  function openNewClaim(start, end) {
    const url = page.dataset.newClaimUrl + "?start=" + start + "&end=" + end;
    highlightPending(spanToRange(textRoot(), start, end));
    return htmx.ajax("GET", url, { target: "#claim-panel", swap: "innerHTML" });
  }

  function openClaim(id) {
    const url = page.dataset.claimUrl.replace(/\/0\/$/, "/" + id + "/");
    return htmx.ajax("GET", url, { target: "#claim-panel", swap: "innerHTML" });
  }

  function markCurrentClaim(scroll) {
    const form = document.getElementById("claim-form");
    const id = form ? form.dataset.claimId : "";
    const root = textRoot();
    root.querySelectorAll(".hl.current").forEach((el) => el.classList.remove("current"));
    document.querySelectorAll(".claim-card.current").forEach((el) => el.classList.remove("current"));
    if (!id) return;
    highlightPending(null);
    const marks = Array.from(root.querySelectorAll(".hl[data-claims]")).filter((el) =>
      el.dataset.claims.split(" ").includes(id)
    );
    marks.forEach((el) => el.classList.add("current"));
    const card = document.getElementById("card-" + id);
    if (card) card.classList.add("current");
    if (scroll && marks.length) marks[0].scrollIntoView({ block: "center", behavior: "instant" });
  }

  function setMention(link, span) {
    link.querySelector('[name="link_mention_start"]').value = span.start;
    link.querySelector('[name="link_mention_end"]').value = span.end;
    const mention = link.querySelector(".mention");
    mention.textContent = "as ";
    const quote = document.createElement("q");
    quote.textContent = textOf(textRoot(), span.start, span.end);
    mention.appendChild(quote);
    link.classList.remove("marking");
    say("");
  }

  function say(message) {
    const box = document.getElementById("chain-errors");
    if (!box) return;
    box.textContent = "";
    if (message) {
      const p = document.createElement("p");
      p.className = "hint";
      p.textContent = message;
      box.appendChild(p);
    }
  }

  // Clicks and selections in the text.
  page.addEventListener("mouseup", function (event) {
    const root = textRoot();
    if (event.button !== 0 || !root.contains(event.target)) return;
    const selection = window.getSelection();
    if (selection && selection.rangeCount && !selection.isCollapsed) {
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      const span = rangeToSpan(root, range);
      if (!span) return;
      if (pendingMention && document.body.contains(pendingMention)) {
        setMention(pendingMention, span);
        pendingMention = null;
      } else {
        openNewClaim(span.start, span.end);
      }
      return;
    }
    const mark = event.target.closest("[data-claims]") || event.target.closest(".marker[data-claim]");
    if (mark) {
      openClaim((mark.dataset.claims || mark.dataset.claim).split(" ")[0]);
      return;
    }
    const sentence = event.target.closest(".sentence");
    if (sentence) selectSentence(sentence, true);
  });

  function sentences() { return Array.from(textRoot().querySelectorAll(".sentence")); }

  function selectSentence(sentence, open) {
    const all = sentences();
    all.forEach((s) => s.classList.remove("focused"));
    currentSentence = all.indexOf(sentence);
    sentence.classList.add("focused");
    sentence.focus({ preventScroll: true });
    sentence.scrollIntoView({ block: "nearest" });
    if (open) openNewClaim(Number(sentence.dataset.start), Number(sentence.dataset.end));
  }

  function moveSentence(step) {
    const all = sentences();
    if (!all.length) return;
    const next = Math.min(Math.max(currentSentence + step, 0), all.length - 1);
    selectSentence(all[next], false);
  }

  // The claim editor: tag, chain links, combobox. Delegated: the panel's content is replaced.
  panel.addEventListener("change", function (event) {
    if (event.target.name === "tag") syncChainEditor();
  });

  function syncChainEditor() {
    const editor = document.getElementById("chain-editor");
    const unsourced = panel.querySelector('input[name="tag"][value="unsourced"]');
    if (editor && unsourced) editor.disabled = unsourced.checked;
  }

  panel.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-action]");
    if (button) {
      const link = button.closest(".chain-link");
      const action = button.dataset.action;
      if (action === "up" && link.previousElementSibling) link.parentNode.insertBefore(link, link.previousElementSibling);
      if (action === "down" && link.nextElementSibling) link.parentNode.insertBefore(link.nextElementSibling, link);
      if (action === "remove") {
        const list = link.parentNode;
        link.remove();
        const next = list.querySelector("button");
        (next || document.getElementById("source-input") || panel).focus();
        return;
      }
      if (action === "mark-mention") {
        panel.querySelectorAll(".chain-link.marking").forEach((el) => el.classList.remove("marking"));
        pendingMention = link;
        link.classList.add("marking");
        say("Now select the words that name " + link.querySelector(".link-source").textContent + " in the text.");
      }
      if (action !== "remove") button.focus();
      return;
    }
    const option = event.target.closest('[role="option"][data-source-id]');
    if (option) chooseOption(option);
  });

  // Keep the focus in the combobox while an option is clicked.
  panel.addEventListener("mousedown", function (event) {
    if (event.target.closest('[role="option"]')) event.preventDefault();
  });

  function combobox() { return document.getElementById("source-input"); }
  function listbox() { return document.getElementById("source-options"); }
  function options() { return Array.from(listbox().querySelectorAll('[role="option"][data-source-id]')); }

  function openList(open) {
    const input = combobox();
    const list = listbox();
    if (!input || !list) return;
    const show = open && list.children.length > 0;
    list.hidden = !show;
    input.setAttribute("aria-expanded", show ? "true" : "false");
    if (!show) input.removeAttribute("aria-activedescendant");
  }

  function activate(option) {
    options().forEach((o) => o.setAttribute("aria-selected", o === option ? "true" : "false"));
    if (option) {
      combobox().setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  }

  function chooseOption(option) {
    listDismissed = true;
    const input = combobox();
    input.value = option.dataset.name;
    document.getElementById("chosen-source").value = option.dataset.sourceId;
    openList(false);
    input.focus();
  }

  panel.addEventListener("input", function (event) {
    if (event.target.id === "source-input") {
      document.getElementById("chosen-source").value = "";
      listDismissed = false;
    }
  });

  panel.addEventListener("focusin", function (event) {
    if (event.target.id === "source-input") listDismissed = false;
  });

  panel.addEventListener("focusout", function (event) {
    if (event.target.id === "source-input") setTimeout(() => openList(false), 150);
  });

  panel.addEventListener("keydown", function (event) {
    if (event.target.id !== "source-input") return;
    const list = options();
    const active = list.find((o) => o.getAttribute("aria-selected") === "true");
    const index = active ? list.indexOf(active) : -1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      listDismissed = false;
      openList(true);
      if (!list.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      activate(list[(index + step + list.length) % list.length]);
    } else if (event.key === "Enter") {
      event.preventDefault(); // never submit the claim form from the combobox
      if (!listbox().hidden && active) chooseOption(active);
      else if (!listbox().hidden && list.length === 1) chooseOption(list[0]);
      else document.getElementById("add-source").click();
    } else if (event.key === "Escape") {
      listDismissed = true;
      if (!listbox().hidden) {
        event.preventDefault();
        event.stopPropagation();
        openList(false);
      }
    }
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    const target = event.detail.target;
    if (target.id === "source-options") {
      openList(document.activeElement === combobox() && !listDismissed);
      activate(null);
    } else if (target.id === "chain-list") {
      // A link was added: ready the combobox for the next one.
      const input = combobox();
      if (input) {
        input.value = "";
        document.getElementById("chosen-source").value = "";
        openList(false);
      }
      const fields = document.getElementById("new-source-fields");
      if (event.detail.requestConfig && event.detail.requestConfig.verb === "post" && fields) {
        fields.querySelectorAll("input, textarea").forEach((el) => { el.value = ""; });
        document.getElementById("new-source").open = false;
        document.getElementById("new-source-errors").textContent = "";
      }
      say("");
    } else if (target.id === "claim-panel") {
      pendingMention = null;
      syncChainEditor();
      markCurrentClaim(Boolean(event.detail.requestConfig && /\/claims\/\d+\/$/.test(event.detail.requestConfig.path)));
    }
  });

  document.body.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "doc-text") {
      textCache = null;
      markCurrentClaim(false);
    }
  });

  // A session that expired answers with the login page: go there instead of showing it in the panel.
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    const url = event.detail.xhr.responseURL || "";
    if (url.indexOf("/accounts/login/") !== -1) {
      event.detail.shouldSwap = false;
      window.location.href = "/accounts/login/?next=" + encodeURIComponent(location.pathname + location.search);
    }
  });

  document.body.addEventListener("htmx:responseError", function (event) {
    const box = document.createElement("p");
    box.className = "message error";
    box.setAttribute("role", "alert");
    box.textContent = "The server could not answer (" + event.detail.xhr.status + "). Nothing was changed; try again.";
    panel.prepend(box);
  });

  // Keyboard shortcuts (not while typing in a field, except the save shortcut).
  const help = document.getElementById("help");
  page.querySelector('[data-action="help"]').addEventListener("click", () => help.showModal());

  document.addEventListener("keydown", function (event) {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    const form = document.getElementById("claim-form");
    if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "Enter")) {
      const save = form && form.querySelector('button[value="save"]');
      if (save && !save.disabled) {
        event.preventDefault();
        form.requestSubmit(save);
      }
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey || help.open) return;
    if (event.key === "?") {
      event.preventDefault();
      help.showModal();
    } else if (event.key === "j") {
      event.preventDefault();
      moveSentence(1);
    } else if (event.key === "k") {
      event.preventDefault();
      moveSentence(-1);
    } else if (event.key === "Enter" && event.target.classList && event.target.classList.contains("sentence")) {
      event.preventDefault();
      selectSentence(event.target, true);
    } else if ((event.key === "s" || event.key === "u") && form) {
      const radio = form.querySelector('input[name="tag"][value="' + (event.key === "s" ? "sourced" : "unsourced") + '"]');
      if (radio && !radio.disabled) {
        event.preventDefault();
        radio.checked = true;
        radio.dispatchEvent(new Event("change", { bubbles: true }));
      }
    }
  });

  // Opened with ?claim=<id>: show it.
  syncChainEditor();
  markCurrentClaim(true);
})();
