package dev.byline.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The one outbound HTTP client deliveries share: no redirects followed, bounded waits. */
final class Http {
  /** Only the start of an error answer is kept for the log. */
  static final int MAX_ANSWER = 200;

  private final Duration timeout;
  /** Made on the first send: building a client sets up TLS, which would otherwise slow every start. */
  private HttpClient client;

  Http(Duration timeout) {
    this.timeout = timeout;
  }

  private synchronized HttpClient client() {
    if (client == null) {
      client = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(timeout)
          .build();
    }
    return client;
  }

  /** Sends and returns the status of a 2xx answer; anything else is a {@link DeliveryFailed}. */
  int send(HttpRequest.Builder request) throws DeliveryFailed {
    var built = request.timeout(timeout).build();
    HttpResponse<String> response;
    try {
      response = client().send(built, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailed("no answer within " + timeout.toMillis() + " ms", 0);
    } catch (IOException e) {
      throw new DeliveryFailed("could not reach " + built.uri().getHost() + ": " + e, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted while sending", 0);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) return status;
    var body = response.body() == null ? "" : response.body().strip();
    if (body.length() > MAX_ANSWER) body = body.substring(0, MAX_ANSWER);
    throw new DeliveryFailed(
        "answered " + status + (body.isEmpty() ? "" : ": " + body.replaceAll("\\s+", " ")), status);
  }
}
