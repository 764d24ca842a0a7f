package dev.byline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events stream read as a browser's EventSource would: the data of each event. */
public final class EventStream implements AutoCloseable {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;

  /** Opens the stream and, when it is answered 200, reads the data of each {@code event}. */
  public EventStream(HttpClient client, String url, String event) throws Exception {
    response = client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .build(),
        HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) return;
    var reader = new Thread(() -> {
      String name = "";
      try (Stream<String> lines = response.body()) {
        for (var it = lines.iterator(); it.hasNext(); ) {
          var line = it.next();
          if (line.startsWith("event: ")) name = line.substring(7);
          else if (line.startsWith("data: ") && name.equals(event)) events.add(line.substring(6));
        }
      } catch (RuntimeException closed) {
        // the test closed the stream
      }
    });
    reader.setDaemon(true);
    reader.start();
  }

  public HttpResponse<Stream<String>> response() {
    return response;
  }

  /** The next event's data as JSON, waiting up to 5 s. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> next() throws Exception {
    var data = events.poll(5, TimeUnit.SECONDS);
    assertThat(data).as("an event within 5 s").isNotNull();
    return Json.MAPPER.readValue(data, Map.class);
  }

  @Override
  public void close() {
    response.body().close();
  }
}
