package dev.byline.consent;

import java.time.Instant;

/**
 * The server's proof of one choice.
 *
 * @param ipPrefix the client address truncated to its network ({@link IpPrefix}), never the address itself
 * @param userAgentHash SHA-256 of the User-Agent header ({@link UserAgentHash})
 */
public record ConsentRecord(
    long id, ConsentChoice choice, Instant recordedAt, String ipPrefix, String userAgentHash) {}
