package dev.byline.ops;

/** A backup or restore that cannot go ahead; the message is one line naming the file and why. */
public final class BackupException extends RuntimeException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
