package dev.byline.consent;

import dev.byline.content.InvalidInput;
import java.util.List;

/**
 * Something that needs a category of consent: a third party such as Google Analytics, or a part
 * of this site that stores something optional.
 *
 * @param id stable id, stored in records and in the reader's choice ({@code google-analytics})
 * @param name what readers see ("Google Analytics")
 * @param provider who runs it, with where it is based
 * @param purpose what it does, in one or two plain sentences
 * @param privacyUrl the provider's privacy notice; empty for this site's own services
 * @param account this site's account with the provider (a GA4 measurement id, an AdSense
 *     publisher id); empty when there is none
 * @param cookies what it stores
 * @param hosts where its tags connect once allowed
 */
public record Service(
    String id,
    String name,
    String provider,
    Category category,
    String purpose,
    String privacyUrl,
    String account,
    List<CookieDeclaration> cookies,
    Hosts hosts) {
  public Service {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}"))
      throw new InvalidInput("service id", "must be lower-case letters, digits and dashes: " + id);
    if (name == null || name.isBlank()) throw new InvalidInput("service name", "is empty");
    if (provider == null || provider.isBlank())
      throw new InvalidInput("service provider", "is empty");
    if (category == null) throw new InvalidInput("service category", "is missing");
    if (purpose == null || purpose.isBlank()) throw new InvalidInput("service purpose", "is empty");
    privacyUrl = privacyUrl == null ? "" : privacyUrl;
    account = account == null ? "" : account;
    cookies = List.copyOf(cookies);
    hosts = hosts == null ? Hosts.NONE : hosts;
  }

  /** True for services run by someone other than this site. */
  public boolean thirdParty() {
    return !privacyUrl.isEmpty();
  }
}
