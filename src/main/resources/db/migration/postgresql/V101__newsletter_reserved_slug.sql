-- "newsletter" is now a reserved section slug (the newsletter pages live at /newsletter): a
-- section already called so is renamed as imports rename reserved slugs, so the site still
-- starts. Its stories move to /newsletter-section/...; the section's name is unchanged.
UPDATE section SET slug = 'newsletter-section'
WHERE slug = 'newsletter'
  AND NOT EXISTS (SELECT 1 FROM section s2 WHERE s2.slug = 'newsletter-section');
