/**
 * Second factor of a login (TOTP, RFC 6238) for admins and partners: enrolment (secret, otpauth URI, QR code,
 * ten recovery codes), checking a code once, and the Spring Security factor authority
 * ({@value app.ratelink.twofactor.TwoFactor#AUTHORITY}) that a session gains with it. Tables:
 * {@code two_factor}, {@code two_factor_recovery}. Publishes and consumes no events.
 */
package app.ratelink.twofactor;
