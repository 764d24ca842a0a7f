package dev.byline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import dev.byline.auth.Role;
import dev.byline.media.ImageMetadata;
import dev.byline.testing.AdminClient;
import dev.byline.testing.TestImages;
import dev.byline.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The photo desk over real HTTP: uploads, what is kept of them, and what is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoDeskHttpTest {
  static final String PASSWORD = "a long enough password";

  @TempDir
  static Path dir;

  TestSite site;
  AdminClient writer;

  @BeforeAll
  void start() {
    site = TestSite.start(dir);
    site.byline()
        .accounts()
        .users()
        .create("photo@example.org", "Pia Photo", Role.WRITER, PASSWORD, false);
    writer = new AdminClient(site).signIn("photo@example.org", PASSWORD);
  }

  @AfterAll
  void stop() {
    site.close();
  }

  long mediaFiles() throws Exception {
    try (Stream<Path> files = Files.walk(site.newsroom().media().root())) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  int imageRows() {
    return site.newsroom()
        .db()
        .jdbi()
        .withHandle(h ->
            h.createQuery("SELECT COUNT(*) FROM image").mapTo(Integer.class).one());
  }

  long upload(byte[] bytes, String name, Map<String, String> fields) {
    writer.get("/admin/photos");
    var r = writer.postMultipart("/admin/photos", fields, "file", name, bytes);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var m = Pattern.compile("Stored as <a href=\"/admin/photos/(\\d+)\">").matcher(r.body());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void a_phone_photo_loses_its_location_everywhere_and_is_turned_upright() throws Exception {
    var phone = TestImages.jpegWithGps(400, 200, 6);
    assertThat(ImageMetadata.hasLocation(phone))
        .as("the test photo carries GPS")
        .isTrue();
    long id = upload(
        phone,
        "IMG_0001.jpg",
        Map.of("caption", "Harbour at dawn", "credit", "Pia Photo", "alt", "Boats in a harbour"));
    var image = site.newsroom().images().byId(id).orElseThrow();
    assertThat(image.width()).isEqualTo(200);
    assertThat(image.height()).isEqualTo(400);
    var original =
        Files.readAllBytes(site.newsroom().media().pathOf(image.key()).orElseThrow());
    assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
            .getDirectoriesOfType(GpsDirectory.class))
        .isEmpty();
    assertThat(ImageMetadata.hasLocation(original)).isFalse();
    assertThat(ImageMetadata.orientation(original))
        .as("the original keeps only its orientation")
        .isEqualTo(6);
    for (var v : image.variants()) {
      var bytes = site.getBytes(v.url()).body();
      assertThat(ImageMetadata.hasLocation(bytes)).isFalse();
      var decoded = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(decoded.getHeight()).isGreaterThan(decoded.getWidth());
      // Rotated 90° clockwise: the red left half of the picture is now on top.
      assertThat(new java.awt.Color(decoded.getRGB(decoded.getWidth() / 2, 5)).getRed())
          .isGreaterThan(200);
      assertThat(new java.awt.Color(decoded.getRGB(decoded.getWidth() / 2, decoded.getHeight() - 5))
              .getBlue())
          .isGreaterThan(200);
    }
  }

  @Test
  void a_file_that_is_not_an_image_is_refused_by_its_content_whatever_its_name_leaving_nothing()
      throws Exception {
    long files = mediaFiles();
    int rows = imageRows();
    writer.get("/admin/photos");
    var r = writer.postMultipart(
        "/admin/photos",
        Map.of("caption", "Kept caption"),
        "file",
        "holiday.jpg",
        "<html>not a photo</html>".getBytes());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("holiday.jpg", "not a JPEG, PNG, GIF or WebP image", "Kept caption");
    assertThat(mediaFiles()).isEqualTo(files);
    assertThat(imageRows()).isEqualTo(rows);
  }

  @Test
  void a_decompression_bomb_is_refused_with_its_size_and_the_limit() throws Exception {
    long files = mediaFiles();
    writer.get("/admin/photos");
    var r =
        writer.postMultipart("/admin/photos", Map.of(), "file", "bomb.png", TestImages.pngBomb());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("50000×50000 pixels", "40 megapixels");
    assertThat(mediaFiles()).isEqualTo(files);
  }

  @Test
  void a_truncated_photo_is_refused_and_leaves_no_partial_file_or_row() throws Exception {
    long files = mediaFiles();
    int rows = imageRows();
    var whole = TestImages.jpeg(300, 200);
    var cut = java.util.Arrays.copyOf(whole, whole.length / 3);
    writer.get("/admin/photos");
    var r = writer.postMultipart("/admin/photos", Map.of(), "file", "cut.jpg", cut);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("was not stored");
    assertThat(mediaFiles()).isEqualTo(files);
    assertThat(imageRows()).isEqualTo(rows);
  }

  @Test
  void caption_credit_and_alt_text_are_editable_and_the_library_finds_them() {
    long id = upload(TestImages.png(120, 80), "chart.png", Map.of("caption", "First caption"));
    writer.get("/admin/photos/" + id);
    var saved = writer.postForm(
        "/admin/photos/" + id,
        Map.of(
            "caption",
            "Rainfall by month",
            "credit",
            "Met Office",
            "alt",
            "Bar chart of monthly rainfall"));
    assertThat(saved.statusCode()).isEqualTo(303);
    var library = writer.get("/admin/photos?q=rainfall").body();
    assertThat(library).contains("/admin/photos/" + id + "\"", "Bar chart of monthly rainfall");
    assertThat(writer.get("/admin/photos?q=nothing-like-this").body()).contains("No photos match.");
  }

  @Test
  void webp_photos_can_be_decoded() {
    assertThat(ImageIO.getImageReadersByMIMEType("image/webp").hasNext()).isTrue();
  }
}
