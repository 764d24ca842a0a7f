-- A story's own language as a BCP 47 tag (en, de, ar, pt-BR), checked by the application.
-- Null: the story is in the site's language, which is what every story stored before was.
ALTER TABLE article ADD COLUMN language TEXT;
