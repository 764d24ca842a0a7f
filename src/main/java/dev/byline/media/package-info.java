/**
 * Images. An <em>image</em> is one uploaded or drawn photo; its <em>original</em> is kept
 * privately, stripped of GPS and every other camera metadata except its <em>orientation</em>
 * (see {@link dev.byline.media.ImageMetadata}); its <em>variants</em> are re-encoded, upright
 * copies at fixed widths, the only bytes readers get. <em>Caption</em>, <em>credit</em> and
 * <em>alt text</em> travel with the image; a body block may override caption and credit.
 */
package dev.byline.media;
