/**
 * Machine interfaces over HTTP. Endpoints here authenticate by their own means (an agency's
 * push token), not by a browser session, and are exempt from CSRF by path prefix.
 */
package dev.byline.api;
