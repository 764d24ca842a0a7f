/*! Byline consent script; see docs/consent.md */
/* Byline consent: applies the reader's cookie choice in the browser, since pages are the same
 * bytes for everyone. It reads and checks the stored choice, gates third-party tags (Google
 * Analytics, AdSense, YouTube), keeps Google Consent Mode up to date, records each choice as
 * proof, and offers the contract other scripts use:
 *   window.bylineConsent.allowed(category) -> boolean
 *   document event 'byline:consent', detail {categories: [...]}, on load (when a choice is
 *   stored) and on every change.
 * The banner itself is vanilla-cookieconsent (window.CookieConsent), loaded just before this. */
(function () {
  'use strict';
  var S = window.bylineConsentSettings;
  if (!S) return;
  var CC = window.CookieConsent;
  var DAY = 864e5;
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  var YT = 'https://www.youtube-nocookie.com/embed/';
  var byId = {};
  S.categories.forEach(function (c) { byId[c.id] = c; });
  var choice = stored();
  var started = {};  // what has been switched on in this page: ga, ads, media
  var action = null; // the button the reader last pressed
  var first = false;

  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|;\\s*)' + name.replace(/[.$]/g, '\\$&') + '=([^;]*)'));
    return m ? m[1] : null;
  }

  /* Deletes a cookie on this host and on each parent domain, where tags may have set it. */
  function erase(name) {
    var parts = location.hostname.split('.'), domains = [''];
    for (var i = 0; i < parts.length - 1; i++) domains.push(';domain=.' + parts.slice(i).join('.'));
    domains.forEach(function (d) { document.cookie = name + '=;path=/;max-age=0' + d; });
  }

  /* The stored choice, or null. A forged, malformed or expired cookie counts as no choice and is
   * removed; one from an older policy revision is kept so the banner can say the policy changed. */
  function stored() {
    var raw = cookie(S.cookie), c = null;
    if (raw === null) return null;
    try { c = JSON.parse(decodeURIComponent(raw)); } catch (e) { c = null; }
    if (!valid(c)) { erase(S.cookie); return null; }
    return c.revision === S.revision ? c : null;
  }

  function valid(c) {
    if (!c || typeof c !== 'object' || !Array.isArray(c.categories) || !c.services || typeof c.services !== 'object') return false;
    if (typeof c.consentId !== 'string' || !UUID.test(c.consentId) || typeof c.revision !== 'number') return false;
    var firstAt = Date.parse(c.consentTimestamp), lastAt = Date.parse(c.lastConsentTimestamp), now = Date.now();
    if (!(firstAt > 0 && lastAt >= firstAt && lastAt < now + DAY && now - lastAt < S.expiryDays * DAY)) return false;
    if (c.categories.indexOf('necessary') < 0) return false;
    if (!c.categories.every(function (id) { return byId[id]; })) return false;
    return Object.keys(c.services).every(function (cat) {
      var list = c.services[cat];
      return byId[cat] && Array.isArray(list) && (list.length === 0 || c.categories.indexOf(cat) >= 0) &&
        list.every(function (id) { return byId[cat].services.some(function (s) { return s.id === id; }); });
    });
  }

  function has(cat) { return cat === 'necessary' || (!!choice && choice.categories.indexOf(cat) >= 0); }
  function svc(cat, id) { return has(cat) && !!choice && (choice.services[cat] || []).indexOf(id) >= 0; }
  function categories() { return choice ? choice.categories.slice() : ['necessary']; }

  window.bylineConsent = {
    allowed: function (cat) { return has(cat); },
    categories: categories,
    open: function () { if (CC) CC.showPreferences(); }
  };

  function announce() {
    document.dispatchEvent(new CustomEvent('byline:consent', { detail: { categories: categories() } }));
  }

  function g(on) { return on ? 'granted' : 'denied'; }

  /* Google Consent Mode v2 update, then Analytics' own set-up; the tag itself is activated by the banner library. */
  function google() {
    if (typeof window.gtag !== 'function') return;
    var ads = svc('advertising', 'adsense'), prefs = has('preferences');
    window.gtag('consent', 'update', {
      ad_storage: g(ads), ad_user_data: g(ads),
      ad_personalization: g(ads && svc('personalised-advertising', 'adsense-personalised')),
      analytics_storage: g(svc('analytics', 'google-analytics')),
      functionality_storage: g(prefs), personalization_storage: g(prefs)
    });
    if (S.ga4 && !started.ga && svc('analytics', 'google-analytics')) {
      started.ga = true;
      window.gtag('js', new Date());
      window.gtag('config', S.ga4);
    }
  }

  /* AdSense: non-personalised unless allowed; each slot is filled as it nears the screen. */
  function ads() {
    if (!S.adsense || started.ads || !svc('advertising', 'adsense')) return;
    started.ads = true;
    var q = window.adsbygoogle = window.adsbygoogle || [];
    q.requestNonPersonalizedAds = svc('personalised-advertising', 'adsense-personalised') ? 0 : 1;
    started.personalised = !q.requestNonPersonalizedAds;
    var slots = [].slice.call(document.querySelectorAll('[data-ad-unit]'));
    var fill = function (slot) {
      var ins = document.createElement('ins'), w = +slot.getAttribute('data-ad-width'), box = slot.querySelector('.ad-box');
      ins.className = 'adsbygoogle';
      ins.setAttribute('data-ad-client', S.adsense);
      ins.setAttribute('data-ad-slot', slot.getAttribute('data-ad-unit'));
      if (w) { ins.style.width = w + 'px'; ins.style.height = slot.getAttribute('data-ad-height') + 'px'; }
      else { ins.setAttribute('data-ad-format', 'auto'); ins.setAttribute('data-full-width-responsive', 'true'); }
      box.insertBefore(ins, box.firstChild);
      slot.classList.add('ad-live');
      q.push({});
    };
    if (!('IntersectionObserver' in window)) return slots.forEach(fill);
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { io.unobserve(e.target); fill(e.target); } });
    }, { rootMargin: '400px 0px' });
    slots.forEach(function (s) { io.observe(s); });
  }

  /* YouTube: the no-cookie player replaces the facade; straight away only with media consent. */
  function play(facade, autoplay) {
    var src = facade && facade.getAttribute('data-embed-src');
    if (!src || src.indexOf(YT) !== 0 || facade.querySelector('iframe')) return;
    var f = document.createElement('iframe');
    f.src = src + (autoplay ? '?autoplay=1' : '');
    f.title = facade.getAttribute('data-embed-title') || 'YouTube';
    f.setAttribute('allow', 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture');
    f.setAttribute('allowfullscreen', '');
    f.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    facade.querySelector('.video-frame').appendChild(f);
    facade.classList.add('video-live');
    if (autoplay) f.focus();
  }

  function media() {
    if (!svc('media', 'youtube')) return;
    started.media = true;
    [].forEach.call(document.querySelectorAll('[data-embed-src]'), function (f) { play(f, false); });
  }

  function apply() { google(); ads(); media(); }

  /* Removes what a withdrawn service left in this site's cookies and storage. */
  function clear(before) {
    S.categories.forEach(function (c) {
      c.services.forEach(function (s) {
        var was = before && before.categories.indexOf(c.id) >= 0 && (before.services[c.id] || []).indexOf(s.id) >= 0;
        if (!was || svc(c.id, s.id)) return;
        s.cookies.forEach(function (name) {
          var star = name.charAt(name.length - 1) === '*', stem = star ? name.slice(0, -1) : name;
          document.cookie.split(';').forEach(function (kv) {
            var k = kv.split('=')[0].trim();
            if (k === name || (star && k.indexOf(stem) === 0)) erase(k);
          });
          [localStorage, sessionStorage].forEach(function (store) {
            try {
              Object.keys(store).forEach(function (k) { if (k === name || (star && k.indexOf(stem) === 0)) store.removeItem(k); });
            } catch (e) { /* storage may be blocked */ }
          });
        });
      });
    });
  }

  /* Sends the choice as proof; a lost record never blocks the reader. */
  function record() {
    var p = CC.getUserPreferences(), cats = {}, services = {};
    S.categories.forEach(function (c) {
      cats[c.id] = p.acceptedCategories.indexOf(c.id) >= 0;
      c.services.forEach(function (s) { services[s.id] = cats[c.id] && (p.acceptedServices[c.id] || []).indexOf(s.id) >= 0; });
    });
    var all = Object.keys(cats).every(function (k) { return cats[k]; }) && Object.keys(services).every(function (k) { return services[k]; });
    var none = Object.keys(cats).every(function (k) { return k === 'necessary' || !cats[k]; });
    var act = action === 'all' && all ? 'accept-all' : action === 'necessary' && none ? 'reject-all'
      : action ? 'custom' : all ? 'accept-all' : none ? 'reject-all' : 'custom';
    action = null;
    return fetch(S.recordUrl, {
      method: 'POST', credentials: 'same-origin', keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ consentId: CC.getCookie('consentId'), revision: S.revision, action: act,
        categories: cats, services: services, language: CC.getCookie('languageCode') || S.lang })
    }).catch(function () {});
  }

  function changed() {
    var before = choice;
    choice = CC.getCookie();
    var lost = !!before && before.categories.some(function (c) { return !has(c); }) ||
      !!before && Object.keys(before.services).some(function (c) {
        return before.services[c].some(function (id) { return !svc(c, id); });
      });
    google();
    var sent = record();
    announce();
    clear(before);
    // A tag that already ran cannot be unloaded: reload so the page runs only what is allowed now.
    var personalisedChanged = started.ads && started.personalised !== svc('personalised-advertising', 'adsense-personalised');
    if ((lost && (started.ga || started.ads || started.media)) || personalisedChanged) {
      sent.then(function () { location.reload(); });
      return;
    }
    ads(); media();
  }

  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    if (!t) return;
    var play_ = t.closest('[data-video-play]');
    if (play_) { e.preventDefault(); play(play_.closest('[data-embed-src]'), true); return; }
    if (t.closest('[data-footer-action="consent-settings"],[data-consent-open]') && CC) {
      e.preventDefault();
      CC.showPreferences();
      return;
    }
    var role = t.closest('#cc-main [data-role]');
    if (role) action = role.getAttribute('data-role');
  }, true);

  // Escape closes the first layer like its close button: closing counts as refusing. (Captured on
  // window so it runs before the library's own Escape handling closes the second layer.)
  window.addEventListener('keydown', function (e) {
    var root = document.documentElement.classList, cm = document.querySelector('#cc-main .cm');
    if (e.key !== 'Escape' || !cm || !root.contains('show--consent') || root.contains('show--preferences')) return;
    if (!cm.contains(document.activeElement)) return;
    var close = cm.querySelector('.cm__btn--close');
    if (close) { e.preventDefault(); close.click(); }
  }, true);

  if (choice) {
    apply();
    if (document.readyState === 'loading' || document.readyState === 'interactive') {
      document.addEventListener('DOMContentLoaded', announce, { once: true });
    } else {
      announce();
    }
  }

  if (!CC) return;
  var categoriesConfig = {};
  S.categories.forEach(function (c) {
    var services = {};
    c.services.forEach(function (s) { services[s.id] = { label: s.label }; });
    categoriesConfig[c.id] = { enabled: c.id === 'necessary', readOnly: c.id === 'necessary', services: services };
  });
  var translations = {};
  translations[S.lang] = S.text;

  function start() {
    CC.run({
      revision: S.revision,
      mode: 'opt-in',
      autoShow: true,
      hideFromBots: false,
      disablePageInteraction: false,
      manageScriptTags: true,
      autoClearCookies: false,
      cookie: { name: S.cookie, expiresAfterDays: S.expiryDays, sameSite: 'Lax', secure: location.protocol === 'https:' },
      guiOptions: {
        consentModal: { layout: 'box', position: S.rtl ? 'bottom right' : 'bottom left', equalWeightButtons: true, flipButtons: false },
        preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false }
      },
      categories: categoriesConfig,
      // rtl: the banner lays itself out right to left for a right-to-left site language.
      language: { default: S.lang, rtl: S.rtl ? S.lang : [], translations: translations },
      onFirstConsent: function () { first = true; },
      onConsent: function () {
        if (!first) return;  // a stored choice was applied before the banner loaded
        first = false;
        choice = CC.getCookie();
        apply();
        record();
        announce();
      },
      onChange: changed,
      // The first layer does not block the page, so it is a non-modal dialog: the story stays
      // reachable for screen readers too. The second layer, opened on request, stays modal.
      onModalReady: function (e) {
        if (e.modalName === 'consentModal') e.modal.setAttribute('aria-modal', 'false');
        // The banner speaks the site's language even on a story written in another one, whose
        // <html lang> is the story's: say so, for screen readers and hyphenation.
        e.modal.setAttribute('lang', S.lang);
        e.modal.setAttribute('dir', S.rtl ? 'rtl' : 'ltr');
      }
    });
  }

  /* The banner is built in a task of its own just after the next paint: the story paints first,
   * and building the banner is not part of one long task with everything else the page starts. It
   * still opens at once, a frame later; nothing non-essential runs before a choice either way. */
  function afterPaint(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  afterPaint(start); // the banner's stylesheets are linked in the page's head
})();
