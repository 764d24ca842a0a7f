package dev.byline.admin;

import dev.byline.brand.Colour;
import dev.byline.brand.Publisher;
import dev.byline.brand.SiteSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The site-settings form's fields, both ways: settings into a {@link Form} to show, and a filled
 * form into {@link SiteSettings}, which check themselves. Pictures are photo-desk ids; an empty
 * choice is the built-in picture (or none).
 */
final class SettingsForm {
  /** The picture fields, each with the upload field that may replace it. */
  static final List<String> PICTURES =
      List.of("logo", "logoDark", "favicon", "faviconFallback", "socialImage");

  /** Readable names of the fields, for error messages and the audit log. */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("name", "Site name"),
      Map.entry("tagline", "Tagline"),
      Map.entry("logo", "Logo"),
      Map.entry("logoDark", "Logo for dark mode"),
      Map.entry("favicon", "Favicon"),
      Map.entry("faviconFallback", "Favicon for older browsers"),
      Map.entry("accent", "Accent colour"),
      Map.entry("link", "Link colour"),
      Map.entry("socialImage", "Default social image"),
      Map.entry("sameAs", "Social profiles"),
      Map.entry("footer", "Footer text"),
      Map.entry("timeZone", "Time zone"),
      Map.entry("language", "Language"),
      Map.entry("ethicsPolicy", "Ethics policy"),
      Map.entry("correctionsPolicy", "Corrections policy"),
      Map.entry("masthead", "Masthead"),
      Map.entry("ownershipFundingInfo", "Ownership and funding"),
      Map.entry("diversityPolicy", "Diversity policy"),
      Map.entry("actionableFeedbackPolicy", "Feedback policy"),
      Map.entry("unnamedSourcesPolicy", "Unnamed sources policy"),
      Map.entry("verificationFactCheckingPolicy", "Verification and fact-checking policy"),
      Map.entry("noBylinesPolicy", "No-bylines policy"));

  static final List<String> PUBLISHER = List.of(
      "ethicsPolicy",
      "correctionsPolicy",
      "masthead",
      "ownershipFundingInfo",
      "diversityPolicy",
      "actionableFeedbackPolicy",
      "unnamedSourcesPolicy",
      "verificationFactCheckingPolicy",
      "noBylinesPolicy");

  static final String[] FIELDS = fields();

  private SettingsForm() {}

  private static String[] fields() {
    var all = new java.util.ArrayList<>(List.of(
        "name",
        "tagline",
        "logo",
        "logoDark",
        "favicon",
        "faviconFallback",
        "accent",
        "link",
        "socialImage",
        "sameAs",
        "footer",
        "timeZone",
        "language"));
    all.addAll(PUBLISHER);
    return all.toArray(String[]::new);
  }

  static Form of(SiteSettings s) {
    var p = s.publisher().properties();
    var form = Form.empty()
        .set("name", s.name())
        .set("tagline", s.tagline())
        .set("logo", id(s.logo()))
        .set("logoDark", id(s.logoDark()))
        .set("favicon", id(s.favicon()))
        .set("faviconFallback", id(s.faviconFallback()))
        .set("accent", s.accent().hex())
        .set("link", s.link().hex())
        .set("socialImage", id(s.socialImage()))
        .set("sameAs", String.join("\n", s.sameAs()))
        .set("footer", s.footer())
        .set("timeZone", s.timeZone())
        .set("language", s.language());
    for (var name : PUBLISHER) form.set(name, p.getOrDefault(name, ""));
    return form;
  }

  /**
   * The settings the form describes, with {@code uploaded} pictures (field to new photo id) in
   * place of the chosen ones.
   *
   * @throws dev.byline.content.InvalidInput naming the first field that is wrong
   */
  static SiteSettings settings(Form f, Map<String, Long> uploaded) {
    return new SiteSettings(
        f.value("name"),
        f.value("tagline"),
        picture(f, "logo", uploaded),
        picture(f, "logoDark", uploaded),
        picture(f, "favicon", uploaded),
        picture(f, "faviconFallback", uploaded),
        Colour.parse("accent", f.value("accent")),
        Colour.parse("link", f.value("link")),
        picture(f, "socialImage", uploaded),
        Arrays.asList(f.value("sameAs").split("\\R")),
        new Publisher(
            f.value("ethicsPolicy"),
            f.value("correctionsPolicy"),
            f.value("masthead"),
            f.value("ownershipFundingInfo"),
            f.value("diversityPolicy"),
            f.value("actionableFeedbackPolicy"),
            f.value("unnamedSourcesPolicy"),
            f.value("verificationFactCheckingPolicy"),
            f.value("noBylinesPolicy")),
        f.value("footer"),
        f.value("timeZone"),
        f.value("language"));
  }

  private static Long picture(Form f, String field, Map<String, Long> uploaded) {
    if (uploaded.containsKey(field)) return uploaded.get(field);
    var v = f.value(field).strip();
    if (v.isEmpty()) return null;
    try {
      long id = Long.parseLong(v);
      if (id > 0) return id;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new dev.byline.content.InvalidInput(field, "must be a photo number from the photo desk");
  }

  private static String id(Long id) {
    return id == null ? "" : Long.toString(id);
  }

  /** The names of the fields whose values differ between two forms, for the audit log. */
  static List<String> changed(Form before, Form after) {
    return Arrays.stream(FIELDS)
        .filter(n -> !before.value(n).equals(after.value(n)))
        .map(n -> LABELS.getOrDefault(n, n))
        .toList();
  }
}
