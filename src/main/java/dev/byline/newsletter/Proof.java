package dev.byline.newsletter;

/**
 * What the reader was shown and where the request came from, as the web layer saw it. Stored as
 * consent records are: the wording with its language and version, the address truncated ({@link
 * dev.byline.consent.IpPrefix}), the user agent hashed ({@link dev.byline.consent.UserAgentHash}).
 */
public record Proof(Wording wording, String clientAddress, String userAgent) {}
