/**
 * Newsroom accounts. Say <em>user</em> for a newsroom account (readers have none);
 * <em>role</em> is writer, editor or admin; a <em>session</em> is a signed-in browser, kept
 * server-side as a hash of its token; the <em>CSRF token</em> is derived from the session token,
 * so only its holder can know it; <em>throttling</em> refuses sign-ins after repeated failures
 * per account and per address; the <em>audit log</em> records who did what, when.
 */
package dev.byline.auth;
