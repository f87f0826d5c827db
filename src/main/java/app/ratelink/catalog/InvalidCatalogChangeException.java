package app.ratelink.catalog;

import app.ratelink.system.BadRequestException;

/** A catalogue change refused before anything was written; {@code field} names the offending input. */
public class InvalidCatalogChangeException extends BadRequestException {

    public InvalidCatalogChangeException(String field, String message) {
        super(field, message);
    }
}
