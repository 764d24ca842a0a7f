// The breaking-news banner. Every page is the same cached bytes for every reader; this script
// reads the small /breaking.json (purged the moment an editor raises, changes or clears the
// banner, and when it expires) and shows it over the top of the window, so the page's own
// content never moves. A reader may dismiss it; it stays dismissed for this tab's visit.
// While the page is open and visible, /breaking/events (Server-Sent Events) tells it of every
// change at once; where that stream is refused or missing, the page asks again every minute.
(function () {
  'use strict';
  var d = document, PATH = '/breaking.json', STREAM = '/breaking/events', KEY = 'byline.breaking.dismissed', POLL_MS = 60000;
  var box, alertEl, current = null, expiryTimer = null, source = null;
  var say = window.bylineText.say; // the site language's words (text-xx.js, loaded first)

  function dismissedId() {
    try { return sessionStorage.getItem(KEY); } catch (e) { return null; }
  }
  function remember(id) {
    try { sessionStorage.setItem(KEY, String(id)); } catch (e) { /* storage blocked */ }
  }
  function build() {
    if (box) return;
    box = d.createElement('aside');
    box.className = 'breaking';
    box.setAttribute('aria-label', say('breaking.region'));
    box.setAttribute('data-breaking', '');
    box.hidden = true;
    alertEl = d.createElement('div');
    alertEl.className = 'breaking-text';
    alertEl.setAttribute('role', 'alert');
    var close = d.createElement('button');
    close.type = 'button';
    close.className = 'breaking-close';
    close.setAttribute('aria-label', say('breaking.dismiss'));
    close.textContent = '\u00d7';
    close.addEventListener('click', function () {
      if (current) remember(current.id);
      hide();
    });
    box.appendChild(alertEl);
    box.appendChild(close);
    d.body.appendChild(box);
  }
  function hide() {
    if (!box) return;
    box.hidden = true;
    alertEl.textContent = '';
  }
  function show(news) {
    build();
    var label = d.createElement('strong');
    label.textContent = say('breaking.label') + ' ';
    var text;
    if (news.url) {
      text = d.createElement('a');
      text.href = news.url;
    } else {
      text = d.createElement('span');
    }
    text.textContent = news.text;
    alertEl.textContent = '';
    box.hidden = false;
    alertEl.appendChild(label);
    alertEl.appendChild(text);
  }
  function apply(news) {
    clearTimeout(expiryTimer);
    var expires = news && news.expires ? Date.parse(news.expires) : NaN;
    if (!news || !news.id || !news.text || String(news.id) === dismissedId() || expires <= Date.now()) {
      current = null;
      hide();
      return;
    }
    if (!current || current.id !== news.id || current.text !== news.text || current.url !== news.url) show(news);
    current = news;
    if (!isNaN(expires)) expiryTimer = setTimeout(function () { apply(null); }, Math.min(expires - Date.now(), 2147483647));
  }
  function check() {
    // "no-cache": ask the server every time; an unchanged banner costs a 304 from its memory.
    fetch(PATH, { credentials: 'same-origin', cache: 'no-cache' })
      .then(function (r) { if (!r.ok) throw new Error(PATH + ' ' + r.status); return r.json(); })
      .then(apply)
      .catch(function () { /* no banner is the safe default */ });
  }
  // The stream opens once the page has loaded (it is no part of showing the story) and only
  // while the page is visible; it is closed when the page is hidden or left, so a tab in the
  // background or a page in the back-forward cache holds no connection.
  function listen() {
    if (source || d.hidden || !window.EventSource) return;
    source = new EventSource(STREAM);
    source.addEventListener('banner', function (e) {
      try { apply(JSON.parse(e.data)); } catch (x) { /* keep what is shown */ }
    });
    source.onerror = function () {
      // CLOSED: refused (this node has as many streams as it takes); polling carries on.
      if (source && source.readyState === 2) source = null;
    };
  }
  function stop() {
    if (source) source.close();
    source = null;
  }
  check();
  setInterval(function () { if (!d.hidden && !source) check(); }, POLL_MS);
  d.addEventListener('visibilitychange', function () {
    if (d.hidden) { stop(); return; }
    check();
    listen();
  });
  window.addEventListener('pagehide', stop);
  window.addEventListener('pageshow', function (e) { if (e.persisted) { check(); listen(); } });
  if (d.readyState === 'complete') listen();
  else window.addEventListener('load', function () { setTimeout(listen, 0); });
})();
