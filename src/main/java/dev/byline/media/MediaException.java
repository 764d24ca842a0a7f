package dev.byline.media;

/** An image that cannot be taken; the message says why in plain words. */
public final class MediaException extends RuntimeException {
  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
