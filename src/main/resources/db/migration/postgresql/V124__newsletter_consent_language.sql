-- The language of the wording a consent proof quotes, as consent_record keeps the banner's: the
-- newsletter's words follow the site language. Every proof before this was shown in English.
ALTER TABLE newsletter_consent ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
