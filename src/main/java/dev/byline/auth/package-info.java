/**
 * Newsroom accounts. Say <em>user</em> for a newsroom account (readers have none);
 * <em>role</em> is writer, editor or admin; a <em>session</em> is a signed-in browser, kept
 * server-side as a hash of its token.
 */
package dev.byline.auth;
