/* The embeddable chat widget of the scan productie-innovatie.
 *
 * One tag on any page:
 *   <script src="https://<web service>/static/widget/widget.js" data-site="<site id>"
 *           data-color="#a4161a" defer></script>
 * Attributes (all optional): data-site, data-color (brand colour), data-accent (launcher and
 * progress colour), data-title, data-launcher (launcher text), data-rasa-url (Rasa's socket.io
 * server; default: this script's host on port 5005), data-open="true" (open at once).
 * Any element with a data-scan-open attribute opens the chat; so does window.ScanWidget.open().
 *
 * It talks to Rasa's socket.io channel (session_persistence) through the vendored socket.io
 * client, keeps the session id and a transcript in localStorage so a reload continues the
 * conversation, and renders the `custom` payloads of the contract (question, result, end).
 * Everything lives in a shadow root, so the host page's CSS and ours stay apart. No build step.
 */
(function () {
  "use strict";

  if (window.ScanWidget && window.ScanWidget.version) return; // loaded twice

  var script = document.currentScript ||
    document.querySelector('script[src*="/static/widget/widget.js"]');
  if (!script) return;

  var ORIGIN = new URL(script.src, window.location.href);
  var ASSETS = ORIGIN.origin + "/static/";
  var data = script.dataset;
  var SITE = (data.site || "").slice(0, 200);
  var RASA_URL = (data.rasaUrl || (ORIGIN.protocol + "//" + ORIGIN.hostname + ":5005")).replace(/\/+$/, "");
  var TITLE = data.title || "Scan productie-innovatie";
  var LAUNCHER = data.launcher || "Doe de scan";
  var OPENING = "Hallo";
  var RESTART = "opnieuw beginnen";
  var STORE_KEY = "scan-widget:v1:" + (SITE || "default");
  var MAX_IDLE_MS = 24 * 60 * 60 * 1000; // a stored conversation older than a day starts afresh
  var MAX_ENTRIES = 400;
  var REPLY_TIMEOUT_MS = 45000;
  var QUIET_MS = 1500; // no question payload: the turn is over after this much silence
  var CAMPAIGN_KEYS = ["utm_source", "utm_medium", "utm_campaign"];
  var TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
  // WCAG 1.3.5: tell the browser what a contact question asks for.
  var INPUT_PURPOSE = {
    contact_email: { type: "email", autocomplete: "email", inputmode: "email" },
    contact_telefoon: { type: "tel", autocomplete: "tel", inputmode: "tel" },
    contact_naam: { type: "text", autocomplete: "name" },
    bedrijfsnaam: { type: "text", autocomplete: "organization" }
  };

  // ---- colours: the site's colours, adjusted until text on them passes WCAG AA ------------

  function parseHex(hex) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex || "").trim());
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/./g, "$&$&") : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16); });
  }
  function toHex(rgb) {
    return "#" + rgb.map(function (c) { return ("0" + Math.round(c).toString(16)).slice(-2); }).join("");
  }
  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
  function mix(a, b, share) { return a.map(function (v, i) { return v + (b[i] - v) * share; }); }
  var WHITE = [255, 255, 255], INK = [17, 24, 39];
  function darkEnough(rgb) { // usable as text and borders on white (4.5:1)
    var out = rgb;
    for (var i = 0; i < 20 && contrast(out, WHITE) < 4.5; i++) out = mix(out, [0, 0, 0], 0.1);
    return out;
  }
  function palette(brandHex, accentHex) {
    var brand = parseHex(brandHex) || [11, 110, 105];
    var accent = parseHex(accentHex) || brand;
    var onBrand = contrast(brand, WHITE) >= 4.5 ? WHITE : INK;
    var onAccent = contrast(accent, WHITE) >= 4.5 ? WHITE : INK;
    return {
      "--sw-brand": toHex(brand), "--sw-on-brand": toHex(onBrand),
      "--sw-brand-text": toHex(darkEnough(brand)),
      "--sw-brand-soft": toHex(mix(darkEnough(brand), WHITE, 0.9)),
      "--sw-accent": toHex(accent), "--sw-on-accent": toHex(onAccent),
      "--sw-accent-line": toHex(contrast(accent, WHITE) >= 3 ? accent : darkEnough(accent))
    };
  }

  // ---- state: session id and transcript, kept across reloads ------------------------------

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Date.now().toString(16) + Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
  }
  function freshState(previousReport, rescanInvitation) {
    return { v: 1, sessionId: newId(), started: false, ended: false, open: false, entries: [],
             progress: null, previousReport: previousReport || null, rescanInvitation: rescanInvitation || null,
             updated: Date.now(), seq: 0 };
  }
  function loadState() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORE_KEY));
      if (saved && saved.v === 1 && saved.sessionId && Array.isArray(saved.entries) &&
          Date.now() - (saved.updated || 0) < MAX_IDLE_MS) return saved;
    } catch (e) { /* no storage or bad JSON */ }
    return null;
  }
  function saveState() {
    state.updated = Date.now();
    if (state.entries.length > MAX_ENTRIES) state.entries = state.entries.slice(-MAX_ENTRIES);
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  var params = new URLSearchParams(window.location.search);
  function tokenParam(name) {
    var value = params.get(name);
    return value && TOKEN.test(value) ? value : null;
  }
  var redo = tokenParam("vorige");
  var invited = tokenParam("herscan");
  var state = loadState();
  // "Doe de scan opnieuw" from a report, or an adviser's re-scan invitation (e-mail), starts a new
  // conversation that knows the earlier scan; the same link again continues that conversation.
  if (!state || (redo && state.previousReport !== redo) || (invited && state.rescanInvitation !== invited)) {
    state = freshState(redo, invited);
  }

  function metadata() {
    var meta = {};
    CAMPAIGN_KEYS.forEach(function (key) {
      var value = params.get(key);
      if (value) meta[key] = value.slice(0, 200);
    });
    if (SITE) meta.site = SITE;
    if (state.previousReport) meta.previous_report = state.previousReport;
    if (state.rescanInvitation) meta.rescan_invitation = state.rescanInvitation;
    return meta;
  }

  // ---- DOM ----------------------------------------------------------------------------------

  var host = document.createElement("div");
  host.id = "scan-widget";
  host.setAttribute("data-scan-widget", "");
  var shadow = host.attachShadow({ mode: "open" });
  var colours = palette(data.color, data.accent);
  var uid = "sw" + Math.random().toString(36).slice(2, 8);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  var ICON_CHAT = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" fill="currentColor"/></svg>';
  var ICON_CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/></svg>';
  var ICON_RESTART = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 12a8 8 0 1 0 2.3-5.6M4 4v4h4" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/></svg>';
  var ICON_SEND = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 20l18-8L3 4v6l12 2-12 2z" fill="currentColor"/></svg>';
  function withIcon(node, icon) { node.insertAdjacentHTML("afterbegin", icon); return node; }

  var stylesheet = el("link", { rel: "stylesheet", href: ASSETS + "widget/widget.css" });
  var frame = el("div", { class: "sw", lang: "nl", hidden: true });
  Object.keys(colours).forEach(function (key) { frame.style.setProperty(key, colours[key]); });

  var launcher = withIcon(el("button", { type: "button", class: "sw-launcher", "aria-expanded": "false",
                                         "aria-controls": uid + "-panel" },
                             [el("span", { text: LAUNCHER })]), ICON_CHAT);
  var titleId = uid + "-title";
  var subtitle = el("p", { class: "sw-head__sub" });
  // What the header promises must stay true: after the hand-off the owner is no longer anonymous.
  function renderSubtitle() {
    subtitle.textContent = state.handedOverTo
      ? "Gratis \u00b7 doorgegeven aan " + state.handedOverTo
      : "Gratis en anoniem \u00b7 ongeveer 10 minuten";
  }
  var restartButton = withIcon(el("button", { type: "button", class: "sw-head__button sw-restart" },
                                  [el("span", { text: "Opnieuw" })]), ICON_RESTART);
  var closeButton = withIcon(el("button", { type: "button", class: "sw-head__button sw-close",
                                            "aria-label": "Chat sluiten" }), ICON_CLOSE);
  var progressFill = el("div", { class: "sw-progress__fill" });
  var progressText = el("span", { class: "sw-progress__text" });
  var progress = el("div", { class: "sw-progress", role: "progressbar", "aria-valuemin": "0",
                             "aria-label": "Voortgang van de scan", hidden: true },
                    [el("div", { class: "sw-progress__track" }, [progressFill]), progressText]);
  var confirmBar = el("div", { class: "sw-confirm", role: "alertdialog", "aria-labelledby": uid + "-confirm",
                               hidden: true }, [
    el("p", { id: uid + "-confirm", text: "Opnieuw beginnen? Je antwoorden tot nu toe worden gewist." }),
    el("div", { class: "sw-confirm__buttons" }, [
      el("button", { type: "button", class: "sw-button sw-confirm__yes", text: "Ja, begin opnieuw" }),
      el("button", { type: "button", class: "sw-button sw-button--quiet sw-confirm__no", text: "Nee, ga verder" })
    ])
  ]);
  var log = el("ol", { class: "sw-log" });
  var logRegion = el("div", { role: "log", "aria-live": "polite", "aria-relevant": "additions",
                              "aria-label": "Gesprek" }, [log]);
  var choices = el("div", { class: "sw-choices", hidden: true });
  var typing = el("div", { class: "sw-typing", hidden: true }, [
    el("span", { class: "sw-dot", "aria-hidden": "true" }), el("span", { class: "sw-dot", "aria-hidden": "true" }),
    el("span", { class: "sw-dot", "aria-hidden": "true" }), el("span", { class: "sw-sr", text: "De assistent typt" })
  ]);
  var statusLine = el("p", { class: "sw-status", role: "status" });
  var scroller = el("div", { class: "sw-scroll" }, [logRegion, choices, typing]);
  var inputId = uid + "-input";
  var input = el("input", { id: inputId, class: "sw-input", type: "text", name: "message", maxlength: "500",
                            autocomplete: "off", placeholder: "Typ je antwoord\u2026" });
  var sendButton = withIcon(el("button", { type: "submit", class: "sw-send" },
                               [el("span", { class: "sw-sr", text: "Stuur" })]), ICON_SEND);
  var composer = el("form", { class: "sw-composer", autocomplete: "off" }, [
    el("label", { for: inputId, class: "sw-sr", text: "Je antwoord" }), input, sendButton
  ]);
  var panel = el("section", { id: uid + "-panel", class: "sw-panel", role: "dialog", "aria-modal": "false",
                              "aria-labelledby": titleId, hidden: true }, [
    el("header", { class: "sw-head" }, [
      el("div", { class: "sw-head__titles" }, [
        el("h2", { id: titleId, class: "sw-head__title", text: TITLE }),
        subtitle
      ]),
      restartButton, closeButton
    ]),
    progress, confirmBar, scroller, statusLine, composer
  ]);
  frame.appendChild(launcher);
  frame.appendChild(panel);
  shadow.appendChild(stylesheet);
  shadow.appendChild(frame);
  stylesheet.addEventListener("load", function () { frame.hidden = false; });
  stylesheet.addEventListener("error", function () { frame.hidden = false; });

  // ---- rendering ----------------------------------------------------------------------------

  var URL_PATTERN = /https?:\/\/[^\s<]+[^\s<.,;:!?)\]'"]/g;
  var REPORT_PATH = /\/rapport\/[A-Za-z0-9_-]{20,200}$/;

  // Links in bot text are clickable; a link to the owner's report reads "Open je rapport" rather
  // than its long address.
  function richText(parent, text) {
    var last = 0, match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var report = REPORT_PATH.test(match[0]);
      var link = el("a", { href: match[0], target: "_blank", rel: "noopener noreferrer",
                           class: report ? "sw-report-link" : null, text: report ? "Open je rapport" : match[0] });
      link.appendChild(el("span", { class: "sw-sr", text: " (opent in een nieuw tabblad)" }));
      parent.appendChild(link);
      last = URL_PATTERN.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function entryNode(entry) {
    var li = el("li", { class: "sw-msg sw-msg--" + entry.kind, id: uid + "-m" + entry.id,
                        "data-question": entry.questionId || null });
    if (entry.kind === "bot" || entry.kind === "user") {
      li.appendChild(el("span", { class: "sw-sr", text: entry.kind === "bot" ? "Assistent: " : "Jij: " }));
      var bubble = el("div", { class: "sw-bubble" });
      richText(bubble, entry.text || "");
      li.appendChild(bubble);
    } else if (entry.kind === "result") {
      li.appendChild(resultCard(entry.result));
    } else if (entry.kind === "end") {
      li.appendChild(el("p", { class: "sw-note", text: "Het gesprek is afgerond. Je kunt dit venster sluiten, " +
                                                        "of met \u2018Opnieuw\u2019 de scan nog eens doen." }));
    } else {
      li.appendChild(el("p", { class: "sw-note", text: entry.text }));
    }
    return li;
  }

  function resultCard(result) {
    var card = el("div", { class: "sw-result" });
    card.appendChild(el("p", { class: "sw-result__title", text: "Je uitkomst staat klaar" }));
    if (result.report_url && /^https?:\/\//.test(result.report_url)) {
      var link = el("a", { class: "sw-button sw-result__link", href: result.report_url, target: "_blank",
                           rel: "noopener", text: "Bekijk je rapport" });
      link.appendChild(el("span", { class: "sw-sr", text: " (opent in een nieuw tabblad)" }));
      card.appendChild(link);
    }
    return card;
  }

  function activeChoices() {
    // Only the newest question's options are live, and only while nothing was said after it.
    for (var i = state.entries.length - 1; i >= 0; i--) {
      var entry = state.entries[i];
      if (entry.kind === "user") return null;
      if (entry.choices && entry.choices.options.length) return entry;
    }
    return null;
  }

  function renderChoices(focusFirst) {
    choices.textContent = "";
    var entry = state.ended ? null : activeChoices();
    if (!entry) { choices.hidden = true; return; }
    var spec = entry.choices;
    choices.hidden = false;
    var group = el("div", { class: "sw-choices__group" + (spec.multiple ? " sw-choices__group--multi" : ""),
                            role: "group", "aria-labelledby": uid + "-m" + entry.id });
    var chosen = [];
    var hint = el("p", { class: "sw-choices__hint", id: uid + "-hint" });
    spec.options.forEach(function (option) {
      var button = el("button", { type: "button", class: spec.multiple ? "sw-chip" : "sw-choice",
                                  "data-value": option.value }, [el("span", { text: option.label })]);
      if (spec.multiple) {
        button.setAttribute("aria-pressed", "false");
        button.addEventListener("click", function () {
          var at = chosen.indexOf(option.value);
          if (at === -1) chosen.push(option.value); else chosen.splice(at, 1);
          button.setAttribute("aria-pressed", at === -1 ? "true" : "false");
          hint.textContent = "";
        });
      } else {
        button.addEventListener("click", function () {
          lastWay = "choice";
          send(option.value, option.label);
        });
      }
      group.appendChild(button);
    });
    choices.appendChild(group);
    if (spec.multiple) {
      hint.setAttribute("role", "status");
      var submit = el("button", { type: "button", class: "sw-button sw-multi-send", text: "Verstuur" });
      submit.addEventListener("click", function () {
        if (!chosen.length) {
          hint.textContent = "Kies eerst \u00e9\u00e9n of meer antwoorden, of typ je antwoord hieronder.";
          return;
        }
        var picked = spec.options.filter(function (o) { return chosen.indexOf(o.value) !== -1; });
        lastWay = "choice";
        send(picked.map(function (o) { return o.value; }).join(","),
             picked.map(function (o) { return o.label; }).join(", "));
      });
      choices.appendChild(el("div", { class: "sw-choices__actions" }, [
        el("p", { class: "sw-choices__help", text: "Kies er \u00e9\u00e9n of meer en klik op Verstuur." }), submit]));
      choices.appendChild(hint);
    }
    if (focusFirst) {
      var first = choices.querySelector("button");
      if (first) first.focus({ preventScroll: true });
    }
  }

  function renderProgress() {
    var p = state.progress;
    if (!p || !p.total) { progress.hidden = true; return; }
    var current = Math.max(0, Math.min(p.current, p.total));
    progress.hidden = false;
    progress.setAttribute("aria-valuemax", String(p.total));
    progress.setAttribute("aria-valuenow", String(current));
    // After the result come a few closing questions, counted on their own.
    var text = (state.resultSeen ? "Afronding: vraag " : "Vraag ") + current + " van " + p.total;
    progress.setAttribute("aria-valuetext", text);
    progressFill.style.width = Math.round(100 * current / p.total) + "%";
    progressText.textContent = text;
  }

  function applyInputPurpose() {
    var entry = activeChoices() || lastQuestionEntry();
    var purpose = (entry && INPUT_PURPOSE[entry.questionId]) || { type: "text", autocomplete: "off" };
    input.type = purpose.type;
    input.setAttribute("autocomplete", purpose.autocomplete);
    if (purpose.inputmode) input.setAttribute("inputmode", purpose.inputmode); else input.removeAttribute("inputmode");
  }
  function lastQuestionEntry() {
    for (var i = state.entries.length - 1; i >= 0; i--) {
      if (state.entries[i].kind === "user") return null;
      if (state.entries[i].questionId) return state.entries[i];
    }
    return null;
  }

  function renderAll() {
    renderSubtitle();
    log.textContent = "";
    state.entries.forEach(function (entry) { log.appendChild(entryNode(entry)); });
    renderChoices(false);
    renderProgress();
    applyInputPurpose();
    scroller.scrollTop = scroller.scrollHeight;
  }

  // Shows a new turn from its first message. When it does not fit, from its last message (the
  // question), except for the result, which is read from its start.
  var anchor = null, anchorFromStart = false;
  function scrollToTurn(firstNode, fromStart) {
    anchor = firstNode && firstNode.isConnected ? firstNode : null;
    anchorFromStart = !!fromStart;
    var bottom = scroller.scrollHeight - scroller.clientHeight;
    var target = bottom;
    if (anchor && anchor.offsetTop - 8 < bottom) {
      var bots = log.querySelectorAll(".sw-msg--bot");
      var last = bots.length ? bots[bots.length - 1] : anchor;
      target = (fromStart ? anchor.offsetTop : Math.max(anchor.offsetTop, last.offsetTop)) - 8;
    }
    scroller.scrollTop = Math.max(0, Math.min(target, bottom));
  }
  // A phone's keyboard, a rotation or a resize changes the height: show the same turn again.
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      if (!busy && !panel.hidden) scrollToTurn(anchor, anchorFromStart);
    }).observe(scroller);
  }

  // ---- turns --------------------------------------------------------------------------------

  var busy = false, turnStart = null, turnHasResult = false, quietTimer = null, replyTimer = null, lastWay = "text";

  function addEntry(entry) {
    entry.id = ++state.seq;
    state.entries.push(entry);
    var node = entryNode(entry);
    log.appendChild(node);
    return node;
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    clearTimeout(replyTimer);
    if (value) {
      replyTimer = setTimeout(function () {
        setBusy(false);
        addEntry({ kind: "note", text: "De assistent reageert even niet. Stuur je antwoord zo nog eens." });
        saveState();
      }, REPLY_TIMEOUT_MS);
    }
  }

  function endTurn() {
    clearTimeout(quietTimer);
    setBusy(false);
    var focusInPanel = !panel.hidden && panel.contains(shadow.activeElement) &&
      !confirmBar.contains(shadow.activeElement);
    renderChoices(focusInPanel && lastWay === "choice");
    renderProgress();
    applyInputPurpose();
    if (focusInPanel && !choices.contains(shadow.activeElement)) input.focus({ preventScroll: true });
    // The result and the welcome (the turn before the owner said anything) are read from their start.
    var welcome = !state.entries.some(function (e) { return e.kind === "user"; });
    scrollToTurn(turnStart, turnHasResult || welcome);
    turnStart = null;
    turnHasResult = false;
    saveState();
  }

  function onBotMessage(message) {
    if (!message || typeof message !== "object") return;
    inFlight = null;  // the assistant answered it
    var node = null;
    var custom = message.custom;
    if (typeof message.text === "string" && message.text.trim()) {
      var entry = { kind: "bot", text: message.text };
      var replies = Array.isArray(message.quick_replies) ? message.quick_replies : message.buttons;
      if (Array.isArray(replies) && replies.length) {
        entry.choices = { multiple: false, options: replies.map(function (b) {
          return { value: String(b.payload), label: String(b.title || b.payload) };
        }) };
      }
      node = addEntry(entry);
    } else if (message.attachment && message.attachment.type === "image" && message.attachment.payload) {
      // Images are not part of the contract; show a link rather than an unlabeled picture.
      node = addEntry({ kind: "bot", text: String(message.attachment.payload.src || "") });
    }
    if (custom && typeof custom === "object") {
      if (custom.type === "question") onQuestion(custom);
      else if (custom.type === "result") {
        state.resultSeen = true;
        turnHasResult = true;
        withoutReportLine(String(custom.report_url || ""));
        node = addEntry({ kind: "result", result: { report_url: String(custom.report_url || "") } });
      }
      else if (custom.type === "handover") {
        state.handedOverTo = String(custom.intermediary_name || "").slice(0, 200) || null;
        renderSubtitle();
      }
      else if (custom.type === "end") {
        state.ended = true;
        node = addEntry({ kind: "end" });
      }
    }
    if (node && !turnStart) turnStart = node;
    saveState();
    clearTimeout(quietTimer);
    if (custom && (custom.type === "question" || custom.type === "end")) endTurn();
    else quietTimer = setTimeout(endTurn, QUIET_MS);
  }

  // The result card below carries the report button: the text just above it need not repeat the address.
  function withoutReportLine(url) {
    if (!url) return;
    for (var i = state.entries.length - 1; i >= 0; i--) {
      var entry = state.entries[i];
      if (entry.kind === "user") return;
      if (entry.kind !== "bot" || (entry.text || "").indexOf(url) === -1) continue;
      entry.text = entry.text.split("\n").filter(function (line) { return line.indexOf(url) === -1; })
        .join("\n").replace(/\n{3,}/g, "\n\n").trim();
      var node = log.querySelector("#" + uid + "-m" + entry.id);
      if (!entry.text) { // the line was the whole message (Rasa sends each paragraph on its own)
        state.entries.splice(i, 1);
        if (node) {
          if (turnStart === node) turnStart = node.nextElementSibling;
          node.remove();
        }
        continue;
      }
      if (node) node.replaceWith(entryNode(entry));
      if (turnStart === node) turnStart = log.querySelector("#" + uid + "-m" + entry.id);
    }
  }

  function onQuestion(question) {
    if (question.progress && question.progress.total) state.progress = question.progress;
    state.ended = false;
    var options = Array.isArray(question.options) ? question.options.map(function (o) {
      return { value: String(o.value), label: String(o.label || o.value) };
    }) : [];
    // The question's text came just before; it carries the buttons, this payload the details.
    for (var i = state.entries.length - 1; i >= 0; i--) {
      var entry = state.entries[i];
      if (entry.kind === "user") break;
      if (entry.kind === "bot") {
        entry.questionId = String(question.question_id || "");
        var node = log.querySelector("#" + uid + "-m" + entry.id);
        if (node) node.setAttribute("data-question", entry.questionId);
        if (options.length && (question.multiple || !entry.choices)) {
          entry.choices = { multiple: !!question.multiple, options: options };
        }
        return;
      }
    }
  }

  // ---- connection ---------------------------------------------------------------------------

  // inFlight: the message sent last, until an answer arrives; sent again (same message_id)
  // after a lost connection, so the assistant answers it once, never twice.
  var socket = null, confirmed = false, queue = [], inFlight = null;

  function loadClient(done) {
    if (window.__scanWidgetIo) { done(window.__scanWidgetIo); return; }
    // Keep a host page's own `io` and AMD loader out of it: the UMD bundle would use them.
    var hostIo = window.io, hostDefine = window.define;
    window.define = undefined;
    var tag = document.createElement("script");
    tag.src = ASSETS + "vendor/socket.io/socket.io.min.js";
    tag.async = true;
    tag.onload = function () {
      window.__scanWidgetIo = window.io;
      window.io = hostIo;
      window.define = hostDefine;
      done(window.__scanWidgetIo);
    };
    tag.onerror = function () {
      window.define = hostDefine;
      showStatus("De chat kon niet laden. Ververs de pagina en probeer het opnieuw.");
    };
    document.head.appendChild(tag);
  }

  function showStatus(text) { statusLine.textContent = text || ""; }

  function connect() {
    if (socket) return;
    showStatus("Verbinding maken\u2026");
    loadClient(function (io) {
      if (socket) return;
      socket = io(RASA_URL, { path: "/socket.io", reconnectionDelayMax: 10000 });
      socket.on("connect", function () {
        confirmed = false;
        socket.emit("session_request", { session_id: state.sessionId });
      });
      socket.on("session_confirm", function (id) {
        if (id && id !== state.sessionId) return;
        confirmed = true;
        showStatus("");
        flush();
      });
      socket.on("bot_uttered", onBotMessage);
      socket.on("disconnect", function () {
        confirmed = false;
        if (inFlight && queue.indexOf(inFlight) < 0) queue.unshift(inFlight);
        showStatus("Verbinding verbroken. We proberen het opnieuw\u2026");
      });
      socket.on("connect_error", function () {
        showStatus("Geen verbinding met de assistent. We proberen het opnieuw\u2026");
      });
    });
  }

  function flush() {
    while (confirmed && queue.length) {
      var item = queue.shift();
      inFlight = item;
      socket.emit("user_uttered", item);
    }
  }

  function emit(text) {
    var item = { message: text, session_id: state.sessionId, message_id: newId() };
    if (!state.started) { item.metadata = metadata(); state.started = true; }
    queue.push(item);
    flush();
  }

  function send(value, shownAs) {
    if (!value) return;
    hideConfirm();
    if (shownAs !== null) addEntry({ kind: "user", text: shownAs || value });
    turnStart = null;
    renderChoices(false);
    setBusy(true);
    saveState();
    scroller.scrollTop = scroller.scrollHeight;
    if (lastWay === "choice") input.focus({ preventScroll: true });
    emit(value);
  }

  // ---- opening, closing, restarting ---------------------------------------------------------

  function open() {
    if (!panel.hidden) return;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    state.open = true;
    saveState();
    connect();
    renderAll();
    if (!state.started) {
      lastWay = "text";
      send(OPENING, null); // unseen: the bot's welcome appears at once
    }
    var target = lastWay === "choice" && choices.querySelector("button");
    (target || input).focus({ preventScroll: true });
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    saveState();
    launcher.focus();
  }

  function askRestart() {
    var answered = state.entries.some(function (e) { return e.kind === "user"; });
    if (!answered) { restart(); return; }
    confirmBar.hidden = false;
    confirmBar.querySelector(".sw-confirm__no").focus();
  }
  function hideConfirm() { confirmBar.hidden = true; }

  function restart() {
    hideConfirm();
    state.entries = [];
    state.progress = null;
    state.ended = false;
    state.resultSeen = false;
    state.handedOverTo = null;
    renderAll();
    lastWay = "text";
    if (!state.started) send(OPENING, null);
    else send(RESTART, "Opnieuw beginnen");
    input.focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  restartButton.addEventListener("click", askRestart);
  confirmBar.querySelector(".sw-confirm__yes").addEventListener("click", restart);
  confirmBar.querySelector(".sw-confirm__no").addEventListener("click", function () {
    hideConfirm();
    restartButton.focus();
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (!confirmBar.hidden) { hideConfirm(); restartButton.focus(); } else close();
    }
  });
  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    lastWay = "text";
    send(text, text);
  });
  document.addEventListener("click", function (event) {
    var trigger = event.target && event.target.closest && event.target.closest("[data-scan-open]");
    if (trigger) { event.preventDefault(); open(); }
  });

  function mount() {
    document.body.appendChild(host);
    renderAll();
    if (state.open || redo || invited || data.open === "true") open();
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);

  window.ScanWidget = { version: "1", open: open, close: close,
                        sessionId: function () { return state.sessionId; } };
})();
