package dev.byline.delivery;

import dev.byline.store.Change;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A cache in front of the site that is told to drop pages by surrogate key whenever a change
 * names keys. Every change with keys is queued; what to send is the sorted key list.
 */
abstract class PurgeTarget implements Target {
  @Override
  public Optional<Queued> wants(Change change) {
    if (change.keys().isEmpty()) return Optional.empty();
    return Optional.of(new Queued(
        change.entity() + ":" + change.entityId(),
        "purge",
        String.join(" ", new TreeSet<>(change.keys()))));
  }

  static List<String> keys(Delivery d) {
    return Arrays.stream(d.payload().split(" ")).filter(k -> !k.isEmpty()).toList();
  }

  static List<List<String>> chunks(List<String> keys, int size) {
    var out = new ArrayList<List<String>>();
    for (int i = 0; i < keys.size(); i += size)
      out.add(keys.subList(i, Math.min(keys.size(), i + size)));
    return out;
  }
}
