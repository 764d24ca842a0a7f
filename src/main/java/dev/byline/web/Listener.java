package dev.byline.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * The server's socket, bound before anything else is built, so the site knows its own address
 * from the start. Port 0 takes a free port from the system; the port then stays bound until the
 * server runs on it, so nothing else can take it in between.
 */
public final class Listener implements AutoCloseable {
  private final ServerSocketChannel channel;
  private final int port;

  private Listener(ServerSocketChannel channel, int port) {
    this.channel = channel;
    this.port = port;
  }

  /** Binds {@code host:port}; port 0 means any free port. */
  public static Listener bind(String host, int port) {
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.bind(new InetSocketAddress(host, port));
      return new Listener(channel, ((InetSocketAddress) channel.getLocalAddress()).getPort());
    } catch (IOException | RuntimeException e) {
      if (channel != null) close(channel);
      throw new UncheckedIOException(
          new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e));
    }
  }

  /** The port bound, never 0. */
  public int port() {
    return port;
  }

  ServerSocketChannel channel() {
    return channel;
  }

  @Override
  public void close() {
    close(channel);
  }

  private static void close(ServerSocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing is listening any more either way
    }
  }
}
