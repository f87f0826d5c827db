package app.ratelink.order;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ratelink.catalog.Reserves;

/**
 * Moves the to-currency's reserve with the order, inside the status change's transaction (so a refused hold
 * refuses the move): paid or processing holds what the order pays out, success books it, cancelled, error and
 * refunded release it. A hold the reserve cannot cover throws {@code ReserveExceededException} (409), and the
 * order stays where it was.
 */
@Component
class OrderReserves {

    private final Reserves reserves;
    private final OrderRepository repository;

    OrderReserves(Reserves reserves, OrderRepository repository) {
        this.reserves = reserves;
        this.repository = repository;
    }

    @EventListener
    void onStatusChanged(OrderStatusChanged event) {
        Order order = repository.byId(event.orderId()).orElseThrow();
        switch (event.to()) {
            case PAID, PROCESSING -> reserves.hold(order.id(), order.to(), order.amountGet());
            case SUCCESS -> reserves.book(order.id(), order.to(), order.amountGet());
            case CANCELLED, ERROR, REFUNDED -> reserves.release(order.id());
            case NEW -> {
            }
        }
    }
}
