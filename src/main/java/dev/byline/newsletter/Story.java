package dev.byline.newsletter;

/** One story in a letter: what the reader sees and where the link goes (an absolute URL). */
public record Story(String headline, String standfirst, String url) {}
