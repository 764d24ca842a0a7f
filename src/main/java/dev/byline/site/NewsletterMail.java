package dev.byline.site;

import dev.byline.newsletter.LetterContent;
import dev.byline.newsletter.LetterTemplates;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;

/**
 * Renders newsletter mails from templates: the HTML part from {@code mail/letter.jte} (escaped as
 * every page is), the plain-text part from {@code mailtext/letter.jte} under {@code
 * src/main/jte-text}, compiled as plain text so an ampersand stays an ampersand.
 */
public final class NewsletterMail implements LetterTemplates {
  /** Where the jte plugin's plain-text execution puts its classes (see pom.xml). */
  static final String TEXT_PACKAGE = "gg.jte.generated.text";

  private final dev.byline.web.Views views;
  private final TemplateEngine text =
      TemplateEngine.createPrecompiled(null, ContentType.Plain, null, TEXT_PACKAGE);

  public NewsletterMail(dev.byline.web.Views views) {
    this.views = views;
  }

  @Override
  public Rendered render(LetterContent content) {
    var html = new String(views.render("mail/letter.jte", content), StandardCharsets.UTF_8);
    var out = new StringOutput();
    text.render("mailtext/letter.jte", content, out);
    return new Rendered(html, out.toString());
  }
}
