// The newsroom admin's only script: autosave, live preview and topic suggestions. Every form
// works without it; this only saves keystrokes and shows the page as readers will see it.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var csrf = main ? main.getAttribute("data-csrf") : "";

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  var form = document.getElementById("article-form");
  if (!form) return;
  var status = document.getElementById("autosave-status");
  var preview = document.getElementById("preview");
  var autosaveUrl = form.getAttribute("data-autosave");
  var previewUrl = form.getAttribute("data-preview");
  var autosaveTimer = null;
  var previewTimer = null;
  var saving = false;
  var stopped = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function post(url, body, accept) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "Accept": accept }
    });
  }

  // Sent as an ordinary form (application/x-www-form-urlencoded): the editor has no files, and
  // the server takes multipart bodies only where something is uploaded.
  function fields() {
    var data = new FormData(form);
    data.delete("action");
    return new URLSearchParams(data);
  }

  function autosave() {
    if (!autosaveUrl || stopped || saving) return;
    var headline = form.querySelector("#headline");
    if (headline && !headline.value.trim()) return;
    saving = true;
    say("Saving…");
    post(autosaveUrl, fields(), "application/json").then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
    }).then(function (r) {
      saving = false;
      if (r.ok) {
        var version = form.querySelector("input[name=version]");
        if (version && r.json.version !== undefined) version.value = r.json.version;
        if (r.json.url) {
          autosaveUrl = r.json.url + "/autosave";
          previewUrl = r.json.url + "/preview";
          form.setAttribute("action", r.json.url);
          form.setAttribute("data-autosave", autosaveUrl);
          form.setAttribute("data-preview", previewUrl);
          if (!version) {
            version = document.createElement("input");
            version.type = "hidden";
            version.name = "version";
            form.appendChild(version);
          }
          version.value = r.json.version;
          history.replaceState(null, "", r.json.url);
        }
        say("Draft saved at " + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + ".");
      } else if (r.status === 401) {
        stopped = true;
        say("Not autosaved: you are signed out. Your text is still here; sign in again in another tab before you save.");
      } else if (r.status === 409 || r.status === 403) {
        stopped = true;
        say(r.json.error || "Autosave stopped.");
      } else {
        var errors = r.json.errors || {};
        var first = Object.keys(errors)[0];
        say(first ? "Not autosaved: " + errors[first] : "Not autosaved.");
      }
    }).catch(function () {
      saving = false;
      say("Not autosaved: the server could not be reached. Your text is still here.");
    });
  }

  function refreshPreview() {
    if (!preview || !previewUrl) return;
    var headline = form.querySelector("#headline");
    if (headline && !headline.value.trim()) return;
    post(previewUrl, fields(), "text/html").then(function (response) {
      return response.text();
    }).then(function (html) {
      preview.srcdoc = html;
    }).catch(function () { /* the preview is a convenience; the form still works */ });
  }

  form.addEventListener("input", function (event) {
    if (event.target && event.target.id === "topics") suggestTopics(event.target);
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, 3000);
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 700);
  });
  form.addEventListener("change", function () {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 300);
  });
  refreshPreview();

  var suggestTimer = null;
  function suggestTopics(input) {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      var list = document.getElementById("topic-suggestions");
      if (!list) return;
      var parts = input.value.split(",");
      var last = parts.pop().trim();
      var before = parts.map(function (p) { return p.trim(); }).filter(Boolean);
      if (last.length < 2) return;
      fetch("/admin/suggest/topics?q=" + encodeURIComponent(last), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      })
        .then(function (r) { return r.json(); })
        .then(function (topics) {
          list.textContent = "";
          topics.forEach(function (t) {
            var option = document.createElement("option");
            option.value = before.concat([t.name]).join(", ");
            option.label = t.name + " (" + t.type + ")";
            list.appendChild(option);
          });
        }).catch(function () { /* suggestions are optional */ });
    }, 200);
  }
})();
