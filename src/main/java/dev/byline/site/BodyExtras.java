package dev.byline.site;

import dev.byline.ads.AdPlacement;
import dev.byline.ads.AdSlot;
import dev.byline.ads.AdsSettings;
import dev.byline.content.Block;
import dev.byline.i18n.Messages;
import java.util.List;
import java.util.Map;

/**
 * What the ads and consent features add to one article body: the ad slots placed between
 * paragraphs (keyed by the index of the block they follow) with the house promotion that fills
 * them until the reader allows advertising, and whether YouTube embeds render as a click-to-load
 * facade (or as a plain link when the operator turned YouTube off).
 */
public record BodyExtras(
    Map<Integer, AdSlot> adsAfter, String houseText, String houseLink, boolean youtube) {
  public static final BodyExtras NONE = new BodyExtras(Map.of(), "", "/", true);

  public BodyExtras {
    adsAfter = Map.copyOf(adsAfter);
  }

  /**
   * Places the configured slots in {@code body}, which already holds any "READ:" links. The
   * built-in house promotion is said in the site language; one the operator wrote is shown as is.
   */
  public static BodyExtras of(AdsSettings ads, boolean youtube, List<Block> body, Messages t) {
    var placed = ads.enabled() ? AdPlacement.place(body, ads.slots()) : Map.<Integer, AdSlot>of();
    var house = ads.houseText().equals(AdsSettings.DEFAULT_HOUSE_TEXT)
        ? t.text("ad.house")
        : ads.houseText();
    return new BodyExtras(placed, house, ads.houseLink(), youtube);
  }

  public AdSlot adAfter(int index) {
    return adsAfter.get(index);
  }
}
