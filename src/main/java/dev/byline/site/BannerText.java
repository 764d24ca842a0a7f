package dev.byline.site;

import dev.byline.consent.Category;
import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.Service;
import dev.byline.content.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The banner's words, in the shape the banner library takes ({@code consentModal},
 * {@code preferencesModal}). Built from the policy so every third party is named and every
 * purpose in use is said, with the cookie policy linked from both layers. Values are HTML; every
 * configured name is escaped.
 */
final class BannerText {
  static final String ACCEPT_ALL = "Accept all";
  static final String REJECT_ALL = "Reject all";
  static final String CUSTOMISE = "Customise";

  private final ConsentPolicy policy;
  private final String policyPath;

  BannerText(ConsentPolicy policy, String policyPath) {
    this.policy = policy;
    this.policyPath = policyPath;
  }

  Map<String, Object> translation() {
    var t = new LinkedHashMap<String, Object>();
    t.put(
        "consentModal",
        ordered(
            "title",
            "Your choice about cookies",
            "description",
            firstLayer() + "{{revisionMessage}}",
            "revisionMessage",
            " <strong>Our cookie policy has changed since you last chose, so we are asking again.</strong>",
            "acceptAllBtn",
            ACCEPT_ALL,
            "acceptNecessaryBtn",
            REJECT_ALL,
            "showPreferencesBtn",
            CUSTOMISE,
            "closeIconLabel",
            "Close: use only what the site needs to work",
            "footer",
            "<a href=\"" + Html.escape(policyPath) + "\">Cookie policy</a>"));
    var sections = new ArrayList<Map<String, Object>>();
    sections.add(ordered(
        "title",
        "You decide",
        "description",
        "Nothing beyond what the site needs to work is switched on until you say so. Turn each purpose, "
            + "or each company within it, on or off. You can come back with “Cookie settings” at the foot of every page. "
            + "Our <a href=\"" + Html.escape(policyPath)
            + "\">cookie policy</a> lists every cookie, who sets it and how long it lasts."));
    for (var c : policy.categories()) {
      sections.add(ordered(
          "title",
          c.title() + (c.optional() ? "" : " (always on)"),
          "description",
          Html.escape(c.description()) + providers(policy.services(c)),
          "linkedCategory",
          c.id()));
    }
    if (!policy.contact().isEmpty()) {
      sections.add(ordered(
          "title", "Questions", "description", "Ask us at " + Html.escape(policy.contact()) + "."));
    }
    var prefs = new LinkedHashMap<String, Object>();
    prefs.put("title", "Cookie settings");
    prefs.put("acceptAllBtn", ACCEPT_ALL);
    prefs.put("acceptNecessaryBtn", REJECT_ALL);
    prefs.put("savePreferencesBtn", "Save my choices");
    prefs.put("closeIconLabel", "Close without changing anything");
    prefs.put("serviceCounterLabel", "company|companies");
    prefs.put("sections", sections);
    t.put("preferencesModal", prefs);
    return t;
  }

  /** One paragraph naming what is used for what, and by whom. */
  String firstLayer() {
    var purposes = new ArrayList<String>();
    var named = new java.util.HashSet<String>();
    for (var c : policy.categories()) {
      if (!c.optional()) continue;
      var names = policy.services(c).stream()
          .filter(Service::thirdParty)
          .map(s -> Html.escape(s.name()))
          .filter(named::add)
          .toList();
      purposes.add(purpose(c) + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
    }
    return "With your permission we use cookies and similar technologies to " + joined(purposes)
        + ". "
        + "Nothing beyond what the site needs to work is used unless you accept, and you can read every story either way. "
        + "You can change your mind at any time with “Cookie settings” at the foot of every page.";
  }

  private static String purpose(Category c) {
    switch (c) {
      case PREFERENCES:
        return "remember your reading preferences";
      case ANALYTICS:
        return "measure how the site is used";
      case ADVERTISING:
        return "show ads that pay for our journalism";
      case PERSONALISED_ADVERTISING:
        return "personalise those ads from your interests";
      case MEDIA:
        return "play videos from other sites";
      default:
        return c.title().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String providers(List<Service> services) {
    var third = services.stream().filter(Service::thirdParty).toList();
    if (third.isEmpty()) return "";
    return " Provided by "
        + String.join(
            "; ",
            third.stream()
                .map(s -> Html.escape(s.name()) + ", " + Html.escape(s.provider()) + " (<a href=\""
                    + Html.escape(s.privacyUrl()) + "\" rel=\"noopener\">privacy policy</a>)")
                .toList())
        + ".";
  }

  private static String joined(List<String> parts) {
    if (parts.isEmpty()) return "run the site";
    if (parts.size() == 1) return parts.get(0);
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and "
        + parts.get(parts.size() - 1);
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    return ConsentMarkup.ordered(keysAndValues);
  }
}
