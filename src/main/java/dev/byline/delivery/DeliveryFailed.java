package dev.byline.delivery;

/** An attempt that did not go through, with the HTTP status if one came back (else 0). */
public final class DeliveryFailed extends Exception {
  private final int status;

  public DeliveryFailed(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
