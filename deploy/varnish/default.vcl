vcl 4.1;

# Varnish in front of two Byline nodes. Public pages are the same bytes for every reader, so they
# are cached; each carries a Surrogate-Key header naming what it depends on (article:12 section:3
# front ...), copied into xkey so one PURGE with an xkey-purge header drops exactly those pages.

import directors;
import xkey;
import std;

probe ready {
  .url = "/readyz";
  .interval = 5s;
  .timeout = 2s;
  .window = 5;
  .threshold = 3;
}

backend node1 { .host = "node1"; .port = "8080"; .probe = ready; }
backend node2 { .host = "node2"; .port = "8080"; .probe = ready; }

# Who may purge: the Byline nodes' network only. Anyone else's PURGE is refused.
acl purgers {
  "localhost";
  "node1";
  "node2";
}

sub vcl_init {
  new nodes = directors.round_robin();
  nodes.add_backend(node1);
  nodes.add_backend(node2);
}

sub vcl_recv {
  set req.backend_hint = nodes.backend();

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) { return (synth(403, "Forbidden")); }
    if (req.http.xkey-purge) {
      return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }
    return (synth(400, "PURGE needs an xkey-purge header"));
  }

  # Operations endpoints are for the network inside, not for readers.
  if (req.url ~ "^/(metrics|healthz|readyz)(\?|$)") { return (synth(404, "Not Found")); }

  # Editors, APIs and anything that is not a plain read go straight to Byline.
  if (req.method != "GET" && req.method != "HEAD") { return (pass); }
  if (req.url ~ "^/(admin|api)(/|\?|$)") { return (pass); }

  # Public pages do not depend on cookies; dropping them lets every reader share one copy.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
  # Byline's Cache-Control already says how long; keep pages a day past it to serve if Byline is down.
  set beresp.grace = 24h;
}

sub vcl_deliver {
  # Internal bookkeeping is not for readers.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
}
