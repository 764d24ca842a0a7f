package dev.byline.admin;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form and what was wrong with it. A refused form is shown again
 * with every value kept and every error next to its field, naming it.
 *
 * <pre>{@code
 * var form = Form.read(ctx, "email", "name");
 * if (form.value("email").isBlank()) form.error("email", "Email is empty");
 * }</pre>
 */
public final class Form {
  /** One error, for the summary at the top of the form; {@code field} is the input's id. */
  public record Problem(String field, String message) {}

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  public static Form empty() {
    return new Form();
  }

  /** Reads the named fields from the request body (missing ones are empty). */
  public static Form read(Context ctx, String... fields) {
    var form = new Form();
    for (var f : fields) {
      var v = ctx.formParam(f);
      form.values.put(f, v == null ? "" : v);
    }
    return form;
  }

  public Form set(String field, String value) {
    values.put(field, value == null ? "" : value);
    return this;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public boolean checked(String field) {
    var v = value(field);
    return v.equals("on") || v.equals("true") || v.equals("1");
  }

  /** Adds an error for a field; the first one for a field wins. */
  public Form error(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  public String errorFor(String field) {
    return errors.getOrDefault(field, "");
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<Problem> problems() {
    return errors.entrySet().stream()
        .map(e -> new Problem(e.getKey(), e.getValue()))
        .toList();
  }

  public Map<String, String> values() {
    return Map.copyOf(values);
  }

  /** "email" → "Email", "seo-title" → "Seo title": a readable name when a message needs one. */
  public static String label(String field) {
    var words = field.replace('-', ' ').replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
