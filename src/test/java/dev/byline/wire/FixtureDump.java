package dev.byline.wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Development aid: prints what every wire fixture reads as. Not a test. */
public final class FixtureDump {
  public static void main(String[] args) throws Exception {
    var root = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/wire");
    try (var files = Files.walk(root)) {
      for (var f : files.filter(Files::isRegularFile).sorted().toList()) {
        try {
          var items = WireFormats.read(Files.readAllBytes(f), ReadContext.of("test", f.getFileName().toString(), Instant.EPOCH));
          for (var i : items) {
            System.out.println("OK   " + root.relativize(f) + " | " + i.kind() + " v" + i.version() + " " + i.pubStatus()
                + " | " + i.headline() + " | by=" + i.bylines() + " | dl=" + i.dateline() + " | loc=" + i.located()
                + " | credit=" + i.creditLine() + " | prov=" + i.provider() + " | blocks=" + i.body().size()
                + " | pics=" + i.pictures().size() + " | subj=" + i.subjects().size() + " | emb=" + i.embargo()
                + " | std=" + (i.standfirst().length() > 40 ? i.standfirst().substring(0, 40) : i.standfirst()));
          }
        } catch (NotAStory e) {
          System.out.println("NOT  " + root.relativize(f) + " | " + e.getMessage());
        } catch (WireFormatException e) {
          System.out.println("ERR  " + root.relativize(f) + " | " + e.getMessage());
        } catch (RuntimeException e) {
          System.out.println("BUG  " + root.relativize(f) + " | " + e);
        }
      }
    }
  }
}
