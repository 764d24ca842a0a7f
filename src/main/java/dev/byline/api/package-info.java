/**
 * Machine interfaces over HTTP. Endpoints here authenticate by their own means (an agency's
 * push token, an API key as a bearer token), not by a browser session, and are exempt from CSRF
 * by path prefix. {@link dev.byline.api.Api} builds the versioned API under {@code /api/v1/};
 * {@link dev.byline.api.ApiGate} is what every request to it passes first.
 *
 * <p>Glossary: a <em>key</em> is an API key, made by an administrator; its <em>secret</em> is
 * what callers send and is shown once; a <em>scope</em> is one kind of change a key may make; a
 * <em>caller</em> is a key, or the client address when no key is sent, as the rate limit counts.
 */
package dev.byline.api;
