package dev.byline.newsletter;

import java.util.List;

/**
 * Everything one mail says, for the templates that render its HTML and plain-text parts.
 *
 * @param kind {@code briefing}, {@code alert} or {@code confirm}
 * @param actionUrl the one button (confirm the subscription); empty when there is none
 * @param unsubscribeUrl the page to leave from; empty in a confirmation, which subscribes nobody
 */
public record LetterContent(
    String kind,
    String siteName,
    String siteUrl,
    String subject,
    String heading,
    String intro,
    List<Story> stories,
    String actionUrl,
    String actionLabel,
    String unsubscribeUrl) {}
