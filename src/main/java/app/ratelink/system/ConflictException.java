package app.ratelink.system;

/** A request that is well-formed but not allowed in the current state (e.g. an illegal status change). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
