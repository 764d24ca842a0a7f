-- A page revision keeps the block editor's document when the body was written in it, as an
-- article revision's snapshot does: Markdown has no place for some of what a block holds (a
-- photo's own credit), and restoring a revision should give back exactly that body. Empty for
-- a body written in Markdown.
ALTER TABLE site_page_revision ADD COLUMN document TEXT NOT NULL DEFAULT '';
