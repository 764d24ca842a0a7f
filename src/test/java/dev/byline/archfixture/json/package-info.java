/** JSON: a mapper of one's own (breaks the rule) and the one mapper (keeps it). */
package dev.byline.archfixture.json;
