package app.ratelink.admin;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.ratelink.order.OrderStatusChanged;
import app.ratelink.system.AuditTrail;

/**
 * Order status changes made by an operator (admin page or operator API) go into the audit trail. The event
 * is published inside the changing transaction and heard synchronously, so the entry commits with the move;
 * the client's "I have paid" and the expiry job are not operator changes and are not audited.
 */
@Component
class OrderStatusAudit {

    private final AuditTrail audit;

    OrderStatusAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(OrderStatusChanged change) {
        if (audit.byOperator()) {
            audit.record("order.status", "order " + change.orderId(), Map.of("status", change.from().code()),
                    Map.of("status", change.to().code()));
        }
    }
}
