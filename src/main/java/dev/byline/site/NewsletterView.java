package dev.byline.site;

/**
 * The newsletter pages: the sign-up form and what follows it.
 *
 * @param state {@code form}, {@code asked} (mail on its way), {@code confirm} (the button the
 *     link leads to), {@code confirmed}, {@code unsubscribe} (the button), {@code unsubscribed}
 *     or {@code invalid} (a link that is forged, used or expired)
 * @param token the link's token, carried by the confirm and unsubscribe buttons
 * @param wording the consent line of the sign-up form
 * @param wordingVersion names the words of the form shown (sign-up or confirm), posted back so the
 *     proof records exactly those
 */
public record NewsletterView(
    Chrome chrome,
    Meta meta,
    String state,
    String wording,
    String wordingVersion,
    String csrf,
    String email,
    String error,
    String token,
    String address) {}
