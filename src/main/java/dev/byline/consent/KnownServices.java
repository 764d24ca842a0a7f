package dev.byline.consent;

import java.util.List;

/**
 * The services Byline knows how to gate: this site's own necessary and preference storage,
 * Google Analytics 4, Google AdSense (declared by the ads feature with its publisher id) and
 * YouTube. Cookie names and lifetimes are the providers' published ones.
 */
public final class KnownServices {
  public static final String SITE = "site";
  public static final String READER_PREFERENCES = "reader-preferences";
  public static final String GOOGLE_ANALYTICS = "google-analytics";
  public static final String YOUTUBE = "youtube";
  public static final String ADSENSE = "adsense";
  public static final String ADSENSE_PERSONALISED = "adsense-personalised";
  /** Services whose tags read Google Consent Mode, so the defaults must come first. */
  public static final java.util.Set<String> GOOGLE_TAGS =
      java.util.Set.of(GOOGLE_ANALYTICS, ADSENSE, ADSENSE_PERSONALISED);
  /** Google's main establishment for readers in the EEA, the UK and Switzerland. */
  public static final String GOOGLE_IRELAND = "Google Ireland Limited, Dublin, Ireland";

  public static final String GOOGLE_PRIVACY = "https://policies.google.com/privacy";

  private KnownServices() {}

  /** The consent cookie itself and staff sign-in: always on, described for transparency. */
  public static Service site(String siteName, String consentCookie, int expiryDays) {
    return new Service(
        SITE,
        siteName,
        siteName,
        Category.NECESSARY,
        "Keeps the site working and secure, and remembers the cookie choices you make here.",
        "",
        "",
        List.of(
            CookieDeclaration.ours(
                consentCookie,
                expiryDays + " days",
                "Remembers your cookie choices and the random consent id that links them to our record of your choice."),
            CookieDeclaration.ours(
                "byline_session",
                "14 days, or until you sign out",
                "Keeps newsroom staff signed in. Only set for people who sign in to the newsroom."),
            CookieDeclaration.ours(
                "byline_presession",
                "until you close the browser",
                "Protects the newsroom sign-in form and the newsletter sign-up against forged requests. "
                    + "Only set on newsroom pages and the newsletter pages.")),
        Hosts.NONE);
  }

  /** Optional storage in the reader's own browser (followed topics, "For you"); never leaves it unasked. */
  public static Service readerPreferences(String siteName) {
    return new Service(
        READER_PREFERENCES,
        "Reading preferences",
        siteName,
        Category.PREFERENCES,
        "Remembers the topics you follow and what you have read, in your own browser, to suggest stories for you.",
        "",
        "",
        List.of(CookieDeclaration.ours(
            "byline.pref.*",
            "until you clear it or withdraw consent",
            "Browser storage (not a cookie) holding your followed topics and reading history.")),
        Hosts.NONE);
  }

  public static Service googleAnalytics(String measurementId) {
    var container = measurementId.substring(2);
    return new Service(
        GOOGLE_ANALYTICS,
        "Google Analytics",
        GOOGLE_IRELAND,
        Category.ANALYTICS,
        "Counts visits and measures how pages are read. Google receives your IP address, which it does not store, "
            + "and the page you read.",
        GOOGLE_PRIVACY,
        measurementId,
        List.of(
            CookieDeclaration.ours(
                "_ga", "2 years", "Tells one browser from another to count visitors."),
            CookieDeclaration.ours(
                "_ga_" + container,
                "2 years",
                "Keeps the state of your visit for this measurement id."),
            CookieDeclaration.ours(
                "_ga_*", "2 years", "Same, for any other measurement id used before.")),
        new Hosts(
            List.of("https://www.googletagmanager.com"),
            List.of(),
            List.of(
                "https://*.google-analytics.com",
                "https://*.analytics.google.com",
                "https://*.googletagmanager.com"),
            List.of("https://*.google-analytics.com", "https://*.googletagmanager.com")));
  }

  public static Service youtube() {
    return new Service(
        YOUTUBE,
        "YouTube",
        GOOGLE_IRELAND + " (YouTube)",
        Category.MEDIA,
        "Plays videos in our pages from youtube-nocookie.com. Without your consent a video loads only when you press its play button.",
        GOOGLE_PRIVACY,
        "",
        List.of(
            CookieDeclaration.theirs(
                "VISITOR_INFO1_LIVE",
                "youtube.com",
                "6 months",
                "Estimates your bandwidth and remembers player settings, once a video plays."),
            CookieDeclaration.theirs(
                "YSC",
                "youtube.com",
                "until you close the browser",
                "Counts views and stops abuse, once a video plays."),
            CookieDeclaration.theirs(
                "yt-remote-*",
                "youtube-nocookie.com (browser storage)",
                "until cleared",
                "Remembers player preferences, once a video plays.")),
        new Hosts(List.of(), List.of("https://www.youtube-nocookie.com"), List.of(), List.of()));
  }

  /** Google AdSense, non-personalised: ads chosen from the page's content. */
  public static Service adsense(String publisherId) {
    return new Service(
        ADSENSE,
        "Google AdSense",
        GOOGLE_IRELAND,
        Category.ADVERTISING,
        "Shows ads in our pages and measures them. Without personalised advertising, Google chooses ads from the page "
            + "you read and uses cookies only to limit how often you see an ad and to stop fraud.",
        "https://policies.google.com/technologies/ads",
        publisherId,
        List.of(
            CookieDeclaration.ours(
                "__gads", "13 months", "Limits how often you see an ad and measures ads."),
            CookieDeclaration.ours(
                "__gpi",
                "13 months",
                "Same as __gads, for ads shown through Google's publisher tools."),
            CookieDeclaration.ours("__eoi", "6 months", "Stops ad fraud."),
            CookieDeclaration.theirs(
                "test_cookie",
                "doubleclick.net",
                "15 minutes",
                "Checks whether your browser accepts cookies.")),
        new Hosts(
            List.of(
                "https://pagead2.googlesyndication.com",
                "https://*.googlesyndication.com",
                "https://*.adtrafficquality.google",
                "https://*.googleadservices.com",
                "https://adservice.google.com"),
            List.of(
                "https://googleads.g.doubleclick.net",
                "https://*.doubleclick.net",
                "https://*.googlesyndication.com",
                "https://*.adtrafficquality.google",
                "https://www.google.com"),
            List.of(
                "https://pagead2.googlesyndication.com",
                "https://*.adtrafficquality.google",
                "https://*.doubleclick.net"),
            List.of(
                "https://*.googlesyndication.com",
                "https://*.doubleclick.net",
                "https://*.google.com",
                "https://*.adtrafficquality.google",
                "https://*.gstatic.com")));
  }

  /** Google AdSense, personalised: lets Google use a profile of the reader's interests. */
  public static Service adsensePersonalised() {
    return new Service(
        ADSENSE_PERSONALISED,
        "Google AdSense",
        GOOGLE_IRELAND,
        Category.PERSONALISED_ADVERTISING,
        "Lets Google and the advertisers it works with use cookies and identifiers to build a profile of your interests "
            + "and choose the ads you see from it, here and on other sites.",
        "https://policies.google.com/technologies/ads",
        "",
        List.of(
            CookieDeclaration.theirs(
                "IDE",
                "doubleclick.net",
                "13 months",
                "Holds the identifier Google uses to choose ads from your interests."),
            CookieDeclaration.theirs(
                "DSID",
                "doubleclick.net",
                "2 weeks",
                "Links your activity across devices if you are signed in to Google.")),
        Hosts.NONE);
  }
}
