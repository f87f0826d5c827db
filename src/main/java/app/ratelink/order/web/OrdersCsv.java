package app.ratelink.order.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import app.ratelink.order.Order;
import app.ratelink.order.OrderQuery;
import app.ratelink.order.Orders;
import app.ratelink.system.CsvRecord;
import app.ratelink.system.Settings;

/**
 * The orders of a search as CSV, streamed row by row from the database to the response (a million orders
 * take the heap of one page of rows): for {@code GET /api/operator/v1/orders.csv} and the admin page's
 * export link. {@code number} came last (issue 22) so that readers of the earlier columns by position still
 * read them. Cells are formula-safe ({@link CsvRecord}): e-mails and accounts are typed by clients.
 */
@Component
class OrdersCsv {

    static final String[] HEADER = {"id", "public_id", "created", "status", "from", "to", "amount_give",
            "amount_get", "rate_in", "rate_out", "email", "account", "city", "partner_id", "partner_reward", "number"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Orders orders;
    private final Settings settings;

    OrdersCsv(Orders orders, Settings settings) {
        this.orders = orders;
        this.settings = settings;
    }

    void write(OrderQuery query, HttpServletResponse response) throws IOException {
        ZoneId zone = settings.zone();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"orders.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        out.write(CsvRecord.of(HEADER));
        try {
            orders.eachMatching(query, o -> {
                try {
                    out.write(row(o, zone));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    static String row(Order o, ZoneId zone) {
        return CsvRecord.of(Long.toString(o.id()), o.publicId(), TIME.format(o.createdAt().atZone(zone)),
                o.status().code(), o.from(), o.to(), o.amountGive().toPlainString(), o.amountGet().toPlainString(),
                o.rateIn().toPlainString(), o.rateOut().toPlainString(), o.email(), o.account(), o.city(),
                o.partnerId() == null ? "" : o.partnerId().toString(),
                o.partnerReward() == null ? "" : o.partnerReward().toPlainString(), o.number());
    }
}
