package dev.byline;

import dev.byline.admin.WireInboxPages;
import dev.byline.api.WirePushEndpoint;
import dev.byline.auth.Role;
import dev.byline.web.Routes;
import dev.byline.wire.DropFolders;
import dev.byline.wire.FeedPoller;
import dev.byline.wire.Wire;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * Wire ingest: the drop folders and feed polling that run in the background, the push endpoint
 * agencies call, and the inbox where editors take stories in.
 */
final class WireFeature implements Routes, AutoCloseable {
  private final Wire wire;
  private final SiteFeature site;
  private final AdminFeature admin;
  private final Clock clock;
  private final DropFolders folders;
  private final FeedPoller feeds;

  WireFeature(Newsroom newsroom, SiteFeature site, AdminFeature admin, Clock clock) {
    this.wire = newsroom.wire();
    this.site = site;
    this.admin = admin;
    this.clock = clock;
    admin.site().addNav("wire", "Wire", "/admin/wire", Role.EDITOR);
    folders =
        new DropFolders(wire.ingest(), wire.sources().all(), wire.sources().scanMillis()).start();
    feeds = new FeedPoller(wire.ingest(), newsroom.state(), wire.sources().all()).start();
  }

  /** The wire desk's parts, e.g. for the inbox queue in metrics. */
  Wire wire() {
    return wire;
  }

  @Override
  public void routes(RoutesConfig r) {
    new WirePushEndpoint(wire, clock).routes(r);
    new WireInboxPages(wire, site.articlePages(), admin.site(), clock).routes(r);
  }

  @Override
  public void close() {
    feeds.close();
    folders.close();
  }
}
