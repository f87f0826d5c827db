/**
 * Monitorings as first-class partners (issue 18): one admin page per monitoring that brings together its
 * partner account, the feed profiles that name it and the robots polling them, its clicks, orders, rewards and
 * payouts. Reads the feed, partner, referral, reward and payout features; owns no table, publishes no event.
 */
package app.ratelink.monitoring;
