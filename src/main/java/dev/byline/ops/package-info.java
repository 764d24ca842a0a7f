/**
 * Running Byline in production: health and readiness, Prometheus metrics, access and JSON logs,
 * online backup and verified restore.
 *
 * <p>Glossary: <em>live</em> means the process answers HTTP; <em>ready</em> means it can serve
 * readers correctly now (database writable and readable, search index open and close behind the
 * change feed, disk not full). A <em>lag</em> is how many change-feed entries a follower has not
 * applied yet. A <em>backup</em> is a directory with the database copy, the media files, the
 * settings and a <em>manifest</em> that lists every file with its size and SHA-256.
 */
package dev.byline.ops;
