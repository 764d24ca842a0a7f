package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every paged list, public or in the newsroom, reads {@code ?page} the same way. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageNumberHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient editor;

  @BeforeAll
  void start() {
    site = TestSite.demo(dir);
    site.byline()
        .accounts()
        .users()
        .create("pages@example.org", "Page Admin", Role.ADMIN, PASSWORD, false);
    editor = new AdminClient(site).signIn("pages@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  @Test
  void public_and_newsroom_lists_refuse_the_same_pages_the_same_way() {
    var lists = new String[] {
      "/world", "/search?q=port&", "/admin/articles", "/admin/audit", "/admin/photos", "/admin/wire"
    };
    for (var list : lists) {
      var sep = list.endsWith("&") ? "" : "?";
      assertThat(get(list + sep + "page=abc").statusCode()).as(list).isEqualTo(400);
      assertThat(get(list + sep + "page=abc").body())
          .as(list)
          .contains("page must be a whole number from 1 to " + PageNumber.MAX);
      assertThat(get(list + sep + "page=0").statusCode()).as(list).isEqualTo(400);
      assertThat(get(list + sep + "page=" + (PageNumber.MAX + 1)).statusCode())
          .as(list)
          .isEqualTo(404);
      assertThat(get(list + sep + "page=1").statusCode()).as(list).isEqualTo(200);
    }
  }

  private java.net.http.HttpResponse<String> get(String path) {
    return path.startsWith("/admin") ? editor.get(path) : site.get(path);
  }
}
