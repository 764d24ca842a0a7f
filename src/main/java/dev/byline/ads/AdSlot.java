package dev.byline.ads;

import dev.byline.config.ConfigException;

/**
 * One configured place for an ad in article bodies.
 *
 * @param name the operator's name for it ({@code ads.slot.NAME.*}), also a CSS hook
 * @param adUnitId the AdSense ad unit id ({@code data-ad-slot}), digits
 * @param size the box it reserves
 * @param afterParagraph it goes after this many paragraphs (1 or more)
 */
public record AdSlot(String name, String adUnitId, AdSize size, int afterParagraph) {
  public AdSlot {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,30}")) {
      throw new ConfigException(
          "ads.slots",
          "slot names are lower-case letters, digits and dashes, not \"" + name + "\"");
    }
    if (adUnitId == null || !adUnitId.matches("\\d{6,20}")) {
      throw new ConfigException(
          "ads.slot." + name + ".id",
          "must be the AdSense ad unit id (digits), not \"" + adUnitId + "\"");
    }
    if (afterParagraph < 1 || afterParagraph > 100) {
      throw new ConfigException(
          "ads.slot." + name + ".after", "must be a paragraph count between 1 and 100");
    }
  }
}
