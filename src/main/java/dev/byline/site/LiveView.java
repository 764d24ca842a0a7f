package dev.byline.site;

import dev.byline.i18n.Messages;
import dev.byline.live.Coverage;

/**
 * An article's live coverage as its page and the posts fragment show it.
 *
 * @param fragmentUrl the cacheable JSON the page's script polls for new posts
 * @param feedUrl the Atom feed of the posts
 * @param pollSeconds how often a reader's page asks for new posts
 * @param scriptUrl {@code live.js}, which only pages with live coverage load
 * @param youtube whether YouTube embeds show a click-to-load player (else a plain link)
 * @param t the site language's words
 */
public record LiveView(
    Coverage coverage,
    Dates dates,
    String fragmentUrl,
    String feedUrl,
    int pollSeconds,
    String scriptUrl,
    boolean youtube,
    Messages t) {}
