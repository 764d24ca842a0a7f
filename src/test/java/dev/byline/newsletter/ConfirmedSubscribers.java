package dev.byline.newsletter;

import dev.byline.store.Database;
import java.util.ArrayList;
import java.util.List;

/** Confirmed subscribers written straight to the table, for tests that need thousands. */
final class ConfirmedSubscribers {
  private ConfirmedSubscribers() {}

  /** Adds {@code n} confirmed addresses {@code prefix-0@example.org}...; returns them. */
  static List<String> insert(Database db, String prefix, int n) {
    var addresses = new ArrayList<String>();
    for (int i = 0; i < n; i++) addresses.add(prefix + "-" + i + "@example.org");
    return insert(db, addresses);
  }

  /** Adds these addresses, confirmed. */
  static List<String> insert(Database db, List<String> addresses) {
    db.useTransaction(tx -> {
      var b = tx.batch("INSERT INTO newsletter_subscriber (address, status, unsubscribe_key, "
          + "created_at, confirmed_at) VALUES (:a, 'confirmed', :k, 0, 0)");
      for (var a : addresses) b.bind("a", a).bind("k", Hashes.nonce()).add();
      b.execute();
    });
    return addresses;
  }
}
