-- Distribution: sitemaps list articles by the month of first publication. This index answers
-- "how many are published, and when did any change" per month from the index alone, including
-- articles taken down since (their month's sitemap changed too).
CREATE INDEX article_first_published ON article (first_published_at, status, modified_at);
