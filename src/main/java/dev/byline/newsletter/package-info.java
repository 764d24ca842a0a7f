/**
 * Newsletters by email: readers subscribe with double opt-in, and get the daily briefing and
 * breaking alerts through SMTP, queued in the database.
 *
 * <p>Glossary: a <em>subscriber</em> is an address that asked (pending) and confirmed through
 * the signed one-time link mailed to it; only confirmed subscribers get mail. A <em>consent
 * proof</em> records each request, confirmation and unsubscription with the <em>wording</em> shown
 * (word for word, in the language shown), its version, the truncated client address and the
 * hashed user agent. The <em>site voice</em> is the site's name, language and time zone as its
 * settings say when a mail is made; every mail is written in it. A <em>send</em> is one
 * mailing (a briefing or an alert), fanned out in one transaction into a <em>message</em> per
 * subscriber; a message is claimed, sent over SMTP and marked sent, one commit each. A
 * <em>suppressed</em> address (a permanent SMTP failure, a bounce or complaint report) is never
 * mailed again; it is kept as a hash of the address.
 *
 * <pre>{@code
 * var newsletter = Newsletter.start(settings, db, state, secret, templates, stories, voice, clock);
 * var pending = newsletter.subscribe("reader@example.org", proof);   // mails the confirmation
 * newsletter.confirm(token, proof);                                   // from the link
 * newsletter.sendBriefing("admin@example.org");                       // queued, sent by the worker
 * }</pre>
 */
package dev.byline.newsletter;
