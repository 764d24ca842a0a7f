package dev.byline.newsletter;

import dev.byline.i18n.Messages;
import java.util.List;

/**
 * Everything one mail says, for the templates that render its HTML and plain-text parts.
 *
 * @param kind {@code briefing}, {@code alert} or {@code confirm}
 * @param t the site language's words when the mail was made: the templates' fixed words (footer,
 *     unsubscribe link), and {@code <html lang dir>}
 * @param actionUrl the one button (confirm the subscription); empty when there is none
 * @param unsubscribeUrl the page to leave from; empty in a confirmation, which subscribes nobody
 */
public record LetterContent(
    String kind,
    Messages t,
    String siteName,
    String siteUrl,
    String subject,
    String heading,
    String intro,
    List<Story> stories,
    String actionUrl,
    String actionLabel,
    String unsubscribeUrl) {}
