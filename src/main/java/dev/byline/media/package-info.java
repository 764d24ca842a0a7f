/**
 * Images. An <em>image</em> is one uploaded or drawn photo; its <em>original</em> is kept
 * privately; its <em>variants</em> are re-encoded copies at fixed widths, the only bytes readers
 * get (re-encoding also drops camera and GPS metadata). <em>Caption</em>, <em>credit</em> and
 * <em>alt text</em> travel with the image; a body block may override caption and credit.
 */
package dev.byline.media;
