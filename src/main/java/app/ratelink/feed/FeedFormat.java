package app.ratelink.feed;

import java.util.Optional;

/** The three files of the seed's "Links to export courses": {@code /service/export/{xml|json|txt}/{code}}. */
public enum FeedFormat {
    XML("xml", "application/xml;charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>Maintenance</error>\n"),
    JSON("json", "application/json;charset=utf-8", "{\"error\":\"Maintenance\"}"),
    TXT("txt", "text/plain;charset=utf-8", "Maintenance");

    private static final FeedFormat[] VALUES = values();

    private final String path;
    private final String contentType;
    private final String maintenanceBody;

    FeedFormat(String path, String contentType, String maintenanceBody) {
        this.path = path;
        this.contentType = contentType;
        this.maintenanceBody = maintenanceBody;
    }

    public String path() {
        return path;
    }

    public String contentType() {
        return contentType;
    }

    public String maintenanceBody() {
        return maintenanceBody;
    }

    public static Optional<FeedFormat> of(String path) {
        for (FeedFormat f : VALUES) {
            if (f.path.equals(path)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
