package dev.byline.site;

import dev.byline.consent.IpPrefix;
import dev.byline.consent.SubmissionLimiter;
import dev.byline.newsletter.EmailAddress;
import dev.byline.newsletter.Newsletter;
import dev.byline.newsletter.Proof;
import dev.byline.newsletter.Wording;
import dev.byline.web.Auth;
import dev.byline.web.ClientAddress;
import dev.byline.web.Redirect;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The newsletter's public pages. {@code /newsletter} is the sign-up form (CSRF-protected, rate
 * limited per network); the mailed link leads to {@code /newsletter/confirm}, whose button
 * confirms, so a mail scanner that fetches links confirms nobody. {@code /newsletter/unsubscribe}
 * shows a button on GET and unsubscribes on POST: the one-click POST of RFC 8058 comes from the
 * mail provider with no cookie or CSRF token, so that path is exempt and the signed token is the
 * proof. None of these pages is cached: each carries the reader's own token.
 */
public final class NewsletterPages implements Routes {
  public static final String PATH = "/newsletter";
  public static final String CONFIRM_PATH = "/newsletter/confirm";
  public static final String UNSUBSCRIBE_PATH = "/newsletter/unsubscribe";
  /** Pages that show a form to signed-out readers and so need the pre-session cookie. */
  public static final List<String> FORM_PAGES = List.of(PATH, CONFIRM_PATH);
  /** The longest field read; an address is at most 254 characters, a token far less. */
  static final int MAX_FIELD = 512;
  /** The hidden field that carries the version of the consent words the form showed. */
  static final String WORDING_FIELD = "wording";

  private final Site site;
  private final Newsletter newsletter;
  private final SubmissionLimiter limiter;

  public NewsletterPages(Site site, Newsletter newsletter, SubmissionLimiter limiter) {
    this.site = site;
    this.newsletter = newsletter;
    this.limiter = limiter;
  }

  @Override
  public void routes(RoutesConfig r) {
    r.get(
        PATH,
        ctx -> page(ctx, ctx.queryParam("asked") != null ? "asked" : "form", "", "", "", 200));
    r.post(PATH, this::subscribe);
    r.get(CONFIRM_PATH, ctx -> page(ctx, "confirm", "", "", field(ctx.queryParam("t")), 200));
    r.post(CONFIRM_PATH, this::confirm);
    r.get(UNSUBSCRIBE_PATH, this::unsubscribePage);
    r.post(UNSUBSCRIBE_PATH, this::unsubscribe);
  }

  private void subscribe(Context ctx) {
    var email = ctx.formParam("email");
    if (email != null && email.length() > MAX_FIELD) {
      page(ctx, "form", "", site.messages().text("newsletter.error.long"), "", 400);
      return;
    }
    if (!limiter.tryAcquire(IpPrefix.of(ClientAddress.of(ctx)))) {
      ctx.header("Retry-After", Long.toString(limiter.retryAfterSeconds()));
      page(ctx, "form", field(email), site.messages().text("newsletter.error.busy"), "", 429);
      return;
    }
    try {
      newsletter.subscribe(email, proof(ctx, shown(ctx, Wording.SIGN_UP)));
    } catch (EmailAddress.Invalid e) {
      page(ctx, "form", field(email), problem(e.problem()), "", 400);
      return;
    }
    // The same answer whether the address was new, known or suppressed: the form tells nobody
    // who is on the list.
    throw new Redirect(PATH + "?asked=1", 303);
  }

  private void confirm(Context ctx) {
    var token = field(ctx.formParam("t"));
    var proof = proof(ctx, shown(ctx, Wording.CONFIRM));
    if (newsletter.confirm(token, proof)) page(ctx, "confirmed", "", "", "", 200);
    else page(ctx, "invalid", "", "", "", 400);
  }

  private void unsubscribePage(Context ctx) {
    var token = field(ctx.queryParam("t"));
    var who = newsletter.unsubscribing(token);
    if (who.isEmpty()) page(ctx, "invalid", "", "", "", 400);
    else page(ctx, "unsubscribe", "", "", token, 200, who.get().address());
  }

  private void unsubscribe(Context ctx) {
    var token = ctx.queryParam("t");
    if (token == null) token = ctx.formParam("t");
    // A mail provider's one-click POST shows the reader no page: the site's words for leaving.
    var proof = proof(ctx, Wording.of(site.messages(), Wording.UNSUBSCRIBE));
    if (newsletter.unsubscribe(field(token), proof)) page(ctx, "unsubscribed", "", "", "", 200);
    else page(ctx, "invalid", "", "", "", 400);
  }

  /**
   * The words the reader's page showed: the form carries their version, which names the language
   * and text, so a language switched between showing the page and pressing its button still
   * records what this reader read. A form without it (not ours) gets the site's words now.
   */
  private Wording shown(Context ctx, List<String> keys) {
    return Wording.find(field(ctx.formParam(WORDING_FIELD)), keys)
        .orElseGet(() -> Wording.of(site.messages(), keys));
  }

  private static Proof proof(Context ctx, Wording wording) {
    return new Proof(wording, ClientAddress.of(ctx), ctx.userAgent());
  }

  /** An address's problem in the site language. */
  private String problem(EmailAddress.Problem p) {
    var t = site.messages();
    return switch (p) {
      case EMPTY -> t.text("newsletter.error.address.empty");
      case TOO_LONG -> t.text("newsletter.error.address.long", EmailAddress.MAX_LENGTH);
      case NOT_ONE_AT -> t.text("newsletter.error.address.at");
      case BAD_NAME -> t.text("newsletter.error.address.name");
      case BAD_DOMAIN -> t.text("newsletter.error.address.domain");
    };
  }

  private static String field(String value) {
    if (value == null) return "";
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value.strip();
  }

  private void page(
      Context ctx, String state, String email, String error, String token, int status) {
    page(ctx, state, email, error, token, status, "");
  }

  private void page(
      Context ctx,
      String state,
      String email,
      String error,
      String token,
      int status,
      String address) {
    var chrome = site.chrome();
    var keys = state.equals("confirm") ? Wording.CONFIRM : Wording.SIGN_UP;
    var meta = Meta.simple(
            chrome.t().text("newsletter.title") + " | " + chrome.siteName(),
            chrome.t().text("newsletter.description", chrome.siteName()),
            chrome.absolute(PATH))
        .noindexed();
    ctx.header("Cache-Control", "no-store");
    ctx.status(status);
    site.views()
        .render(
            ctx,
            "site/newsletter.jte",
            new NewsletterView(
                chrome,
                meta,
                state,
                chrome.t().text("newsletter.wording"),
                Wording.of(chrome.t(), keys).version(),
                Auth.csrfToken(ctx),
                email,
                error,
                token,
                address));
  }
}
