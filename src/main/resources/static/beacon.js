// Counts this page view without cookies: path, referring site, campaign. See docs/privacy.md.
(function () {
  'use strict';
  var d = document, sent = false;
  var needsConsent = d.querySelector('meta[name="byline-analytics"][content="require-consent"]');
  var n = navigator, objects = n.globalPrivacyControl === true || n.doNotTrack === '1';
  function send() {
    if (sent || objects || d.prerendering || !n.sendBeacon) return;
    var c = window.bylineConsent;
    if (needsConsent && !(c && c.allowed('analytics'))) return;
    var ref = '', q = new URLSearchParams(location.search);
    try { ref = new URL(d.referrer).host; } catch (e) { /* no referrer */ }
    if (ref === location.host) ref = '';
    sent = n.sendBeacon('/beacon', new URLSearchParams({ p: location.pathname, r: ref, u: q.get('utm_source') || '' }));
  }
  d.addEventListener('prerenderingchange', send);
  d.addEventListener('byline:consent', send);
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', send); else send();
})();
