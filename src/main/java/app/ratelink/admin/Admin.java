package app.ratelink.admin;

import java.time.Instant;

/** An administrator account as listed on {@code /admin/admins}. */
public record Admin(long id, String email, AdminRole role, boolean disabled, boolean mustChangePassword,
                    Instant createdAt) {
}
