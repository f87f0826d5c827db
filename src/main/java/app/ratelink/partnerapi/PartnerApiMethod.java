package app.ratelink.partnerapi;

/** One {@code method} of the partner API; the name is the exact value of the {@code method} parameter. */
interface PartnerApiMethod {

    String name();

    /** Validates the call's options (throwing {@link ApiError}) and returns the answer to stream. */
    ApiAnswer answer(long partnerId, ApiCall call);
}
