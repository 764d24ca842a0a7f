package dev.byline.site;

import dev.byline.consent.ConsentPolicy;

/** The cookie policy page: every configured service with its provider, purpose and cookies. */
public record CookiePolicyView(Chrome chrome, Meta meta, ConsentPolicy policy) {
  /** "6 months" for 182 days; whole days otherwise. */
  public String expiry() {
    int days = policy.expiryDays();
    var t = chrome.t();
    return days % 30 <= 2 && days >= 28
        ? t.plural("cookies.months", days / 30)
        : t.plural("cookies.days", days);
  }
}
