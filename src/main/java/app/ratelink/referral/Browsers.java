package app.ratelink.referral;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import app.ratelink.system.Preload;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * Names the browser of a user agent ("Chrome 120", "Unknown") and tells bots from people. Parsing uses
 * uap-core's maintained regex list, whose "Spider" device covers search crawlers and most link-preview
 * fetchers; a short list adds the preview fetchers and HTTP libraries it does not flag (a client that
 * sends no user agent at all is not a person either).
 */
@Component
class Browsers {

    /** Result of one user agent: what to show, and whether the visit is billable at all. */
    record Browser(String name, boolean bot) {
    }

    private static final Pattern NOT_A_PERSON = Pattern.compile("(?i)(facebookexternalhit|facebookcatalog"
            + "|meta-externalagent|whatsapp/|telegrambot|slackbot|slack-imgproxy|discordbot|twitterbot|linkedinbot"
            + "|skypeuripreview|vkshare|pinterestbot|embedly|iframely|redditbot|bitlybot|googlebot"
            + "|google-inspectiontool|adsbot-google|storebot-google|bingbot|bingpreview|yandex(bot|images|metrika)"
            + "|applebot|duckduckbot|petalbot|headlesschrome|lighthouse|curl/|wget/|python-requests|python-urllib"
            + "|aiohttp|python-httpx|go-http-client|okhttp|^java/|java-http-client|apache-httpclient|libwww-perl"
            + "|node-fetch|axios/|undici|postmanruntime|scrapy|guzzlehttp)");

    /** Distinct user agents are few in practice; the bound only protects memory from forged ones. */
    private static final int CACHE_LIMIT = 20_000;

    /** uap-core's parser compiles its regex list when made: off the start path. */
    private final Preload<Parser> parser = Preload.of("user-agents", Parser::new);
    private final Map<String, Browser> cache = new ConcurrentHashMap<>();

    Browser of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Browser("Unknown", true);
        }
        Browser known = cache.get(userAgent);
        if (known != null) {
            return known;
        }
        Browser parsed = parse(userAgent);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(userAgent, parsed);
        return parsed;
    }

    private Browser parse(String userAgent) {
        // A user agent longer than the column is cropped anyway; the regexes need not see more.
        String ua = userAgent.length() > NewClick.USER_AGENT ? userAgent.substring(0, NewClick.USER_AGENT) : userAgent;
        Client client = parser.get().parse(ua);
        boolean bot = "Spider".equals(client.device.family) || NOT_A_PERSON.matcher(ua).find();
        String family = client.userAgent.family;
        String name;
        if (family == null || family.isEmpty() || "Other".equals(family)) {
            name = "Unknown";
        } else if (client.userAgent.major == null || client.userAgent.major.isEmpty()) {
            name = family;
        } else {
            name = family + " " + client.userAgent.major;
        }
        return new Browser(NewClick.crop(name, NewClick.BROWSER), bot);
    }
}
