// Live blogs: asks the page's posts fragment for news every few seconds and offers a
// "N new updates" button rather than moving the text under the reader. The page itself stays
// the same cached bytes for everyone; the fragment is cached too (asked with no-cache, so a
// browser revalidates and mostly gets a 304).
(function () {
  'use strict';
  var d = document, box = d.querySelector('[data-live]');
  if (!box || !window.fetch) return;
  var url = box.getAttribute('data-live');
  var seen = parseInt(box.getAttribute('data-live-latest'), 10) || 0;
  var every = Math.max(1, parseInt(box.getAttribute('data-live-poll'), 10) || 10) * 1000;
  var button = box.querySelector('[data-live-button]');
  var status = box.querySelector('[data-live-status]');
  var latest = null, timer = 0;
  // The site language's words (text-xx.js). Asked for when needed: this script stands in the
  // story, before the scripts at the end of the page, so it runs before text-xx.js does.
  function say(key, n) { return window.bylineText.say(key, n); }

  function newCount(j) {
    return (j.ids || []).filter(function (id) { return id > seen; }).length;
  }
  function offer(label) {
    if (button.textContent !== label) {
      button.textContent = label;
      status.textContent = label;
    }
    button.hidden = false;
  }
  function poll() {
    timer = 0;
    if (d.visibilityState === 'hidden') return; // resumes when the tab is shown again
    fetch(url, { cache: 'no-cache', credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j) return;
        latest = j;
        var n = newCount(j);
        if (n > 0) offer(say('live.new', n));
        else if (j.live === false) offer(say('live.ended'));
      })
      .catch(function () { /* offline for a moment: ask again later */ })
      .then(function () {
        // Ended coverage takes no more posts, so there is nothing more to ask for.
        if (!latest || latest.live !== false) schedule();
      });
  }
  function schedule() {
    if (!timer) timer = setTimeout(poll, every);
  }
  function show() {
    if (!latest) return;
    var t = d.createElement('template');
    t.innerHTML = latest.html; // the site's own escaped markup, as in the page
    var fresh = t.content.querySelector('[data-live-posts]');
    var old = box.querySelector('[data-live-posts]');
    if (!fresh || !old) return;
    old.replaceWith(fresh);
    seen = latest.latest;
    button.hidden = true;
    status.textContent = say('live.shown');
    fresh.focus();
  }
  button.addEventListener('click', show);
  d.addEventListener('visibilitychange', function () {
    if (d.visibilityState === 'visible' && !(latest && latest.live === false)) schedule();
  });
  schedule();
})();
