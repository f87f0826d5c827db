package app.ratelink.partnerapi;

import org.springframework.stereotype.Component;

import app.ratelink.referral.Clicks;
import app.ratelink.system.Setting;
import app.ratelink.system.Settings;

/**
 * {@code get_links}: the partner's counted clicks (bots, prefetches and its own visits are never
 * listed), newest first, streamed. Client addresses are anonymized unless the operator chose full IPs.
 */
@Component
class LinksMethod implements PartnerApiMethod {

    private final Clicks clicks;
    private final Settings settings;

    LinksMethod(Clicks clicks, Settings settings) {
        this.clicks = clicks;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "get_links";
    }

    @Override
    public ApiAnswer answer(long partnerId, ApiCall call) {
        ApiOptions options = ApiOptions.of(call);
        boolean fullIps = settings.flag(Setting.API_FULL_IPS);
        return ApiAnswer.of("", json -> {
            json.startObject().startItems();
            clicks.eachOfPartner(partnerId, options.from(), options.to(), options.limit(), click -> json
                    .startItem(click.id())
                    .timeAndDate(click.time())
                    .text("browser", click.browser())
                    .text("ip", fullIps ? click.ip() : AnonymizedIp.of(click.ip()))
                    .text("referrer", click.referrer())
                    .text("user_hash", click.userHash())
                    .text("query_string", click.queryString())
                    .endItem());
            json.endObject().endObject();
        });
    }
}
