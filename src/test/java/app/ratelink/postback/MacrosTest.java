package app.ratelink.postback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MacrosTest {

    @Test
    void macrosAreReplacedUrlEncodedAndUnknownOnesFound() {
        Map<String, String> v = Macros.values(Map.of("event", "order.created", "sub1", "a b&c=d", "reward", "0.5"));
        assertThat(Macros.expand("https://t.example/p?e={event}&s={sub1}&r={reward}&c={click_id}", v))
                .isEqualTo("https://t.example/p?e=order.created&s=a%20b%26c%3Dd&r=0.5&c=");
        assertThat(Macros.unknown("https://t.example/?a={event}&b={subl}")).hasValue("{subl}");
        assertThat(Macros.unknown("https://t.example/?a={event}&t={time}")).isEmpty();
        assertThat(v.keySet()).startsWith("event", "event_id", "order_id", "status", "amount_give", "currency_give",
                "amount_get", "currency_get", "reward", "sub1", "sub2", "sub3", "sub4", "sub5", "click_id", "time");
    }

    @Test
    void theSignatureIsHmacSha256OfTimeDotBody() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
        assertThat(PostbackSignature.header("secret", 1700000000L, "{\"a\":1}"))
                .isEqualTo("t=1700000000,v1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686");
        assertThat(PostbackSignature.header("secret", 1700000000L, null))
                .isEqualTo(PostbackSignature.header("secret", 1700000000L, ""));
    }
}
