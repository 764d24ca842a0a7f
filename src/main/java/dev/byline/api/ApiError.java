package dev.byline.api;

import java.util.Map;

/**
 * A refusal the API answers in JSON: the status, what was wrong in plain words, and the field at
 * fault when one is ({@code null} otherwise). {@code headers} go out with it (e.g. Retry-After).
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String field;
  private final Map<String, String> headers;

  public ApiError(int status, String message, String field, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
    this.headers = Map.copyOf(headers);
  }

  public ApiError(int status, String message) {
    this(status, message, null, Map.of());
  }

  /** 400 for one field of the request. */
  public static ApiError badField(String field, String message) {
    return new ApiError(400, message, field, Map.of());
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
