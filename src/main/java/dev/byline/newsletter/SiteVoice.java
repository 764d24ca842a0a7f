package dev.byline.newsletter;

import dev.byline.i18n.Messages;
import java.time.ZoneId;

/**
 * How the site speaks at the moment a mail is made: its name, its language's words and its time
 * zone, as the site settings say then. Asked for each mail, so a changed setting shows in the
 * next one.
 */
public record SiteVoice(String siteName, Messages t, ZoneId zone) {}
