package dev.byline;

import dev.byline.admin.LiveDesk;
import dev.byline.admin.WireToLive;
import dev.byline.web.Routes;
import io.javalin.config.RoutesConfig;

/**
 * Live blogs: the live desk under {@code /admin/articles/{id}/live}, the posts fragment and
 * feeds under {@code /live/}, and "append to live blog" on a wire story's page. Pages with live
 * coverage load {@code live.js}, which offers readers new posts without a reload. Article pages show the coverage themselves
 * ({@link SiteFeature}); the posts live in the newsroom's {@link dev.byline.live.LiveBlog}.
 */
final class LiveFeature implements Routes {
  private final SiteFeature site;
  private final LiveDesk desk;
  private final WireToLive fromWire;

  LiveFeature(Newsroom newsroom, SiteFeature site, AdminFeature admin, WireFeature wire) {
    this.site = site;
    var audit = admin.accounts().audit();
    desk = new LiveDesk(admin.site(), newsroom.db(), newsroom.articles(), newsroom.live(), audit);
    fromWire = new WireToLive(wire.wire(), newsroom.db(), newsroom.live(), audit);
  }

  @Override
  public void routes(RoutesConfig r) {
    desk.routes(r);
    fromWire.routes(r);
    site.livePages().routes(r);
  }
}
