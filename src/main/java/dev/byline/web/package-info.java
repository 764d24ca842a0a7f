/**
 * Serving HTTP, for every feature alike: the server and its listener, security headers, the
 * request checks at the door, route access, the one place errors become pages, static assets,
 * and the templates ({@link dev.byline.web.Views}). The request contracts every page shares live
 * here once: {@link dev.byline.web.PageNumber} for {@code ?page=}, {@link
 * dev.byline.web.ClientAddress} for whose request it is.
 *
 * <p>Glossary: a <em>route</em> is a method and path with its {@link dev.byline.web.Access}; the
 * <em>client address</em> is the connection's, or a trusted proxy's last forwarded entry;
 * <em>views</em> are the jte templates, precompiled, or reloaded from source with {@code serve
 * --dev}.
 */
package dev.byline.web;
