package app.ratelink.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Amounts leave the application as plain decimals ({@code 241.57}), never {@code 2.4157E+2}. Text read from
 * JSON bodies (the operator API) refuses control characters as forms do (system.RequestGuard): PostgreSQL
 * refuses NUL in text, and none of them is ever meant.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    /** The start of the message a refused text carries (the operator API's errors look for it). */
    static final String CONTROL_CHARACTER = "Text contains a control character";

    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    @Bean
    JsonMapperBuilderCustomizer noControlCharacters() {
        return builder -> builder.addModule(new SimpleModule("ratelink-text").addDeserializer(String.class, new Text()));
    }

    static final class Text extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            if (RequestGuard.hasControl(value)) {
                return ctxt.reportInputMismatch(this, CONTROL_CHARACTER + " (such as NUL): please remove it");
            }
            return value;
        }
    }
}
