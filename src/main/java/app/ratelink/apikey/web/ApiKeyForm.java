package app.ratelink.apikey.web;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The <em>Create API Access</em> form: {@code methods} (checkboxes, all checked at first) and
 * {@code allowedIps} (IPs or CIDR ranges, comma separated). {@code scoped} is sent by the page's form: a post
 * without it (an older page, a script) creates a key for every method, as before scopes existed; with it,
 * no method checked is an error.
 */
record ApiKeyForm(List<String> methods, @Size(max = 1000, message = "{postbacks.keys.error.allowedIps.length}")
                  String allowedIps, String scoped) {
}
