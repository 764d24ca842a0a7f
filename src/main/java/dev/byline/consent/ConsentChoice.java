package dev.byline.consent;

import dev.byline.content.InvalidInput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One reader's decision as their browser reports it, checked against the policy: every category
 * and service of the policy is answered yes or no, necessary is yes, a service is never on while
 * its category is off, and the action agrees with the answers.
 *
 * @param consentId the random id the browser keeps in the consent cookie
 * @param revision the policy revision the reader saw
 * @param categories category id → accepted, for every category of the policy
 * @param services service id → accepted, for every service of the policy
 * @param language the language of the banner the reader saw (BCP 47)
 */
public record ConsentChoice(
    UUID consentId,
    int revision,
    ConsentAction action,
    Map<String, Boolean> categories,
    Map<String, Boolean> services,
    String language) {
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

  public ConsentChoice {
    if (consentId == null) throw new InvalidInput("consentId", "is missing");
    if (action == null) throw new InvalidInput("action", "is missing");
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    if (language == null
        || language.length() > 35
        || !LANGUAGE.matcher(language).matches()) {
      throw new InvalidInput("language", "is not a language tag such as en or en-GB");
    }
  }

  /** Checks the choice answers exactly what {@code policy} asks, in a way that makes sense. */
  public ConsentChoice checkedAgainst(ConsentPolicy policy) {
    if (revision < 1 || revision > policy.revision()) {
      throw new InvalidInput(
          "revision", "must be between 1 and the current policy revision " + policy.revision());
    }
    for (var id : categories.keySet()) {
      if (Category.byId(id).filter(policy.categories()::contains).isEmpty())
        throw new InvalidInput("categories", "has unknown category \"" + shortened(id) + "\"");
    }
    for (var c : policy.categories()) {
      if (!categories.containsKey(c.id()))
        throw new InvalidInput("categories", "does not answer \"" + c.id() + "\"");
    }
    if (!categories.get(Category.NECESSARY.id()))
      throw new InvalidInput("categories", "must keep \"necessary\" on");
    for (var id : services.keySet()) {
      if (!policy.has(id))
        throw new InvalidInput("services", "has unknown service \"" + shortened(id) + "\"");
    }
    for (var s : policy.services()) {
      var answer = services.get(s.id());
      if (answer == null) throw new InvalidInput("services", "does not answer \"" + s.id() + "\"");
      if (answer && !categories.get(s.category().id())) {
        throw new InvalidInput(
            "services",
            "turns \"" + s.id() + "\" on while its category \"" + s.category().id() + "\" is off");
      }
    }
    boolean all = categories.values().stream().allMatch(b -> b)
        && services.values().stream().allMatch(b -> b);
    boolean none = categories.entrySet().stream()
        .allMatch(e -> e.getKey().equals(Category.NECESSARY.id()) || !e.getValue());
    if (action == ConsentAction.ACCEPT_ALL && !all)
      throw new InvalidInput("action", "is accept-all but not everything is accepted");
    if (action == ConsentAction.REJECT_ALL && !none)
      throw new InvalidInput("action", "is reject-all but something optional is accepted");
    return this;
  }

  private static String shortened(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  public boolean accepted(Category category) {
    return Boolean.TRUE.equals(categories.get(category.id()));
  }
}
