/* The chat page: talks to Rasa's REST channel, renders texts, buttons, multi-choice toggles
 * and a progress bar. Vanilla JS, no build step. The conversation survives a reload within
 * the tab (sessionStorage). */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root) return;

  var WEBHOOK = root.dataset.rasaUrl.replace(/\/+$/, "") + "/webhooks/rest/webhook";
  var OPENING = root.dataset.opening || "Hallo";
  var STORAGE_KEY = "scan-productie-innovatie";
  var CAMPAIGN_KEYS = ["utm_source", "utm_medium", "utm_campaign", "site"];

  var log = root.querySelector(".chat__log");
  var form = root.querySelector(".chat__composer");
  var input = form.querySelector("input");
  var submit = form.querySelector("button");
  var typing = root.querySelector(".chat__typing");
  var progress = root.querySelector(".progress");
  var busy = false;
  var state = loadState();

  // ---- state ------------------------------------------------------------------------

  function newSender() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "web-" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function freshState() {
    // started: the first message (which carries the campaign metadata) was delivered.
    return { sender: newSender(), started: false, ended: false, entries: [], progress: null };
  }

  function loadState() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
      if (saved && saved.sender && Array.isArray(saved.entries)) return saved;
    } catch (e) { /* no storage or bad JSON: start fresh */ }
    return freshState();
  }

  function saveState() {
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function campaignMetadata() {
    var params = new URLSearchParams(window.location.search);
    var metadata = {};
    CAMPAIGN_KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value) metadata[key] = value.slice(0, 200);
    });
    return metadata;
  }

  // ---- rendering ----------------------------------------------------------------------

  // Bare URLs and [label](url) links become anchors; everything else stays plain text.
  var LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<]+[^\s<.,;:!?)\]'"])/g;

  function appendRichText(parent, text) {
    var last = 0;
    var match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var a = document.createElement("a");
      a.href = match[2] || match[3];
      a.textContent = match[1] || match[3];
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      parent.appendChild(a);
      last = LINK.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function addBubble(kind, text, image) {
    var li = document.createElement("li");
    li.className = "msg msg--" + kind;
    if (text) appendRichText(li, text);
    if (image && /^https?:\/\//.test(image)) {
      var img = document.createElement("img");
      img.src = image;
      img.alt = "";
      li.appendChild(img);
    }
    log.appendChild(li);
    return li;
  }

  function addChoices(entry, active) {
    var li = document.createElement("li");
    li.className = "choices" + (entry.multiple ? " choices--multi" : "");
    var chosen = [];
    entry.options.forEach(function (option) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = option.label;
      button.disabled = !active;
      if (entry.multiple) {
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () {
          var at = chosen.indexOf(option.value);
          if (at === -1) chosen.push(option.value); else chosen.splice(at, 1);
          button.setAttribute("aria-pressed", at === -1 ? "true" : "false");
          send.disabled = chosen.length === 0;
        });
      } else {
        button.addEventListener("click", function () { sendMessage(option.value, option.label); });
      }
      li.appendChild(button);
    });
    if (entry.multiple) {
      var send = document.createElement("button");
      send.type = "button";
      send.className = "choice choice--submit";
      send.textContent = "Verstuur";
      send.disabled = true;
      send.addEventListener("click", function () {
        // Send in the order of the options, whatever order they were clicked in.
        var values = entry.options.map(function (o) { return o.value; })
          .filter(function (v) { return chosen.indexOf(v) !== -1; });
        var labels = entry.options.filter(function (o) { return chosen.indexOf(o.value) !== -1; })
          .map(function (o) { return o.label; });
        sendMessage(values.join(","), labels.join(", "));
      });
      li.appendChild(send);
    }
    log.appendChild(li);
  }

  function disableChoices() {
    Array.prototype.forEach.call(log.querySelectorAll(".choice"), function (b) { b.disabled = true; });
  }

  function renderEntry(entry, active) {
    if (entry.kind === "choices") addChoices(entry, active);
    else if (entry.kind === "end") {
      var li = document.createElement("li");
      li.className = "chat__ended";
      li.textContent = "Het gesprek is afgerond. Wil je de scan opnieuw doen? Klik op 'Opnieuw beginnen'.";
      log.appendChild(li);
    } else addBubble(entry.kind, entry.text, entry.image);
  }

  function renderProgress() {
    var p = state.progress;
    if (!p || !p.total) { progress.hidden = true; return; }
    var share = Math.max(0, Math.min(1, p.current / p.total));
    progress.hidden = false;
    progress.querySelector(".progress__fill").style.width = Math.round(share * 100) + "%";
    progress.querySelector(".progress__text").textContent = "Vraag " + p.current + " van " + p.total;
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function renderAll() {
    log.textContent = "";
    var lastChoices = -1;
    state.entries.forEach(function (e, i) { if (e.kind === "choices") lastChoices = i; });
    state.entries.forEach(function (entry, i) {
      // Only the newest set of choices is live, and only while nothing was said after it.
      var active = i === lastChoices && state.entries.slice(i + 1).every(function (e) { return e.kind === "bot"; });
      renderEntry(entry, active && !state.ended);
    });
    renderProgress();
    setComposer();
    scrollDown();
  }

  function setComposer() {
    input.disabled = busy || state.ended;
    submit.disabled = busy || state.ended;
    typing.hidden = !busy;
  }

  // ---- Rasa replies -------------------------------------------------------------------

  // Turns one reply (a list of bot messages) into transcript entries.
  function entriesFromReply(messages) {
    var entries = [];
    var multi = null;
    messages.forEach(function (m) {
      var custom = m && m.custom;
      if (custom && custom.type === "question") {
        if (custom.progress) state.progress = custom.progress;
        if (custom.multiple && Array.isArray(custom.options) && custom.options.length) multi = custom;
      } else if (custom && custom.type === "end") {
        state.ended = true;
      }
    });
    var multiValues = multi ? multi.options.map(function (o) { return String(o.value); }) : [];
    messages.forEach(function (m) {
      if (!m || m.custom) return;
      if (m.text || m.image) entries.push({ kind: "bot", text: m.text || "", image: m.image || null });
      var buttons = Array.isArray(m.buttons) ? m.buttons : [];
      // A multi-choice question gets toggles instead of its single-choice buttons.
      var coveredByMulti = multi && buttons.length && buttons.every(function (b) {
        return multiValues.indexOf(String(b.payload)) !== -1;
      });
      if (buttons.length && !coveredByMulti) {
        entries.push({ kind: "choices", multiple: false, options: buttons.map(function (b) {
          return { value: String(b.payload), label: String(b.title || b.payload) };
        }) });
      }
    });
    if (multi) {
      entries.push({ kind: "choices", multiple: true, options: multi.options.map(function (o) {
        return { value: String(o.value), label: String(o.label || o.value) };
      }) });
    }
    if (state.ended) entries.push({ kind: "end" });
    return entries;
  }

  function sendMessage(text, shownAs) {
    if (busy || !text) return;
    var body = { sender: state.sender, message: text, metadata: {} };
    if (!state.started) body.metadata = campaignMetadata();
    if (shownAs !== null) state.entries.push({ kind: "user", text: shownAs || text });
    disableChoices();
    busy = true;
    renderAll();
    saveState();
    fetch(WEBHOOK, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (messages) {
      state.started = true;
      state.entries = state.entries.concat(entriesFromReply(Array.isArray(messages) ? messages : []));
    }).catch(function () {
      state.entries.push({ kind: "system", text: "De assistent is even niet bereikbaar. Probeer het zo nog eens." });
    }).then(function () {
      busy = false;
      saveState();
      renderAll();
      if (!state.ended) input.focus();
    });
  }

  // ---- events -------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    sendMessage(text, text);
  });

  root.querySelector(".chat__restart").addEventListener("click", function () {
    if (busy) return;
    state = freshState();
    saveState();
    renderAll();
    sendMessage(OPENING, null);
  });

  renderAll();
  // A new conversation opens with an unseen greeting, so the bot's welcome shows at once.
  if (!state.started && state.entries.length === 0) sendMessage(OPENING, null);
})();
