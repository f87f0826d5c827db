package app.ratelink.catalog;

import app.ratelink.system.BadRequestException;
import app.ratelink.system.Refusal;

/** A catalogue change refused before anything was written; {@code field} names the offending input. */
public class InvalidCatalogChangeException extends BadRequestException {

    public InvalidCatalogChangeException(String field, String message) {
        super(field, message);
    }

    public InvalidCatalogChangeException(String field, Refusal refusal) {
        super(field, refusal);
    }

    /** A refusal with its bundle key ({@code i18n/refusals}) and the English text the APIs answer. */
    static InvalidCatalogChangeException of(String field, String code, String text, Object... args) {
        return new InvalidCatalogChangeException(field, Refusal.of(code, text, args));
    }
}
