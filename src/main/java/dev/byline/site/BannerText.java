package dev.byline.site;

import dev.byline.consent.Category;
import dev.byline.consent.ConsentPolicy;
import dev.byline.consent.Service;
import dev.byline.content.Html;
import dev.byline.i18n.Messages;
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
  private final ConsentPolicy policy;
  private final String policyPath;
  private final Messages t;

  BannerText(ConsentPolicy policy, String policyPath, Messages t) {
    this.policy = policy;
    this.policyPath = policyPath;
    this.t = t;
  }

  Map<String, Object> translation() {
    var t = this.t;
    var link = Html.escape(policyPath);
    var tr = new LinkedHashMap<String, Object>();
    tr.put(
        "consentModal",
        ordered(
            "title",
            t.text("consent.title"),
            "description",
            firstLayer() + "{{revisionMessage}}",
            "revisionMessage",
            " <strong>" + t.text("consent.revision") + "</strong>",
            "acceptAllBtn",
            t.text("consent.accept.all"),
            "acceptNecessaryBtn",
            t.text("consent.reject.all"),
            "showPreferencesBtn",
            t.text("consent.customise"),
            "closeIconLabel",
            t.text("consent.close.first"),
            "footer",
            "<a href=\"" + link + "\">" + t.text("consent.policy.link") + "</a>"));
    var sections = new ArrayList<Map<String, Object>>();
    sections.add(ordered(
        "title",
        t.text("consent.prefs.intro.title"),
        "description",
        t.text("consent.prefs.intro", "<a href=\"" + link + "\">", "</a>")));
    for (var c : policy.categories()) {
      sections.add(ordered(
          "title",
          categoryTitle(t, c) + (c.optional() ? "" : t.text("consent.always.on.suffix")),
          "description",
          Html.escape(categoryDescription(t, c)) + providers(policy.services(c)),
          "linkedCategory",
          c.id()));
    }
    if (!policy.contact().isEmpty()) {
      sections.add(ordered(
          "title",
          t.text("consent.questions.title"),
          "description",
          t.text("consent.questions", Html.escape(policy.contact()))));
    }
    var prefs = new LinkedHashMap<String, Object>();
    prefs.put("title", t.text("consent.settings"));
    prefs.put("acceptAllBtn", t.text("consent.accept.all"));
    prefs.put("acceptNecessaryBtn", t.text("consent.reject.all"));
    prefs.put("savePreferencesBtn", t.text("consent.save"));
    prefs.put("closeIconLabel", t.text("consent.close.prefs"));
    prefs.put("serviceCounterLabel", t.text("consent.service.counter"));
    prefs.put("sections", sections);
    tr.put("preferencesModal", prefs);
    return tr;
  }

  /** A category's name in the site language ({@code consent.category.ID.title}). */
  static String categoryTitle(Messages t, Category c) {
    return t.text("consent.category." + c.id() + ".title");
  }

  static String categoryDescription(Messages t, Category c) {
    return t.text("consent.category." + c.id() + ".description");
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
      purposes.add(t.text("consent.purpose." + c.id())
          + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
    }
    return t.text("consent.first.layer", joined(purposes));
  }

  private String providers(List<Service> services) {
    var third = services.stream().filter(Service::thirdParty).toList();
    if (third.isEmpty()) return "";
    return " "
        + t.text(
            "consent.provided.by",
            String.join(
                "; ",
                third.stream()
                    .map(s -> Html.escape(s.name()) + ", " + Html.escape(s.provider())
                        + " (<a href=\"" + Html.escape(s.privacyUrl()) + "\" rel=\"noopener\">"
                        + t.text("consent.privacy.policy") + "</a>)")
                    .toList()));
  }

  private String joined(List<String> parts) {
    if (parts.isEmpty()) return t.text("consent.purpose.none");
    if (parts.size() == 1) return parts.get(0);
    return t.text(
        "list.and",
        String.join(t.text("list.separator"), parts.subList(0, parts.size() - 1)),
        parts.get(parts.size() - 1));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    return ConsentMarkup.ordered(keysAndValues);
  }
}
