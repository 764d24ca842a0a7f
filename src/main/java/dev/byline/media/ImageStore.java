package dev.byline.media;

import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Owns the image tables and the media files. Storing writes every file first, then the rows in
 * one transaction; if anything fails the files are removed, so no partial row or file is left.
 *
 * <pre>{@code
 * var image = images.store(bytes, new ImageText("Caption.", "Name/AGENCY", "What it shows"));
 * page.render(image.src(), image.srcset());
 * }</pre>
 */
public final class ImageStore {
  /** Bigger than any single press photo; smaller than what would stall an upload. */
  public static final int MAX_BYTES = 25 * 1024 * 1024;

  /** The type of a stored SVG drawing, original and variant. */
  public static final String SVG_MIME = "image/svg+xml";

  /** Caption, credit and alt text as a newsroom edits them. */
  public record ImageText(String caption, String credit, String alt) {
    public ImageText {
      caption = check("caption", caption, 1000);
      credit = check("credit", credit, 300);
      alt = check("alt text", alt, 500);
    }

    private static String check(String field, String value, int max) {
      var v = value == null ? "" : value.strip();
      if (v.length() > max)
        throw new MediaException("the " + field + " is longer than " + max + " characters");
      return v;
    }
  }

  private final Database db;
  private final ChangeFeed feed;
  private final MediaFiles files;
  private final Clock clock;

  public ImageStore(Database db, ChangeFeed feed, MediaFiles files, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.files = files;
    this.clock = clock;
  }

  /**
   * Checks, decodes, writes the original and its variants, and records them with no uploader:
   * a wire or imported picture, whose words only editors may change.
   */
  public Image store(byte[] bytes, ImageText text) {
    return write(bytes, text, null, null);
  }

  /**
   * {@link #store(byte[], ImageText)} for a picture a newsroom account uploaded (null: none),
   * with {@code also} written in the same transaction as the image's rows (an audit entry, say),
   * given the image as stored. The picture is checked and its files written before the
   * transaction, so it is held only for the rows. Identical bytes already stored give the
   * image already there, with its first uploader.
   */
  public Image store(byte[] bytes, ImageText text, Long uploadedBy, BiConsumer<Tx, Image> also) {
    return write(bytes, text, uploadedBy, also);
  }

  /**
   * An SVG drawing (a logo, an icon) for a newsroom account: checked by {@link SvgSanitiser} and
   * stored as it wrote it back, as the original and as the one variant readers get (a drawing
   * scales itself). Its width and height are its nominal size, scaled up when small so their
   * ratio survives rounding to whole pixels.
   *
   * @param name what to call it in a refusal, e.g. "SVG logo"
   * @throws MediaException naming the line and what is not allowed
   */
  public Image storeSvg(
      byte[] bytes, String name, ImageText text, Long uploadedBy, BiConsumer<Tx, Image> also) {
    var svg = SvgSanitiser.sanitise(bytes, name);
    var size = nominalSize(svg.width(), svg.height());
    var drawing = new ImageVariants.Encoded(size[0], size[1], SVG_MIME, "svg", svg.bytes());
    return persist(
        new Prepared(svg.bytes(), SVG_MIME, "svg", size[0], size[1], List.of(drawing)),
        text,
        uploadedBy,
        also);
  }

  /** Whole pixels in the drawing's proportions, within 0.5 %, and at most about 100,000 a side. */
  static int[] nominalSize(double width, double height) {
    double ratio = width / height;
    long w = 1;
    long h = 1;
    for (double k = 1; k <= 1 << 20; k *= 2) {
      w = Math.max(1, Math.round(width * k));
      h = Math.max(1, Math.round(height * k));
      if (Math.abs((double) w / h - ratio) <= 0.005 * ratio) break;
      if (Math.max(width, height) * k * 2 > SvgSanitiser.MAX_SIDE) break;
    }
    return new int[] {(int) Math.min(w, Integer.MAX_VALUE), (int) Math.min(h, Integer.MAX_VALUE)};
  }

  private Image write(byte[] bytes, ImageText text, Long uploadedBy, BiConsumer<Tx, Image> also) {
    if (bytes == null || bytes.length == 0) throw new MediaException("the file is empty");
    if (bytes.length > MAX_BYTES) {
      throw new MediaException("the file is " + (bytes.length / 1024 / 1024) + " MB; the limit is "
          + (MAX_BYTES / 1024 / 1024) + " MB");
    }
    var format = ImageFormat.sniff(bytes);
    int orientation = ImageMetadata.orientation(bytes);
    // The original is kept without GPS or any other camera metadata, only its orientation.
    var clean = ImageMetadata.strip(bytes, format, orientation);
    if (ImageMetadata.hasLocation(clean))
      throw new MediaException(
          "the file's location data could not be removed, so it was not stored");
    var decoded = ImageVariants.decode(clean, format);
    var upright = ImageMetadata.orient(decoded.image(), orientation);
    return persist(
        new Prepared(
            clean,
            format.mime(),
            format.extension(),
            upright.getWidth(),
            upright.getHeight(),
            ImageVariants.encode(upright)),
        text,
        uploadedBy,
        also);
  }

  /** A checked picture ready to store: the original's bytes and size, and the variants. */
  private record Prepared(
      byte[] original,
      String mime,
      String extension,
      int width,
      int height,
      List<ImageVariants.Encoded> variants) {}

  private Image persist(Prepared p, ImageText text, Long uploadedBy, BiConsumer<Tx, Image> also) {
    var clean = p.original();
    var encoded = p.variants();
    var sha = sha256(clean);
    var stem = sha.substring(0, 2) + "/" + sha.substring(2, 26);
    var originalKey = stem + "." + p.extension();
    var written = new ArrayList<String>();
    try {
      files.write(originalKey, clean);
      written.add(originalKey);
      var variants = new ArrayList<ImageVariant>();
      for (var e : encoded) {
        var key = stem + "-w" + e.width() + "." + e.extension();
        files.write(key, e.bytes());
        written.add(key);
        variants.add(new ImageVariant(e.width(), e.height(), e.mime(), key));
      }
      var now = clock.instant();
      long id = db.inTransaction(tx -> {
        var existing = tx.query("SELECT id FROM image WHERE storage_key = :k")
            .bind("k", originalKey)
            .mapTo(Long.class)
            .findOne();
        if (existing.isPresent()) {
          if (also != null) also.accept(tx, byIds(tx, List.of(existing.get())).get(existing.get()));
          return existing.get();
        }
        long newId = tx.query(
                "INSERT INTO image (storage_key, mime, width, height, byte_size, sha256, "
                    + "caption, credit, alt, created_at, uploaded_by) VALUES (:key, :mime, :w, :h, :size, :sha, "
                    + ":caption, :credit, :alt, :at, :by) RETURNING id")
            .bind("key", originalKey)
            .bind("mime", p.mime())
            .bind("w", p.width())
            .bind("h", p.height())
            .bind("size", (long) clean.length)
            .bind("sha", sha)
            .bind("caption", text.caption())
            .bind("credit", text.credit())
            .bind("alt", text.alt())
            .bind("at", now.toEpochMilli())
            .bind("by", uploadedBy)
            .mapTo(Long.class)
            .one();
        for (var v : variants) {
          tx.update("INSERT INTO image_variant (image_id, width, height, mime, storage_key) "
                  + "VALUES (:id, :w, :h, :mime, :key)")
              .bind("id", newId)
              .bind("w", v.width())
              .bind("h", v.height())
              .bind("mime", v.mime())
              .bind("key", v.key())
              .execute();
        }
        feed.append(tx, "image", newId, "created", Set.of(SurrogateKey.image(newId)));
        if (also != null) also.accept(tx, byIds(tx, List.of(newId)).get(newId));
        return newId;
      });
      return byId(id).orElseThrow();
    } catch (RuntimeException e) {
      // Identical bytes already stored share these files; only remove what no row names.
      for (var key : written) if (!referenced(key)) files.delete(key);
      throw e;
    }
  }

  /** Edits caption, credit and alt text; pages that show the image are purged. */
  public void updateText(long id, ImageText text) {
    db.useTransaction(tx -> updateText(tx, id, text));
  }

  /** {@link #updateText(long, ImageText)} inside the caller's unit of work. */
  public void updateText(Tx tx, long id, ImageText text) {
    int n = tx.update("UPDATE image SET caption = :c, credit = :cr, alt = :a WHERE id = :id")
        .bind("c", text.caption())
        .bind("cr", text.credit())
        .bind("a", text.alt())
        .bind("id", id)
        .execute();
    if (n == 0) throw new MediaException("image " + id + " does not exist");
    feed.append(tx, "image", id, "updated", Set.of(SurrogateKey.image(id)));
  }

  /** True when the image exists, as seen inside the caller's unit of work. */
  public boolean exists(Tx tx, long id) {
    return tx.query("SELECT COUNT(*) FROM image WHERE id = :id")
            .bind("id", id)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  public Optional<Image> byId(long id) {
    return Optional.ofNullable(byIds(List.of(id)).get(id));
  }

  /** Images by id, in one query each for images and variants. */
  public Map<Long, Image> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) return Map.of();
    return db.read(tx -> byIds(tx, ids));
  }

  public Map<Long, Image> byIds(Tx tx, Collection<Long> ids) {
    if (ids.isEmpty()) return Map.of();
    var variants = new HashMap<Long, List<ImageVariant>>();
    tx.query(
            "SELECT image_id, width, height, mime, storage_key FROM image_variant WHERE image_id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map(rs -> Map.entry(
            rs.getLong(1),
            new ImageVariant(rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5))))
        .forEach(
            e -> variants.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    var out = new LinkedHashMap<Long, Image>();
    tx.query("SELECT * FROM image WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map(rs -> toImage(rs, variants.getOrDefault(rs.getLong("id"), List.of())))
        .forEach(i -> out.put(i.id(), i));
    return out;
  }

  /** The newest images first, optionally filtered by words in caption, credit or alt text. */
  public List<Image> library(String query, int offset, int limit) {
    var like = "%" + (query == null ? "" : query.strip()) + "%";
    var op = db.dialect().ilike();
    var ids = db.read(tx -> tx.query(
            "SELECT id FROM image WHERE caption " + op + " :q OR credit " + op + " :q OR alt " + op
                + " :q ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .bind("q", like)
        .bind("limit", limit)
        .bind("offset", offset)
        .mapTo(Long.class)
        .list());
    var map = byIds(ids);
    return ids.stream().map(map::get).toList();
  }

  private boolean referenced(String key) {
    return db.read(tx -> tx.query("SELECT COUNT(*) FROM image WHERE storage_key = :k")
                .bind("k", key)
                .mapTo(Integer.class)
                .one()
            + tx.query("SELECT COUNT(*) FROM image_variant WHERE storage_key = :k")
                .bind("k", key)
                .mapTo(Integer.class)
                .one())
        > 0;
  }

  private static Image toImage(ResultSet rs, List<ImageVariant> variants) throws SQLException {
    return new Image(
        rs.getLong("id"),
        rs.getString("storage_key"),
        rs.getString("mime"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getLong("byte_size"),
        rs.getString("caption"),
        rs.getString("credit"),
        rs.getString("alt"),
        variants,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        rs.getObject("uploaded_by") == null ? null : rs.getLong("uploaded_by"));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
