package dev.byline.config;

/** A configuration value that cannot be used; the message names the key and the reason. */
public final class ConfigException extends RuntimeException {
  private final String key;

  public ConfigException(String key, String reason) {
    super("configuration " + key + " " + reason);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
