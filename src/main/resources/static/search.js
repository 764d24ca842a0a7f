// Search-box autocomplete: headlines and topics from /search/suggest as the reader types.
// Same-origin, no third parties, nothing stored; the plain form still works without it.
(function () {
  "use strict";
  var DELAY_MS = 150;
  var MIN_CHARS = 2;

  function attach(input) {
    var list = document.createElement("ul");
    var listId = (input.id || "q") + "-suggestions";
    var timer = null;
    var active = -1;
    var lastAsked = "";
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.parentNode.style.position = "relative";
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function option(text, kind, url, n) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      li.id = listId + "-" + n;
      li.setAttribute("role", "option");
      a.href = url;
      a.tabIndex = -1;
      a.textContent = text;
      if (kind) {
        var small = document.createElement("span");
        small.className = "suggestion-kind";
        small.textContent = kind;
        a.appendChild(document.createTextNode(" "));
        a.appendChild(small);
      }
      li.appendChild(a);
      return li;
    }

    function show(data) {
      list.textContent = "";
      var n = 0;
      (data.topics || []).forEach(function (t) { list.appendChild(option(t.name, window.bylineText.say("topic"), t.url, n++)); });
      (data.headlines || []).forEach(function (h) { list.appendChild(option(h.headline, "", h.url, n++)); });
      if (n === 0) { close(); return; }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function ask() {
      var q = input.value.trim();
      if (q.length < MIN_CHARS || q.length > 300) { close(); return; }
      if (q === lastAsked) return;
      lastAsked = q;
      fetch("/search/suggest?q=" + encodeURIComponent(q), {
        credentials: "omit",
        headers: { "Accept": "application/json" }
      })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && input.value.trim() === q) show(data); })
        .catch(function () { close(); });
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (list.hidden || items.length === 0) return;
      if (active >= 0) items[active].removeAttribute("aria-selected");
      active = (active + step + items.length) % items.length;
      items[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      lastAsked = lastAsked === input.value.trim() ? lastAsked : "";
      timer = setTimeout(ask, DELAY_MS);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0 && !list.hidden) {
        var link = list.querySelectorAll("li a")[active];
        if (link) { e.preventDefault(); window.location.href = link.href; }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 200); });
  }

  function start() {
    var inputs = document.querySelectorAll("input#q, input[data-autocomplete]");
    for (var i = 0; i < inputs.length; i++) attach(inputs[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
