package dev.byline.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers to requests it refuses before the application sees them (a malformed
 * request line or address, an address or headers too long: 400, 414, 431) with the site's
 * security headers, like every other answer. Jetty's page names the status only, no stack.
 */
final class StrictErrorHandler extends ErrorHandler {
  private final SecurityHeaders headers;

  StrictErrorHandler(SecurityHeaders headers) {
    this.headers = headers;
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
    setCacheControl("no-store");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    var fields = response.getHeaders();
    headers.all().forEach(fields::put);
    return super.handle(request, response, callback);
  }
}
