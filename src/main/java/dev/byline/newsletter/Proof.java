package dev.byline.newsletter;

/**
 * What the reader was shown and where the request came from, as the web layer saw it. Stored as
 * consent records are: the address truncated ({@link dev.byline.consent.IpPrefix}), the user agent
 * hashed ({@link dev.byline.consent.UserAgentHash}).
 *
 * @param wordingVersion names {@code wording}, so a changed form text is a new version
 */
public record Proof(
    String wordingVersion, String wording, String clientAddress, String userAgent) {}
