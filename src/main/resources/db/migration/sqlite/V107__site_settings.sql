-- The newsroom's site settings (name, tagline, logo, colours, publisher details ...), one row per
-- saved revision; the newest revision is the one in force, so every save is kept and can be read
-- back. settings is the JSON the brand package writes; saved_at is epoch milliseconds; saved_by
-- is the account that saved (null for the system).
CREATE TABLE site_settings_revision (
  revision BIGINT  PRIMARY KEY,
  saved_at BIGINT  NOT NULL,
  saved_by BIGINT,
  settings TEXT    NOT NULL
);
