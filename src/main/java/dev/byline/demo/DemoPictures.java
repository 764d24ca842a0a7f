package dev.byline.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the demo newsroom's pictures: an abstract scene per palette (sky, horizon, shapes),
 * varied by a seed so no two are alike. Nothing is downloaded or copied.
 */
final class DemoPictures {
  static final int WIDTH = 1600;
  static final int HEIGHT = 900;

  private record Palette(Color skyTop, Color skyBottom, Color ground, Color shape, Color accent) {}

  private static final Map<String, Palette> PALETTES = Map.of(
      "harbour",
          new Palette(
              new Color(0x1d3557),
              new Color(0xf4a261),
              new Color(0x264653),
              new Color(0x2a2a2a),
              new Color(0xe76f51)),
      "city",
          new Palette(
              new Color(0x355070),
              new Color(0xe0c3a0),
              new Color(0x3d3d3d),
              new Color(0x22223b),
              new Color(0xf2cc8f)),
      "parliament",
          new Palette(
              new Color(0x4a6fa5),
              new Color(0xdde5ed),
              new Color(0x6b705c),
              new Color(0x3f4238),
              new Color(0xcb997e)),
      "market",
          new Palette(
              new Color(0x0b132b),
              new Color(0x3a506b),
              new Color(0x1c2541),
              new Color(0x5bc0be),
              new Color(0x6fffe9)),
      "lab",
          new Palette(
              new Color(0xcad2c5),
              new Color(0xf1faee),
              new Color(0x84a98c),
              new Color(0x354f52),
              new Color(0x52796f)),
      "stadium",
          new Palette(
              new Color(0x03045e),
              new Color(0x0077b6),
              new Color(0x2d6a4f),
              new Color(0xfefae0),
              new Color(0xffb703)),
      "stage",
          new Palette(
              new Color(0x10002b),
              new Color(0x5a189a),
              new Color(0x240046),
              new Color(0xe0aaff),
              new Color(0xff9e00)),
      "forest",
          new Palette(
              new Color(0x90be6d),
              new Color(0xe9f5db),
              new Color(0x386641),
              new Color(0x1b4332),
              new Color(0xa7c957)),
      "desert",
          new Palette(
              new Color(0xffb703),
              new Color(0xfff1d0),
              new Color(0xdda15e),
              new Color(0xbc6c25),
              new Color(0x9c6644)),
      "night",
          new Palette(
              new Color(0x000814),
              new Color(0x001d3d),
              new Color(0x14213d),
              new Color(0x3a3a5a),
              new Color(0xffd60a)));

  private DemoPictures() {}

  /** A JPEG of the scene for {@code palette}, varied by {@code seed}. */
  static byte[] draw(String palette, long seed) {
    var p = PALETTES.getOrDefault(palette, PALETTES.get("city"));
    var rnd = new Random(seed);
    var img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int horizon = (int) (HEIGHT * (0.55 + rnd.nextDouble() * 0.15));
      g.setPaint(new GradientPaint(0, 0, p.skyTop(), 0, horizon, p.skyBottom()));
      g.fillRect(0, 0, WIDTH, horizon);
      // A sun or moon.
      g.setColor(withAlpha(p.accent(), 200));
      int r = 60 + rnd.nextInt(80);
      g.fill(new Ellipse2D.Double(
          150 + rnd.nextInt(WIDTH - 400), 80 + rnd.nextInt(Math.max(1, horizon / 3)), r, r));
      // Distant hills.
      g.setColor(withAlpha(p.shape(), 120));
      g.fill(ridge(rnd, horizon - 40, 90));
      // Foreground blocks: buildings, stands, cranes or trees, depending on the seed.
      g.setColor(p.shape());
      int x = -20;
      while (x < WIDTH) {
        int w = 60 + rnd.nextInt(160);
        int h = 80 + rnd.nextInt((int) (horizon * 0.55));
        g.fillRect(x, horizon - h, w - 8, h);
        g.setColor(withAlpha(p.accent(), 150));
        for (int wy = horizon - h + 16; wy < horizon - 20; wy += 28) {
          for (int wx = x + 10; wx < x + w - 24; wx += 24) {
            if (rnd.nextInt(3) == 0) g.fillRect(wx, wy, 10, 14);
          }
        }
        g.setColor(p.shape());
        x += w;
      }
      g.setPaint(new GradientPaint(0, horizon, p.ground(), 0, HEIGHT, p.ground().darker()));
      g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
      g.setColor(withAlpha(p.accent(), 90));
      g.setStroke(new BasicStroke(3f));
      for (int i = 0; i < 6; i++) {
        int y = horizon + 20 + rnd.nextInt(HEIGHT - horizon - 30);
        g.drawLine(
            rnd.nextInt(WIDTH / 2),
            y,
            WIDTH / 2 + rnd.nextInt(WIDTH / 2),
            y + rnd.nextInt(20) - 10);
      }
    } finally {
      g.dispose();
    }
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path2D ridge(Random rnd, int base, int amplitude) {
    var path = new Path2D.Double();
    path.moveTo(0, base);
    for (int x = 0; x <= WIDTH; x += 80) path.lineTo(x, base - rnd.nextInt(amplitude));
    path.lineTo(WIDTH, base + 40);
    path.lineTo(0, base + 40);
    path.closePath();
    return path;
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
