vcl 4.1;

# Varnish 7 in front of Byline: two nodes on one database, as in deploy/compose.yaml and as the
# cluster test runs it. Works with the stock varnish package (Debian, the official image); the
# vmods used (directors, std) ship with Varnish itself.
#
# Public pages are the same bytes for every reader, so they are cached and shared. Each carries a
# Surrogate-Key header naming what it shows ("article:12 section:3 front"). When content changes,
# the delivery queue sends, from whichever node claims it once every node has read the change,
#   BAN / HTTP/1.1
#   Byline-Purge: article:12 front
# (set purge.varnish.urls in byline.properties) and this VCL bans every cached object whose
# Surrogate-Key holds any of the keys. Keys arrive regex-escaped, so they are only joined here.
# The bans test obj.http only, so Varnish's ban lurker clears them in the background and the ban
# list stays short however many changes there are.

import directors;
import std;

# A node that fails /readyz (database unreachable, index rebuilding, disk full) gets no readers.
# It starts healthy, is taken out after two failed probes of the last three (about 4 s), and is
# back after two good ones.
probe ready {
  .url = "/readyz";
  .interval = 2s;
  .timeout = 1s;
  .window = 3;
  .threshold = 2;
  .initial = 2;
}

# The Byline nodes. In compose.yaml they are the services node1 and node2. On one host, give
# each its address and port; for a single node, delete node2 here and in vcl_init.
backend node1 { .host = "node1"; .port = "8080"; .probe = ready; .first_byte_timeout = 30s; }
backend node2 { .host = "node2"; .port = "8080"; .probe = ready; .first_byte_timeout = 30s; }

# Who may ban: this host and the Byline nodes. Anyone else's BAN is refused, or a stranger
# could empty the cache at will. A name in parentheses is skipped if it does not resolve.
acl purgers {
  "127.0.0.1";
  "::1";
  ("node1");
  ("node2");
}

sub vcl_init {
  new nodes = directors.round_robin();
  nodes.add_backend(node1);
  nodes.add_backend(node2);
}

sub vcl_recv {
  set req.backend_hint = nodes.backend();

  if (req.method == "BAN") {
    if (client.ip !~ purgers) {
      return (synth(403, "Not allowed"));
    }
    if (!req.http.Byline-Purge || req.http.Byline-Purge !~ "\S") {
      return (synth(400, "No Byline-Purge keys"));
    }
    ban("obj.http.Surrogate-Key ~ (^|\s)(" + regsuball(req.http.Byline-Purge, "\s+", "|") + ")(\s|$)");
    return (synth(200, "Banned"));
  }

  # Operations endpoints are for the network inside (probes, Prometheus), not for readers.
  if (req.url ~ "^/(metrics|healthz|readyz)(\?|$)") {
    return (synth(404, "Not Found"));
  }

  # The newsroom, the APIs and anything that is not a plain read are per user: never shared.
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  if (req.url ~ "^/(admin|api)(/|\?|$)") {
    return (pass);
  }

  # Open pages hear of the breaking banner over a long-lived event stream: straight to a node,
  # which sends it changes as its change feed brings them (vcl_pipe closes it after).
  if (req.url ~ "^/breaking/events(\?|$)") {
    return (pipe);
  }

  # Public pages are the same bytes for every reader; cookies never change them.
  unset req.http.Cookie;

  # While a node is healthy, a page past its time is served stale for at most the minute
  # Byline's stale-while-revalidate allows; with every node down, for the whole grace.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 60s;
  }
  return (hash);
}

sub vcl_pipe {
  # A piped connection carries one stream, never a reader's next request.
  set bereq.http.Connection = "close";
}

sub vcl_backend_response {
  if (beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    return (deliver);
  }
  # Pages are banned when they change, so Varnish may keep them far longer than the minute the
  # site gives browsers.
  if (beresp.http.Surrogate-Key) {
    set beresp.ttl = 1h;
  }
  # Kept a day past their time, to serve while every node is down (stale-if-error=86400).
  set beresp.grace = 24h;
}

sub vcl_backend_error {
  # A node that died since its last probe refuses the connection: ask the next one before
  # showing the reader an error. Only reads, which are safe to send twice.
  if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
    return (retry);
  }
}

sub vcl_deliver {
  # Keys are for caches, not readers.
  unset resp.http.Surrogate-Key;
  unset resp.http.Cache-Tag;
}
