/**
 * Small classes that break (or keep) one house rule each, for ArchitectureRulesFailTest: a rule
 * that cannot fail on its fixture would not guard anything.
 */
package dev.byline.archfixture;
