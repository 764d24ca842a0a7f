/**
 * The demo newsroom: fictional stories, written for this project, with pictures the program
 * draws itself, so a fresh install shows a living site.
 */
package dev.byline.demo;
