vcl 4.1;

# Varnish in front of Byline. Pages carry a Surrogate-Key header naming everything they show
# ("article:12 section:3 front"); when content changes, Byline sends
#   BAN / HTTP/1.1
#   Byline-Purge: article:12 front
# (set purge.varnish.urls in byline.properties) and this VCL bans every cached object whose
# Surrogate-Key holds any of the keys. Keys arrive regex-escaped, so they are only joined here.
# Works with the stock Debian varnish package; no vmods needed.

backend default {
  .host = "127.0.0.1";
  .port = "8080";
  .first_byte_timeout = 30s;
}

# Who may ban: the Byline nodes. Add their addresses when Varnish runs on another host.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
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
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # The newsroom and the APIs are per user: never shared.
  if (req.url ~ "^/admin" || req.url ~ "^/api/") {
    return (pass);
  }
  # Public pages are the same bytes for every reader; cookies never change them.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  if (beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    return (deliver);
  }
  # Pages are purged when they change, so Varnish may keep them far longer than the minute
  # the site gives browsers; grace serves the old page while a new one is fetched.
  if (beresp.http.Surrogate-Key) {
    set beresp.ttl = 1h;
    set beresp.grace = 6h;
  }
}

sub vcl_deliver {
  # Keys are for caches, not readers.
  unset resp.http.Surrogate-Key;
  unset resp.http.Cache-Tag;
}
