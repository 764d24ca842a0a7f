/**
 * Newsroom accounts. Say <em>user</em> for a newsroom account (readers have none);
 * <em>role</em> is writer, editor or admin; a <em>session</em> is a signed-in browser, kept
 * server-side as a hash of its token; the <em>CSRF token</em> is derived from the session token,
 * so only its holder can know it; <em>throttling</em> slows sign-ins after repeated failures per
 * account and <em>network</em> (an IPv4 address or an IPv6 /64), per network and per account: a
 * throttled try waits in the <em>slow lane</em> and is then judged, so nobody is locked out;
 * <em>two-factor sign-in</em> asks for a <em>code</em> (TOTP) from an authenticator app, or a
 * single-use <em>recovery code</em>, after the password; until then the sign-in is
 * <em>pending</em>; the <em>audit log</em> records who did what, when.
 */
package dev.byline.auth;
