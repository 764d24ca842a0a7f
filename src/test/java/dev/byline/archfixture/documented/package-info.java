/** A package that says what it is. */
package dev.byline.archfixture.documented;
