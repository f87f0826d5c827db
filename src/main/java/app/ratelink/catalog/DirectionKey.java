package app.ratelink.catalog;

/** A direction's identity: the pair of currency codes. */
public record DirectionKey(String from, String to) {

    public static DirectionKey of(Direction d) {
        return new DirectionKey(d.from(), d.to());
    }

    @Override
    public String toString() {
        return from + "/" + to;
    }
}
