/**
 * Images. An <em>image</em> is one uploaded or drawn photo; its <em>original</em> is kept
 * privately, stripped of GPS and every other camera metadata except its <em>orientation</em>
 * (see {@link dev.byline.media.ImageMetadata}); its <em>variants</em> are re-encoded, upright
 * copies at fixed widths, the only bytes readers get. <em>Caption</em>, <em>credit</em> and
 * <em>alt text</em> travel with the image; a body block may override caption and credit. A
 * <em>drawing</em> is an SVG logo or icon, taken only when {@link dev.byline.media.SvgSanitiser}
 * finds nothing in it but drawing elements; its original and its one variant are the same checked
 * bytes.
 */
package dev.byline.media;
