/**
 * The newsroom's own identity, changed in the admin without a rebuild. <em>Site settings</em> are
 * the name, tagline, logo, favicon, accent colours, social image and profiles, publisher details,
 * footer text, time zone and language; each save is a new <em>revision</em>, and the newest is in
 * force. An <em>accent colour</em> is checked for WCAG AA <em>contrast</em> against what it is
 * shown with before it is stored. The <em>chrome</em> is what every public page shows around its
 * content; the <em>publisher</em> is the NewsMediaOrganization named in structured data.
 */
package dev.byline.brand;
