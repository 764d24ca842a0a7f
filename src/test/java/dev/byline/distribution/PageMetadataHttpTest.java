package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import dev.byline.media.ImageStore;
import dev.byline.testing.Eventually;
import dev.byline.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What search engines read in a page's head: schema.org JSON-LD (NewsArticle, BreadcrumbList,
 * Organization), canonical URLs, rel=prev/next on paginated lists, and 301s for changed slugs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageMetadataHttpTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern LD =
      Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

  @TempDir
  static Path dir;

  TestSite site;
  String base;
  String leadPath;
  long leadId;

  @BeforeAll
  void start() throws Exception {
    site = TestSite.start(dir);
    base = site.byline().config().baseUrl();
    var n = site.newsroom();
    var world = n.sections().ensure("world", "World", "News from everywhere.", 1);
    var author = n.authors().ensure("Marta Quell");
    var topic = n.topics().ensure("Harbour strike", TopicType.SUBJECT);
    var picture = new BufferedImage(1800, 1200, BufferedImage.TYPE_INT_RGB);
    var png = new ByteArrayOutputStream();
    ImageIO.write(picture, "png", png);
    var image = n.images()
        .store(
            png.toByteArray(),
            new ImageStore.ImageText("Cranes at dawn.", "A. Photographer/Wire", "Cranes"));
    leadId = n.articles()
        .create(new ArticleDraft(
            null,
            "Dock talks resume",
            "Negotiators return to the table.",
            "PORT AVERLY",
            Source.NONE,
            world.id(),
            List.of(topic.id()),
            List.of(author.id()),
            image.id(),
            List.of(Block.Paragraph.ofText("Talks resumed on Monday.")),
            "",
            "",
            ""));
    n.articles().publish(leadId);
    for (int i = 1; i <= 45; i++) {
      long id = n.articles()
          .create(ArticleDraft.of(
              "Harbour brief number " + i,
              "Brief " + i + ".",
              world.id(),
              List.of(Block.Paragraph.ofText("Brief."))));
      n.articles().publish(id);
    }
    leadPath = n.articles().byId(leadId).orElseThrow().path();
  }

  @AfterAll
  void stop() {
    site.close();
  }

  List<JsonNode> jsonLd(String html) throws Exception {
    var out = new ArrayList<JsonNode>();
    var m = LD.matcher(html);
    while (m.find()) out.add(JSON.readTree(m.group(1)));
    return out;
  }

  JsonNode ofType(List<JsonNode> docs, String type) {
    return docs.stream()
        .filter(d -> d.path("@type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + docs));
  }

  @Test
  void an_article_carries_a_news_article_with_every_field_google_asks_for_and_a_breadcrumb_list()
      throws Exception {
    var docs = jsonLd(site.get(leadPath).body());
    var article = ofType(docs, "NewsArticle");
    assertThat(article.path("@context").asText()).isEqualTo("https://schema.org");
    assertThat(article.path("headline").asText()).isEqualTo("Dock talks resume");
    assertThat(article.path("mainEntityOfPage").path("@id").asText()).isEqualTo(base + leadPath);
    assertThat(article.path("url").asText()).isEqualTo(base + leadPath);
    var images = article.path("image");
    assertThat(images.isArray()).isTrue();
    assertThat(images.size()).as("several sizes").isGreaterThanOrEqualTo(3);
    for (var img : images) {
      assertThat(img.path("url").asText()).startsWith(base + "/media/");
      assertThat(img.path("width").asInt()).isGreaterThanOrEqualTo(960);
      assertThat(
              site.getBytes(img.path("url").asText().substring(base.length())).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            images.get(0).path("width").asInt() * images.get(0).path("height").asInt())
        .as("Google's 50k-pixel minimum")
        .isGreaterThan(50_000);
    assertThat(java.time.Instant.parse(article.path("datePublished").asText())).isNotNull();
    assertThat(java.time.Instant.parse(article.path("dateModified").asText())).isNotNull();
    var author = article.path("author").get(0);
    assertThat(author.path("@type").asText()).isEqualTo("Person");
    assertThat(author.path("name").asText()).isEqualTo("Marta Quell");
    assertThat(author.path("url").asText()).isEqualTo(base + "/author/marta-quell");
    var publisher = article.path("publisher");
    assertThat(publisher.path("name").asText()).isEqualTo(site.byline().config().siteName());
    assertThat(publisher.path("logo").path("url").asText()).startsWith(base + "/");
    assertThat(site.getBytes(publisher.path("logo").path("url").asText().substring(base.length()))
            .statusCode())
        .isEqualTo(200);
    assertThat(article.path("description").asText()).isEqualTo("Negotiators return to the table.");
    assertThat(article.path("articleSection").asText()).isEqualTo("World");
    assertThat(article.path("keywords").asText()).contains("Harbour strike");
    assertThat(article.path("inLanguage").asText()).isEqualTo("en");

    var crumbs = ofType(docs, "BreadcrumbList").path("itemListElement");
    assertThat(crumbs.size()).isEqualTo(3);
    for (int i = 0; i < crumbs.size(); i++) {
      assertThat(crumbs.get(i).path("position").asInt()).isEqualTo(i + 1);
      assertThat(crumbs.get(i).path("name").asText()).isNotBlank();
      assertThat(crumbs.get(i).path("item").asText()).startsWith(base + "/");
    }
    assertThat(crumbs.get(1).path("item").asText()).isEqualTo(base + "/world");
  }

  @Test
  void the_front_page_carries_the_organization_and_list_pages_a_breadcrumb_list() throws Exception {
    var org = ofType(jsonLd(site.get("/").body()), "NewsMediaOrganization");
    assertThat(org.path("name").asText()).isEqualTo(site.byline().config().siteName());
    assertThat(org.path("url").asText()).isEqualTo(base + "/");
    assertThat(org.path("logo").path("url").asText()).startsWith(base + "/");
    for (var path : List.of("/world", "/topic/harbour-strike", "/author/marta-quell")) {
      var crumbs = ofType(jsonLd(site.get(path).body()), "BreadcrumbList").path("itemListElement");
      assertThat(crumbs.get(crumbs.size() - 1).path("item").asText())
          .as(path)
          .isEqualTo(base + path);
    }
  }

  @Test
  void the_json_ld_cannot_close_its_script_element() throws Exception {
    var n = site.newsroom();
    long id = n.articles()
        .create(ArticleDraft.of(
            "A </script><script>alert(1)</script> headline",
            "Q&A <b>",
            n.sections().all().get(0).id(),
            List.of(Block.Paragraph.ofText("x"))));
    n.articles().publish(id);
    var html = site.get(n.articles().byId(id).orElseThrow().path()).body();
    assertThat(html).doesNotContain("</script><script>alert(1)");
    assertThat(ofType(jsonLd(html), "NewsArticle").path("headline").asText())
        .isEqualTo("A </script><script>alert(1)</script> headline");
  }

  @Test
  void every_page_names_its_canonical_url() {
    for (var path : List.of(
        "/", "/world", "/world?page=2", "/topic/harbour-strike", "/author/marta-quell", leadPath)) {
      var expected = base + (path.equals("/") ? "/" : path);
      assertThat(site.get(path).body())
          .as(path)
          .contains("<link rel=\"canonical\" href=\"" + expected + "\">");
    }
    assertThat(site.get("/world?page=1").body())
        .as("page 1 is the list itself")
        .contains("<link rel=\"canonical\" href=\"" + base + "/world\">");
  }

  @Test
  void paginated_lists_link_their_previous_and_next_pages() {
    var first = site.get("/world").body();
    assertThat(first)
        .contains("<link rel=\"next\" href=\"/world?page=2\">")
        .doesNotContain("<link rel=\"prev\"");
    var second = site.get("/world?page=2").body();
    assertThat(second)
        .contains(
            "<link rel=\"prev\" href=\"/world\">", "<link rel=\"next\" href=\"/world?page=3\">");
    var last = site.get("/world?page=3").body();
    assertThat(last)
        .contains("<link rel=\"prev\" href=\"/world?page=2\">")
        .doesNotContain("<link rel=\"next\"");
    assertThat(site.get("/world?page=4").statusCode()).isEqualTo(404);
  }

  @Test
  void a_changed_slug_answers_301_to_the_new_address_and_the_feeds_and_sitemaps_use_the_new_one() {
    var articles = site.newsroom().articles();
    long id = articles.create(ArticleDraft.of(
        "Port reopens",
        "Ships berth.",
        site.newsroom().sections().all().get(0).id(),
        List.of(Block.Paragraph.ofText("Ships berth again."))));
    articles.publish(id);
    var before = articles.byId(id).orElseThrow();
    var oldPath = before.path();
    articles.update(
        id,
        before.version(),
        FeedsHttpTest.draftOf(before, before.headline()).withSlug("port-reopens-after-strike"));
    var r = site.get(oldPath);
    assertThat(r.statusCode()).isEqualTo(301);
    var newPath = articles.byId(id).orElseThrow().path();
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith(newPath);
    assertThat(site.get(newPath).statusCode()).isEqualTo(200);
    Eventually.await("feeds and sitemaps name the new address", Duration.ofSeconds(5), () -> {
      var feed = site.get("/feed/rss.xml").body();
      var month = site.get("/sitemaps/articles-"
              + dev.byline.content.PublishedArchive.monthOf(before.firstPublishedAt()) + ".xml")
          .body();
      return feed.contains(base + newPath)
          && !feed.contains(base + oldPath + "<")
          && month.contains(base + newPath)
          && !month.contains(base + oldPath + "<");
    });
  }
}
