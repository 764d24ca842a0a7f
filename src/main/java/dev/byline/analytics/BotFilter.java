package dev.byline.analytics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells readers from crawlers, link previewers, monitors, scripts and headless browsers, and
 * prefetches from visits. Errs on the side of not counting: a real browser always sends a
 * {@code Mozilla/} user agent, so anything else is not a reader.
 */
public final class BotFilter {
  /** Words crawlers, previewers, uptime monitors and automation put in their user agent. */
  static final Pattern BOT = Pattern.compile(String.join("|",
      "bot\\b", "bot/", "crawl", "spider", "slurp", "archiver", "scrap", "fetcher", "\\bscan", "monitor", "uptime",
      "pingdom", "statuscake", "site24x7", "headless", "phantomjs", "selenium", "webdriver", "puppeteer", "playwright",
      "lighthouse", "pagespeed", "gtmetrix", "chrome-lighthouse", "facebookexternalhit", "facebookcatalog",
      "embedly", "preview", "whatsapp", "skypeuripreview", "vkshare", "quora link",
      "bingpreview", "mediapartners", "feedfetcher", "python", "java/", "curl", "wget", "okhttp", "go-http",
      "axios", "node-fetch", "undici", "libwww", "httpclient", "http_request", "apache-httpclient", "ruby",
      "perl", "php", "postman", "insomnia", "apachebench", "jmeter", "gatling", "k6/"));

  /** True when the user agent is not a reader's browser. */
  public boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.length() < 20 || userAgent.length() > 1024) return true;
    if (!userAgent.startsWith("Mozilla/")) return true;
    return BOT.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * True when any purpose header says the request was made ahead of time, not by a reader:
   * {@code Sec-Purpose: prefetch} (Chromium, also {@code prefetch;prerender}), {@code Purpose:
   * prefetch} (older browsers), {@code X-Purpose: preview} (Safari top sites), {@code X-Moz:
   * prefetch} (Firefox).
   */
  public boolean isPrefetch(String secPurpose, String purpose, String xPurpose, String xMoz) {
    return mentions(secPurpose, "prefetch") || mentions(secPurpose, "prerender") || mentions(purpose, "prefetch")
        || mentions(xPurpose, "preview") || mentions(xMoz, "prefetch");
  }

  private static boolean mentions(String header, String word) {
    return header != null && header.toLowerCase(Locale.ROOT).contains(word);
  }
}
