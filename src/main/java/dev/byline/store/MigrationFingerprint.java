package dev.byline.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A SHA-256 digest over the names and bytes of the migration scripts this build carries for one
 * dialect. After Flyway has migrated a database the digest is stored in it; a later start whose
 * scripts digest the same knows the schema already holds exactly these migrations, so it can skip
 * Flyway, whose scanning and validating cost more than half a second of every start. Any change
 * to any script, an added one or a database that never recorded a digest means a full migration.
 */
final class MigrationFingerprint {
  private MigrationFingerprint() {}

  /** The digest of the scripts under {@code db/migration/<folder>} on the class path. */
  static String of(Dialect dialect) {
    var folder = dialect.migrationLocation().substring("classpath:".length());
    var scripts = scripts(folder);
    if (scripts.isEmpty()) throw new StoreException("no migration scripts found under " + folder);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    scripts.forEach((name, bytes) -> {
      sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(bytes);
      sha.update((byte) 0);
    });
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Whether the database recorded {@code fingerprint} after its last full migration. */
  static boolean recorded(DataSource ds, String fingerprint) {
    try (var c = ds.getConnection();
        var s = c.prepareStatement("SELECT fingerprint FROM schema_fingerprint WHERE id = 1")) {
      try (var rs = s.executeQuery()) {
        return rs.next() && fingerprint.equals(rs.getString(1));
      }
    } catch (SQLException e) {
      // A new database, or one older than the table: migrate in full, which creates it.
      return false;
    }
  }

  /** Stores {@code fingerprint} as the one the schema now matches. */
  static void record(DataSource ds, String fingerprint) {
    try (Connection c = ds.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (var delete = c.prepareStatement("DELETE FROM schema_fingerprint");
          var insert =
              c.prepareStatement("INSERT INTO schema_fingerprint (id, fingerprint, recorded_at) "
                  + "VALUES (1, ?, CAST(CURRENT_TIMESTAMP AS TEXT))")) {
        delete.executeUpdate();
        insert.setString(1, fingerprint);
        insert.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record the schema fingerprint: " + e.getMessage(), e);
    }
  }

  /** Script name to bytes, sorted by name, from a folder or from inside the jar. */
  private static Map<String, byte[]> scripts(String folder) {
    var url = MigrationFingerprint.class.getClassLoader().getResource(folder);
    if (url == null)
      throw new StoreException("no migration folder " + folder + " on the class path");
    var scripts = new TreeMap<String, byte[]>();
    try {
      if (url.getProtocol().equals("jar")) {
        var connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (var jar = connection.getJarFile()) {
          var prefix = folder + "/";
          var entries = jar.entries();
          while (entries.hasMoreElements()) {
            var entry = entries.nextElement();
            var name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(prefix)) continue;
            try (InputStream in = jar.getInputStream(entry)) {
              scripts.put(name.substring(prefix.length()), in.readAllBytes());
            }
          }
        }
      } else {
        try (var files = Files.list(Path.of(url.toURI()))) {
          for (var file : (Iterable<Path>) files::iterator) {
            if (Files.isRegularFile(file))
              scripts.put(file.getFileName().toString(), Files.readAllBytes(file));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the migration scripts under " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return scripts;
  }
}
