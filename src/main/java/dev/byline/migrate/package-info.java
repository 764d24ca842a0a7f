/**
 * Moving a site onto Byline from WordPress or Ghost. Words used here:
 *
 * <ul>
 *   <li><em>export</em>: what the old site wrote out: a WordPress eXtended RSS file (WXR 1.0 to
 *       1.2, {@code .xml} or {@code .xml.gz}, or a folder of split files) or a Ghost JSON file;
 *   <li><em>origin</em>: the old site's address ({@code https://gazette.example}), which names
 *       it in Byline's records;
 *   <li><em>item</em>: one entry of an export: a <em>post</em> or <em>page</em> (becomes an
 *       article), an <em>attachment</em> (becomes a photo-desk image, never an article), or
 *       anything else a plugin stored (left behind, and said so);
 *   <li><em>status</em>: WordPress's word for where a post is ({@code publish}, {@code draft},
 *       {@code pending}, {@code private}, {@code future}, {@code trash}); only {@code publish}
 *       without a password becomes a published article;
 *   <li><em>term</em>: a category or tag; top-level categories become sections, every other
 *       category and tag a topic (the <em>mapping</em>);
 *   <li><em>legacy URL</em>: an address the old site answered at, which now answers 301 (see
 *       {@code dev.byline.redirect});
 *   <li><em>ledger</em>: the record of what each item became, which makes a second run add
 *       nothing and lets a run cut short be resumed by running it again;
 *   <li><em>report</em>: the text file every run writes: the export's own counts, what the
 *       import made of them, the mapping, and every item skipped or changed and why.
 * </ul>
 */
package dev.byline.migrate;
