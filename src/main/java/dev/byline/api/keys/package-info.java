/**
 * The Admin API and the admin pages for API keys. The <em>actor</em> of a change made with a key
 * is that key ("API key NAME" in the audit log), acting with an editor's rights, limited by its
 * scopes.
 */
package dev.byline.api.keys;
