package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the site: the port it listens on and the address it believes it has agree. */
class StartTest {
  @TempDir
  Path dir;

  @Test
  void on_port_0_the_site_serves_on_the_port_its_own_address_names() {
    try (var site = TestSite.start(dir)) {
      int port = site.byline().port();
      assertThat(port).isPositive();
      assertThat(site.byline().config().port()).isEqualTo(port);
      assertThat(site.byline().config().baseUrl()).isEqualTo("http://localhost:" + port);
      assertThat(site.get("/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_port_already_taken_fails_the_start_naming_it_and_leaves_nothing_open() throws Exception {
    try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var config = TestDatabases.sqlite(
          dir, Map.of("port", Integer.toString(taken.getLocalPort()), "http.host", "127.0.0.1"));
      assertThatThrownBy(() -> Byline.start(config))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
    // Nothing was left holding the data directory: the same site starts at once.
    try (var site = TestSite.start(dir)) {
      assertThat(site.get("/").statusCode()).isEqualTo(200);
    }
  }
}
