// The newsroom admin's only script: autosave, live preview and topic suggestions. Every form
// still works without it.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var csrf = main ? main.getAttribute("data-csrf") : "";

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
