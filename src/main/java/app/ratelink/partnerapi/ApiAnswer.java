package app.ratelink.partnerapi;

/**
 * A successful answer, not yet written: the checks are done, and {@link #writeData} streams the
 * {@code data} object once the envelope has been opened. List methods read their rows from the
 * database while writing, so a whole range never sits in memory.
 */
public interface ApiAnswer {

    void writeData(ApiJson json);

    /** The envelope's {@code error_text}: empty, except for messages like "Payout is successfully requested". */
    default String text() {
        return "";
    }

    static ApiAnswer of(String text, java.util.function.Consumer<ApiJson> data) {
        return new ApiAnswer() {
            @Override
            public void writeData(ApiJson json) {
                data.accept(json);
            }

            @Override
            public String text() {
                return text;
            }
        };
    }
}
