package app.ratelink.partnerapi;

/**
 * A refusal of the partner API, with the exact {@code error_text} and HTTP status that clients of the
 * Premium Exchanger "ppapi" read (SPEC §6). Thrown before anything is written, so the answer is always
 * a complete error envelope.
 */
public final class ApiError extends RuntimeException {

    private final int httpStatus;
    private final long retryAfterSeconds;

    private ApiError(int httpStatus, String text, long retryAfterSeconds) {
        super(text, null, false, false);
        this.httpStatus = httpStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError disabled() {
        return new ApiError(200, "Api disabled", 0);
    }

    static ApiError badKey() {
        return new ApiError(200, "REST API key error", 0);
    }

    static ApiError notSupported() {
        return new ApiError(501, "Method not supported", 0);
    }

    static ApiError invalidParameter(String name) {
        return new ApiError(200, "Invalid parameter: " + name, 0);
    }

    static ApiError refused(String text) {
        return new ApiError(200, text, 0);
    }

    static ApiError tooManyRequests(long retryAfterSeconds) {
        return new ApiError(429, "Too many requests", Math.max(1, retryAfterSeconds));
    }

    public String text() {
        return getMessage();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Seconds for the {@code Retry-After} header; 0 when the refusal is not about the rate limit. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
