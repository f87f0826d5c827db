package app.ratelink.order;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Order statuses and the moves between them: {@code new → paid → processing → success}, or
 * {@code cancelled}/{@code error}/{@code refunded}. Setting the status an order already has is not a move
 * (callers treat it as a no-op), so a repeated "success" never counts twice.
 */
public enum OrderStatus {
    NEW, PAID, PROCESSING, SUCCESS, CANCELLED, ERROR, REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> MOVES = Map.of(
            NEW, EnumSet.of(PAID, CANCELLED, ERROR),
            PAID, EnumSet.of(PROCESSING, SUCCESS, CANCELLED, ERROR, REFUNDED),
            PROCESSING, EnumSet.of(SUCCESS, CANCELLED, ERROR, REFUNDED),
            SUCCESS, EnumSet.of(REFUNDED, ERROR),
            ERROR, EnumSet.of(PROCESSING, SUCCESS, CANCELLED, REFUNDED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REFUNDED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus next) {
        return MOVES.get(this).contains(next);
    }

    public Set<OrderStatus> nextStatuses() {
        return MOVES.get(this);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> of(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(c)).findFirst();
    }
}
