package dev.byline.api.keys;

import dev.byline.admin.AdminChrome;
import dev.byline.admin.Form;
import dev.byline.auth.ApiKey;
import dev.byline.site.Dates;
import java.util.List;

/**
 * The API keys page. {@code secret} is the secret of a key just made, shown this once, else
 * empty; {@code made} names that key.
 */
public record ApiKeysView(
    AdminChrome chrome,
    Dates dates,
    List<ApiKey> keys,
    List<String> scopes,
    Form form,
    String made,
    String secret) {
  public ApiKeysView {
    keys = List.copyOf(keys);
    scopes = List.copyOf(scopes);
  }

  public String scopesOf(ApiKey key) {
    var names = key.scopes().stream().map(s -> s.value()).sorted().toList();
    return names.isEmpty() ? "read only" : String.join(", ", names);
  }
}
