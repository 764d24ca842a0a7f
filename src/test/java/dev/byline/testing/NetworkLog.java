package dev.byline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * Every request a page made and every cookie the browser holds, from a driver opened with
 * {@code Browser.open(dir, true)}. Requests are read from Chrome's performance log
 * ({@code Network.requestWillBeSent}), so an attempt counts even when it fails (offline).
 */
public final class NetworkLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OWN_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
  private final ChromeDriver driver;
  private final List<String> urls = new ArrayList<>();

  public NetworkLog(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Reads new events; returns every request URL seen since the last {@link #clear()}. */
  public synchronized List<String> requests() {
    for (var entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      try {
        var message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          urls.add(message.path("params").path("request").path("url").asText());
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return List.copyOf(urls);
  }

  /** Requests to any host other than this machine (http, https, ws, wss). */
  public List<String> thirdPartyRequests() {
    return requests().stream().filter(NetworkLog::thirdParty).toList();
  }

  public boolean requested(String hostPart) {
    return thirdPartyRequests().stream().anyMatch(u -> host(u).contains(hostPart));
  }

  /** Forgets what was recorded so far. */
  public synchronized void clear() {
    requests();
    urls.clear();
  }

  /** Every cookie in the browser, for every site, including HttpOnly ones. */
  public List<String> cookieNames() {
    Map<String, Object> result = driver.executeCdpCommand("Network.getAllCookies", Map.of());
    JsonNode cookies = JSON.valueToTree(result.get("cookies"));
    var names = new ArrayList<String>();
    cookies.forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  /** Keys in this page's localStorage and sessionStorage. */
  @SuppressWarnings("unchecked")
  public List<String> storageKeys() {
    return (List<String>) driver.executeScript(
        "return Object.keys(localStorage).concat(Object.keys(sessionStorage));");
  }

  static boolean thirdParty(String url) {
    var scheme = url.contains(":") ? url.substring(0, url.indexOf(':')) : "";
    if (!Set.of("http", "https", "ws", "wss").contains(scheme)) return false;
    return !OWN_HOSTS.contains(host(url));
  }

  static String host(String url) {
    try {
      var h = URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
