package app.ratelink.partnerapi;

import java.io.OutputStream;

import org.springframework.stereotype.Component;

import app.ratelink.system.Settings;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope every answer travels in, field order included:
 * {@code {"status":"success","error":0,"error_text":"","data":{…}}} or
 * {@code {"status":"error","error":1,"error_text":"…","data":{}}}.
 */
@Component
public class ApiEnvelope {

    private final JsonMapper json;
    private final Settings settings;

    ApiEnvelope(JsonMapper json, Settings settings) {
        this.json = json;
        this.settings = settings;
    }

    public void success(ApiAnswer answer, OutputStream body) {
        try (JsonGenerator out = json.createGenerator(body)) {
            open(out, "success", 0, answer.text());
            answer.writeData(new ApiJson(out, settings.zone()));
            out.writeEndObject();
        }
    }

    public void error(ApiError error, OutputStream body) {
        try (JsonGenerator out = json.createGenerator(body)) {
            open(out, "error", 1, error.text());
            out.writeStartObject();
            out.writeEndObject();
            out.writeEndObject();
        }
    }

    private static void open(JsonGenerator out, String status, int error, String text) {
        out.writeStartObject();
        out.writeStringProperty("status", status);
        out.writeNumberProperty("error", error);
        out.writeStringProperty("error_text", text);
        out.writeName("data");
    }
}
