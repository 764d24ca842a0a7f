/**
 * JSON, configured once. The <em>mapper</em> reads and writes JSON; the <em>strict</em> reader
 * also refuses a field given twice. Limits (nesting depth, string length) are named constants of
 * {@link dev.byline.json.Json}.
 */
package dev.byline.json;
