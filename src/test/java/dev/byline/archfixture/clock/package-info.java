/** Reading the time: from the system (breaks the rule) and from a given clock (keeps it). */
package dev.byline.archfixture.clock;
