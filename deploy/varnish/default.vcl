vcl 4.1;

# Varnish in front of `npm start`: anonymous reads are answered here for a second at a time, so
# that readers never wait behind a render on the site's one thread (issue 14) and a burst of
# readers of one page reaches the site once. What may be shared is what the site's own page cache
# shares: it marks those answers `x-page-cache` and makes them public once stored (HIT). A
# published edit reaches readers within a second. Set TRUSTED_PROXIES on the site to this
# server's address, so that it counts each client by the address Varnish adds to X-Forwarded-For.

backend site {
  .host = "127.0.0.1";
  .port = "3000";
}

sub vcl_recv {
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
    set beresp.ttl = 1s;
    # While a page is fetched again, readers get the copy of a moment ago.
    set beresp.grace = 10s;
    return (deliver);
  }
  set beresp.uncacheable = true;
  set beresp.ttl = 0s;
  return (deliver);
}
