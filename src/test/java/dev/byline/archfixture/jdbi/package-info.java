/** A package outside the stores that reaches for the database library. */
package dev.byline.archfixture.jdbi;
