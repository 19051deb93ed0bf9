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
    recordChange();
    numberMentions();
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

  // The open claim's chain in the text: each link's mention gets its number (1, 2, 3, as in
  // the chain editor), drawn over the text (outside the .t pieces, so out of the offsets).
  function numberMentions() {
    const root = textRoot();
    if (!root) return;
    root.querySelectorAll(".mention-number").forEach((el) => el.remove());
    const ranges = [];
    const box = root.getBoundingClientRect();
    panel.querySelectorAll("#chain-list .chain-link").forEach(function (link, i) {
      let label = link.querySelector(".link-number");
      if (!label) {
        label = document.createElement("span");
        label.className = "link-number";
        label.setAttribute("aria-hidden", "true");
        link.prepend(label);
      }
      label.textContent = String(i + 1);
      const start = link.querySelector('[name="link_mention_start"]').value;
      const end = link.querySelector('[name="link_mention_end"]').value;
      if (start === "" || end === "") return;
      const range = spanToRange(root, Number(start), Number(end));
      const rect = range && range.getClientRects()[0];
      if (!rect) return;
      ranges.push(range);
      const number = document.createElement("span");
      number.className = "mention-number";
      number.dataset.position = String(i);
      number.setAttribute("aria-hidden", "true");
      number.title = link.querySelector(".link-source").textContent;
      number.textContent = String(i + 1);
      number.style.left = Math.max(0, rect.left - box.left - 4) + "px";
      number.style.top = Math.max(0, rect.top - box.top - 9) + "px";
      root.appendChild(number);
    });
    if (window.CSS && CSS.highlights && typeof Highlight !== "undefined") {
      if (ranges.length) CSS.highlights.set("chain-mention", new Highlight(...ranges));
      else CSS.highlights.delete("chain-mention");
    }
  }

  window.addEventListener("resize", () => numberMentions());

  // Ctrl+Z in the open claim: each change of tag, chain or span is a step that can be undone.
  let undoStack = [];
  let lastState = null;

  function editorState() {
    const form = document.getElementById("claim-form");
    const chain = document.getElementById("chain-list");
    if (!form || !chain) return null;
    const tag = form.querySelector('input[name="tag"]:checked');
    return {
      tag: tag ? tag.value : "",
      chain: chain.innerHTML,
      start: document.getElementById("claim-start").value,
      end: document.getElementById("claim-end").value,
      span: document.getElementById("claim-span-text").textContent,
    };
  }

  function resetUndo() {
    undoStack = [];
    lastState = editorState();
  }

  function recordChange() {
    const now = editorState();
    if (now && lastState && JSON.stringify(now) !== JSON.stringify(lastState)) undoStack.push(lastState);
    lastState = now;
  }

  function undoChange() {
    const previous = undoStack.pop();
    const form = document.getElementById("claim-form");
    if (!previous || !form) return false;
    form.querySelectorAll('input[name="tag"]').forEach((radio) => { radio.checked = radio.value === previous.tag; });
    document.getElementById("chain-list").innerHTML = previous.chain;
    document.getElementById("claim-start").value = previous.start;
    document.getElementById("claim-end").value = previous.end;
    document.getElementById("claim-span-text").textContent = previous.span;
    pendingMention = null;
    syncChainEditor();
    numberMentions();
    lastState = editorState();
    say("Undone.");
    return true;
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

  function isBody(sentence) { return sentence.classList.contains("kind-body"); }

  /** j/k: the next or previous body sentence (headlines, captions, publisher and boilerplate
   *  lines are skipped); J/K (with Shift): the next or previous line of any kind. */
  function moveSentence(step, everyLine) {
    const all = sentences();
    if (!all.length) return;
    let next = currentSentence;
    for (let i = currentSentence + step; i >= 0 && i < all.length; i += step) {
      if (everyLine || isBody(all[i])) { next = i; break; }
    }
    if (next === currentSentence && currentSentence !== -1) return;
    if (next === -1) return;
    confirmLine = null;
    selectSentence(all[next], false);
  }

  let confirmLine = null; // a non-body line on which Enter was pressed once: a second Enter makes the claim

  function enterOnSentence(sentence) {
    if (isBody(sentence) || confirmLine === sentence) {
      confirmLine = null;
      selectSentence(sentence, true);
      return;
    }
    confirmLine = sentence;
    const label = sentence.querySelector(".kind-label");
    const kind = label ? label.textContent.toLowerCase() : "not body text";
    const note = document.createElement("p");
    note.className = "message warning";
    note.setAttribute("role", "alert");
    note.textContent = "This line is a " + kind + ", not body text: press Enter again to make it a claim anyway.";
    panel.replaceChildren(note);
  }

  // The claim editor: tag, chain links, combobox. Delegated: the panel's content is replaced.
  panel.addEventListener("change", function (event) {
    if (event.target.name === "tag") {
      syncChainEditor();
      recordChange();
    }
  });

  function syncChainEditor() {
    const editor = document.getElementById("chain-editor");
    const unsourced = panel.querySelector('input[name="tag"][value="unsourced"]');
    if (editor && unsourced) editor.disabled = unsourced.checked;
    // The chain stays in the editor (greyed) while Unsourced is ticked, and comes back on
    // Sourced; saving as Unsourced would drop it, so say so now and ask on save.
    const warning = document.getElementById("chain-warning");
    if (!warning) return;
    const names = chainNames();
    const losing = Boolean(unsourced && unsourced.checked && names.length);
    warning.hidden = !losing;
    warning.textContent = losing
      ? "Saved as Unsourced, this claim loses its chain (" + names.join(" → ") + "). Tick Sourced again to keep it."
      : "";
  }

  function chainNames() {
    return Array.from(panel.querySelectorAll("#chain-list .chain-link .link-source"), (el) => el.textContent);
  }

  // Saving a claim as Unsourced while it has a chain: ask first (capture phase, before htmx).
  panel.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.id !== "claim-form") return;
    const submitter = event.submitter;
    if (submitter && !["save", "submit"].includes(submitter.value)) return;
    const unsourced = form.querySelector('input[name="tag"][value="unsourced"]');
    const names = chainNames();
    if (!unsourced || !unsourced.checked || !names.length) return;
    if (!window.confirm("Save as Unsourced and remove its chain (" + names.join(" → ") + ")?")) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

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
        recordChange();
        numberMentions();
        syncChainEditor();
        const next = list.querySelector("button");
        (next || document.getElementById("source-input") || panel).focus();
        return;
      }
      if (action === "up" || action === "down") {
        recordChange();
        numberMentions();
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

  // The registry came with the page (#source-registry): the list is filtered on each keystroke,
  // in the same event, so the option chosen is always one that matches what is typed.
  const MAX_OPTIONS = 12;
  let registry = null;

  /** Lower case, no accents, apostrophes and punctuation as spaces. */
  function fold(str) {
    return String(str || "").normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
  }

  function sourcesOfRegistry() {
    if (!registry) {
      const data = document.getElementById("source-registry");
      registry = (data ? JSON.parse(data.textContent) : []).map(indexSource);
    }
    return registry;
  }

  function indexSource(source) {
    source.key = fold(source.name).trim();
    source.haystack = " " + fold([source.name, source.slug].concat(source.aliases || []).join(" | ")) + " ";
    return source;
  }

  /** Every word of the query in the name, slug or aliases, in any order; best matches first. */
  function matchingSources(query) {
    const words = fold(query).split(" ").filter(Boolean);
    const all = sourcesOfRegistry();
    if (!words.length) return all.slice(0, MAX_OPTIONS);
    const folded = words.join(" ");
    const found = all.filter((s) => words.every((w) => s.haystack.includes(w)));
    const rank = (s) => (s.key.startsWith(folded) ? 0 : s.haystack.includes(" " + folded) ? 1 : 2);
    found.sort((a, b) => rank(a) - rank(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return found.slice(0, MAX_OPTIONS);
  }

  function renderOptions(query) {
    const list = listbox();
    if (!list) return;
    list.textContent = "";
    const found = matchingSources(query);
    found.forEach(function (source) {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "source-option-" + source.id;
      li.dataset.sourceId = source.id;
      li.dataset.name = source.name;
      li.setAttribute("aria-selected", "false");
      const name = document.createElement("span");
      name.className = "option-name";
      name.textContent = source.name;
      const kind = document.createElement("small");
      kind.textContent = "(" + source.kind + ")";
      li.append(name, " ", kind);
      if (source.aliases && source.aliases.length) {
        const aliases = document.createElement("small");
        aliases.className = "muted";
        aliases.setAttribute("aria-hidden", "true");
        aliases.textContent = source.aliases.slice(0, 4).join(", ");
        li.append(" ", aliases);
      }
      list.appendChild(li);
    });
    if (!found.length) {
      const li = document.createElement("li");
      li.className = "muted empty";
      li.setAttribute("role", "option");
      li.setAttribute("aria-disabled", "true");
      li.setAttribute("aria-selected", "false");
      li.textContent = "No source matches “" + query + "”: add it with “New source”.";
      list.appendChild(li);
    }
    activate(null);
    openList(document.activeElement === combobox() && !listDismissed);
  }

  /** A source made with "New source" joins the registry the page filters. */
  function registerSource(link) {
    const id = Number(link.dataset.sourceId);
    const all = sourcesOfRegistry();
    if (!id || all.some((s) => s.id === id)) return;
    const name = link.querySelector(".link-source").textContent;
    all.push(indexSource({ id: id, name: name, kind: link.dataset.sourceKind || "", slug: link.dataset.sourceSlug || "", aliases: [] }));
  }

  panel.addEventListener("input", function (event) {
    if (event.target.id === "source-input") {
      document.getElementById("chosen-source").value = "";
      listDismissed = false;
      renderOptions(event.target.value);
    }
  });

  panel.addEventListener("focusin", function (event) {
    if (event.target.id === "source-input") {
      listDismissed = false;
      renderOptions(event.target.value);
    }
  });

  panel.addEventListener("focusout", function (event) {
    // Closed a moment later (a click on an option lands first), and only if the focus has not
    // come back meanwhile: "Add source" then typing at once must not lose the new list.
    if (event.target.id === "source-input") {
      setTimeout(() => { if (document.activeElement !== combobox()) openList(false); }, 150);
    }
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
    if (target.id === "chain-list") {
      target.querySelectorAll(".chain-link").forEach(registerSource);
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
      recordChange();
      numberMentions();
    } else if (target.id === "claim-panel") {
      pendingMention = null;
      syncChainEditor();
      resetUndo();
      numberMentions();
      markCurrentClaim(Boolean(event.detail.requestConfig && /\/claims\/\d+\/$/.test(event.detail.requestConfig.path)));
    }
  });

  document.body.addEventListener("htmx:oobAfterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "doc-text") {
      textCache = null;
      markCurrentClaim(false);
      numberMentions();
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
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z") {
      // In a text field Ctrl+Z undoes typing, as everywhere; elsewhere it undoes the last
      // change of tag, chain or span of the open claim.
      if (!event.target.closest("input[type=text], textarea") && form && undoChange()) event.preventDefault();
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey || help.open) return;
    if (event.key === "?") {
      event.preventDefault();
      help.showModal();
    } else if (event.key === "j" || event.key === "J") {
      event.preventDefault();
      moveSentence(1, event.key === "J");
    } else if (event.key === "k" || event.key === "K") {
      event.preventDefault();
      moveSentence(-1, event.key === "K");
    } else if (event.key === "Enter" && event.target.classList && event.target.classList.contains("sentence")) {
      event.preventDefault();
      enterOnSentence(event.target);
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
  resetUndo();
  numberMentions();
  markCurrentClaim(true);
})();
