-- Audience analytics: counts only. No row holds an IP address, a user agent or a visitor hash;
-- visitors are counted in memory and only their number per hour and per day is written here.
-- Times are epoch milliseconds (UTC): an hour or a day is the instant it starts in the site's zone.

-- The whole site, one row per hour. visitors: distinct visitors within that hour.
CREATE TABLE analytics_hour (
  hour     BIGINT PRIMARY KEY,
  views    BIGINT NOT NULL DEFAULT 0,
  visitors BIGINT NOT NULL DEFAULT 0
);

-- The whole site, one row per day. visitors: distinct visitors within that day.
CREATE TABLE analytics_day (
  day      BIGINT PRIMARY KEY,
  views    BIGINT NOT NULL DEFAULT 0,
  visitors BIGINT NOT NULL DEFAULT 0
);

-- Views per page and hour, for "Most read"; pruned after analytics.hourlyRetentionDays.
-- path is the page's canonical path, or '(other)' for pages the site does not know.
CREATE TABLE analytics_page_hour (
  hour       BIGINT NOT NULL,
  path       TEXT   NOT NULL,
  article_id BIGINT,
  section    TEXT   NOT NULL DEFAULT '',
  views      BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, path)
);
CREATE INDEX analytics_page_hour_articles ON analytics_page_hour (hour, article_id);

-- Views per page and day, kept for the dashboard.
CREATE TABLE analytics_page_day (
  day        BIGINT NOT NULL,
  path       TEXT   NOT NULL,
  article_id BIGINT,
  section    TEXT   NOT NULL DEFAULT '',
  views      BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, path)
);
CREATE INDEX analytics_page_day_articles ON analytics_page_day (day, article_id);

-- Where readers came from, per day: kind 'referrer' (another site's host name) or 'campaign'
-- (the utm_source of the link they followed).
CREATE TABLE analytics_source_day (
  day   BIGINT NOT NULL,
  kind  TEXT   NOT NULL CHECK (kind IN ('referrer', 'campaign')),
  name  TEXT   NOT NULL,
  views BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind, name)
);

-- Readers seen by each running node in the last five minutes, rewritten at every flush.
CREATE TABLE analytics_live (
  node    TEXT   PRIMARY KEY,
  readers BIGINT NOT NULL,
  at      BIGINT NOT NULL
);
