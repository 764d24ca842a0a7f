/**
 * Cookieless first-party audience counts. A <em>beacon</em> is the small report a reader's
 * browser sends after a page is shown: the page's <em>path</em>, the <em>referrer</em> (the host
 * name of another site the reader came from) and the <em>campaign</em> (the link's
 * {@code utm_source}). A <em>page view</em> is a beacon that passed the bot and prefetch filters
 * and the <em>limits</em> (one per reader and page in half an hour; a cap per <em>address
 * group</em>, an IPv4 address or an IPv6 /64).
 * A <em>visitor</em> is a number made by hashing the day's <em>salt</em> (random, held in
 * memory, forgotten at the end of its day) with the site, the IP address and the user agent; it
 * tells two readers apart within a day and cannot be traced back or linked across days. Raw
 * addresses, user agents and visitor numbers are never written anywhere: only counts per
 * <em>hour</em> and <em>day</em> (instants when they start in the site's zone) reach the
 * database, in bulk at each <em>flush</em>. A <em>live reader</em> is a visitor seen in the last
 * five minutes. <em>Most read</em> ranks articles by views in the last 24 hours.
 */
package dev.byline.analytics;
