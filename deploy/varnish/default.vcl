vcl 4.1;

import xkey;

# Varnish in front of `npm start` (Debian: varnish, varnish-modules). What may be shared is what the
# site's own page cache shares: it marks those answers `x-page-cache: HIT`, makes them public and
# labels them with their cache tags (Surrogate-Key). Varnish keeps them under those tags:
#
# - with CACHE_PURGE_URLS on the site pointing here (e.g. http://127.0.0.1:6081/), the site sends
#   a PURGE with the tags of every published edit, and its pages say how long they may be kept
#   (s-maxage); readers see an edit as soon as it is published;
# - without it, pages are kept a second at a time, and an edit reaches readers within a second.
#
# Either way readers never wait behind a render (issue 14), and a burst of readers of one page
# reaches the site once. Set TRUSTED_PROXIES on the site to this server's address, so that it
# counts each client by the address Varnish adds to X-Forwarded-For.

backend site {
  .host = "127.0.0.1";
  .port = "3000";
}

# Who may purge: the site's instances.
acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Not allowed to purge"));
    }
    if (!req.http.Surrogate-Key) {
      return (synth(400, "Name the tags to purge in Surrogate-Key"));
    }
    set req.http.x-purged = xkey.purge(req.http.Surrogate-Key);
    return (synth(200, "Purged " + req.http.x-purged + " objects"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Signed-in staff, API keys and previews are personal. Cookie names are matched as Payload
  # reads them: spaces around a name, before its "=", are ignored.
  if (req.http.Authorization ||
      req.http.Cookie ~ "(^|;)\s*(payload-token|__prerender_bypass)\s*(=|;|$)") {
    return (pass);
  }
  if (req.url ~ "^/(admin|next)(/|\?|$)" || req.url ~ "[?&]draft=") {
    return (pass);
  }
  # The pages do not read other cookies (analytics and the like would only split the cache).
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  if (beresp.status == 200 && beresp.http.x-page-cache == "HIT" &&
      beresp.http.Cache-Control ~ "public" && !beresp.http.Set-Cookie) {
    # The site's tags, for xkey.purge.
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    if (beresp.http.Cache-Control !~ "s-maxage") {
      # Nobody will purge it: kept a second.
      set beresp.ttl = 1s;
    }
    # While a page is fetched again, readers get the copy of a moment ago. A purge drops it at once.
    set beresp.grace = 10s;
    return (deliver);
  }
  set beresp.uncacheable = true;
  set beresp.ttl = 0s;
  return (deliver);
}

sub vcl_deliver {
  unset resp.http.xkey;
}
