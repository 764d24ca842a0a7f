package dev.byline.consent;

import java.util.Arrays;
import java.util.Optional;

/** How a reader made a choice: the button they used. The ids are stored in records. */
public enum ConsentAction {
  ACCEPT_ALL("accept-all"),
  REJECT_ALL("reject-all"),
  CUSTOM("custom");

  private final String id;

  ConsentAction(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ConsentAction> byId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
