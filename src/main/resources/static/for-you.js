// "Most read" and "For you". Reading history and followed topics live only in this browser,
// only with the reader's "preferences" consent, and only ids and topic slugs are ever sent.
(function () {
  'use strict';
  var KEY = 'byline.pref.reader', MAX_READS = 30, d = document, generation = 0;
  var say = window.bylineText.say; // the site language's words (text-xx.js, loaded first)

  function allowed() {
    var c = window.bylineConsent;
    return !!(c && typeof c.allowed === 'function' && c.allowed('preferences') === true);
  }
  function load() {
    if (!allowed()) return { reads: [], follows: [] };
    try {
      var s = JSON.parse(localStorage.getItem(KEY)) || {};
      return { reads: Array.isArray(s.reads) ? s.reads : [], follows: Array.isArray(s.follows) ? s.follows : [] };
    } catch (e) { return { reads: [], follows: [] }; }
  }
  function save(state) {
    if (!allowed()) return;
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* storage full or blocked */ }
  }
  function forget() {
    try { localStorage.removeItem(KEY); } catch (e) { /* blocked */ }
  }
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function link(item) {
    var a = el('a', '', item.headline);
    a.href = item.path;
    return a;
  }
  function getJson(url, body) {
    var opts = body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {};
    opts.credentials = 'same-origin';
    return fetch(url, opts).then(function (r) { if (!r.ok) throw new Error(url + ' ' + r.status); return r.json(); });
  }
  var mostRead = null;
  function mostReadItems() {
    if (!mostRead) mostRead = getJson('/most-read.json').then(function (j) { return j.items || []; });
    return mostRead;
  }
  function storyList(items, cls, withReason) {
    var ol = el('ol', cls);
    items.forEach(function (item) {
      var li = el('li');
      if (item.section) li.appendChild(el('span', 'kicker', item.section));
      li.appendChild(link(item));
      if (withReason && item.reason) li.appendChild(el('span', 'reason', item.reason));
      ol.appendChild(li);
    });
    return ol;
  }

  // "Most read" blocks: the server sends a link; a list replaces it when the fragment arrives.
  function fillMostRead() {
    var blocks = d.querySelectorAll('[data-most-read]');
    if (!blocks.length) return;
    mostReadItems().then(function (items) {
      blocks.forEach(function (b) {
        if (!items.length) { b.hidden = true; return; }
        var old = b.querySelector('[data-most-read-list]');
        if (old) old.remove();
        var list = storyList(items, 'most-read-list');
        list.setAttribute('data-most-read-list', '');
        b.appendChild(list);
        var fallback = b.querySelector('.most-read-fallback');
        if (fallback) fallback.hidden = true;
      });
    }).catch(function () { /* the link stays */ });
  }

  // Reading history: the article's id (on the "Most read" block under it) and topic slugs, newest first.
  function remember() {
    var marker = d.querySelector('[data-most-read][data-article-id]');
    var story = d.querySelector('article.story');
    if (!marker || !story || !allowed()) return;
    var id = Number(marker.getAttribute('data-article-id'));
    if (!(id > 0)) return;
    var topics = Array.prototype.map.call(story.querySelectorAll('.topics a[data-topic]'), function (a) { return a.getAttribute('data-topic'); });
    var state = load();
    state.reads = [{ id: id, t: topics }].concat(state.reads.filter(function (r) { return r && r.id !== id; })).slice(0, MAX_READS);
    save(state);
  }

  function following(state, slug) {
    return state.follows.some(function (f) { return f && f.s === slug; });
  }
  function toggleFollow(slug, name) {
    var state = load();
    if (following(state, slug)) state.follows = state.follows.filter(function (f) { return f.s !== slug; });
    else state.follows.unshift({ s: slug, n: name });
    save(state);
    refresh();
  }
  // A button that opens the consent settings, when the consent script offers to.
  function settingsButton() {
    var c = window.bylineConsent;
    if (!c || typeof c.open !== 'function') return null;
    var b = el('button', 'consent-settings', say('cookie.settings'));
    b.type = 'button';
    b.addEventListener('click', function () { c.open(); });
    return b;
  }
  function note(button, text) {
    var n = button.parentNode.querySelector('.follow-note');
    if (!n) {
      n = el('span', 'follow-note');
      n.setAttribute('role', 'status');
      button.after(n);
    }
    n.textContent = text + ' ';
    var open = settingsButton();
    if (open) n.appendChild(open);
  }
  // Follow buttons next to every topic link of an article and on a topic page.
  function followButtons() {
    var targets = d.querySelectorAll('.topics a[data-topic], [data-follow-topic]');
    targets.forEach(function (t) {
      var slug = t.getAttribute('data-topic') || t.getAttribute('data-follow-topic');
      var name = t.getAttribute('data-topic-name') || t.textContent.trim();
      var b = t.parentNode.querySelector('button.follow[data-slug="' + slug + '"]');
      if (!b) {
        b = el('button', 'follow');
        b.type = 'button';
        b.setAttribute('data-slug', slug);
        b.addEventListener('click', function () {
          if (!allowed()) { note(b, say('follow.consent')); return; }
          toggleFollow(slug, name);
        });
        t.after(b);
      }
      var on = following(load(), slug);
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.textContent = say(on ? 'following' : 'follow');
      b.setAttribute('aria-label', say(on ? 'following.label' : 'follow.label').split('{0}').join(name));
    });
  }

  // The front page's "For you" module: picks with consent and history, "Most read" otherwise.
  function forYou() {
    var box = d.querySelector('[data-for-you]');
    if (!box) return;
    var mine = ++generation; // a later render (consent changed, history cleared) wins over this one
    function current() { return mine === generation; }
    var title = box.querySelector('h2'), body = box.querySelector('[data-for-you-body]');
    var aside = d.querySelector('[data-most-read]');
    body.replaceChildren();
    box.hidden = false;
    var state = load();
    if (!allowed()) {
      title.textContent = say('most.read');
      if (aside) aside.hidden = true;
      var why = el('p', 'for-you-note', say('for.you.consent') + ' ');
      var open = settingsButton();
      if (open) why.appendChild(open);
      body.appendChild(why);
      mostReadItems().then(function (items) {
        if (!current()) return;
        if (!items.length) { box.hidden = true; return; }
        body.insertBefore(storyList(items.slice(0, 6), 'for-you-list'), body.firstChild);
      }).catch(function () { if (current()) box.hidden = true; });
      return;
    }
    title.textContent = say('for.you');
    if (aside) aside.hidden = false;
    controls(body, state);
    if (!state.reads.length && !state.follows.length) {
      body.insertBefore(el('p', 'for-you-note', say('for.you.start')), body.firstChild);
      return;
    }
    var ask = { read: state.reads.map(function (r) { return r.id; }), follow: state.follows.map(function (f) { return f.s; }) };
    getJson('/for-you.json', ask).then(function (j) {
      if (!current()) return;
      var items = j.items || [];
      var list = items.length ? storyList(items, 'for-you-list', true)
        : el('p', 'for-you-note', say('for.you.none'));
      list.setAttribute('data-for-you-list', '');
      body.insertBefore(list, body.firstChild);
    }).catch(function () {
      if (current()) body.insertBefore(el('p', 'for-you-note', say('for.you.failed')), body.firstChild);
    });
  }
  function controls(body, state) {
    var bar = el('div', 'for-you-controls');
    if (state.follows.length) {
      bar.appendChild(el('span', '', say('you.follow') + ' '));
      state.follows.forEach(function (f) {
        var b = el('button', 'unfollow', f.n || f.s);
        b.type = 'button';
        b.setAttribute('aria-label', say('unfollow.label').split('{0}').join(f.n || f.s));
        b.addEventListener('click', function () { toggleFollow(f.s, f.n); });
        bar.appendChild(b);
      });
    }
    var clear = el('button', 'clear-history', say('clear.history'));
    clear.type = 'button';
    clear.disabled = !state.reads.length;
    clear.addEventListener('click', function () {
      var s = load();
      s.reads = [];
      save(s);
      refresh();
      var again = d.querySelector('.clear-history');
      if (again) again.focus();
    });
    bar.appendChild(clear);
    body.appendChild(bar);
  }

  function refresh() {
    followButtons();
    forYou();
  }
  // What builds page content waits for idle time, each part in a slice of its own, so none of it
  // delays the page's first paint or blocks a reader's tap. Reading history is kept at once: it is
  // one small write, and a reader who leaves quickly has still read the story.
  function idle(fn) {
    if (window.requestIdleCallback) requestIdleCallback(fn, { timeout: 1500 });
    else setTimeout(fn, 1);
  }
  function start() {
    if (window.bylineConsent && !allowed()) forget(); // consent withdrawn on another page
    remember();
    idle(fillMostRead);
    idle(refresh);
  }
  d.addEventListener('byline:consent', function () {
    if (!allowed()) forget(); // withdrawing consent deletes what was kept
    remember();
    idle(refresh);
  });
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})();
