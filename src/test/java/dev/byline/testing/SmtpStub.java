package dev.byline.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tiny SMTP server on a free loopback port that refuses the recipients it is told to refuse
 * with {@code 550 5.1.1}, as a real server refuses an unknown mailbox, and takes everything else.
 * It records every RCPT it was asked for and every message it accepted, by recipient.
 */
public final class SmtpStub implements AutoCloseable {
  private final ServerSocket server;
  private final Set<String> refused;
  private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;

  private SmtpStub(Set<String> refused) throws IOException {
    this.refused = refused;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    thread = new Thread(this::serve, "smtp-stub");
    thread.setDaemon(true);
    thread.start();
  }

  public static SmtpStub refusing(Set<String> refused) {
    try {
      return new SmtpStub(refused);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Addresses a RCPT TO named, refused or not, in order. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  /** The recipient of each accepted message, in order. */
  public List<String> accepted() {
    return List.copyOf(accepted);
  }

  private void serve() {
    while (!server.isClosed()) {
      try (var socket = server.accept()) {
        session(socket);
      } catch (IOException e) {
        // A client that went away: wait for the next.
      }
    }
  }

  private void session(Socket socket) throws IOException {
    var in = new BufferedReader(
        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    var out = socket.getOutputStream();
    reply(out, "220 stub ESMTP");
    var recipients = new ArrayList<String>();
    for (String line; (line = in.readLine()) != null; ) {
      var upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) reply(out, "250 stub");
      else if (upper.startsWith("MAIL FROM")) {
        recipients.clear();
        reply(out, "250 2.1.0 ok");
      } else if (upper.startsWith("RCPT TO")) {
        var address =
            line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
        asked.add(address);
        if (refused.contains(address)) reply(out, "550 5.1.1 <" + address + ">: no such mailbox");
        else {
          recipients.add(address);
          reply(out, "250 2.1.5 ok");
        }
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        for (String d; (d = in.readLine()) != null && !d.equals("."); ) {
          // The message itself is not kept; who it was for is.
        }
        accepted.addAll(recipients);
        reply(out, "250 2.0.0 queued");
      } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) reply(out, "250 ok");
      else if (upper.startsWith("QUIT")) {
        reply(out, "221 bye");
        return;
      } else reply(out, "502 5.5.2 not implemented");
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // Closing in a test's teardown.
    }
  }
}
