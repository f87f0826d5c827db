package app.ratelink.catalog;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Checks a rate or reserve formula when the operator saves it. Implemented by the feature that owns rate
 * sources ({@code rates}), so the catalogue needs nothing of it but this.
 */
public interface RateFormulaCheck {

    /**
     * The formula's current value, empty when its sources have not answered yet.
     *
     * @throws app.ratelink.system.BadRequestException naming the syntax error or the unknown source (no field:
     *         the catalogue puts it on the formula's)
     */
    Optional<BigDecimal> check(String formula);
}
