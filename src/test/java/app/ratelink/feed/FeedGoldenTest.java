package app.ratelink.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every format and flavour from one fixed catalogue, byte for byte against src/test/resources/feed/golden.
 * A difference is a change of the contract monitorings parse. After a deliberate change, regenerate with
 * {@code ./mvnw test -Dtest=FeedGoldenTest -Dgolden.update=true} and review the diff.
 */
class FeedGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/feed/golden");

    static String render(FeedFormat format, XmlFlavour flavour) {
        return render(format, flavour, FeedCompatibility.DEFAULT);
    }

    static String render(FeedFormat format, XmlFlavour flavour, FeedCompatibility options) {
        List<FeedLine> lines = FeedLines.of(FeedCatalogFixture.CURRENCIES, FeedCatalogFixture.DIRECTIONS,
                FeedCatalogFixture.profile(flavour, Map.of()));
        return FeedWriters.write(format, flavour, options, lines);
    }

    /** {@code suffix} and {@code param}: the profile's amountSuffix and legacyParam (defaults: true, false). */
    @ParameterizedTest
    @CsvSource({"XML, CLASSIC, true, false, rates-classic.xml", "XML, EREF_1_1, true, false, rates-eref-1.1.xml",
            "JSON, CLASSIC, true, false, rates.json", "TXT, CLASSIC, true, false, rates.txt",
            "XML, CLASSIC, false, false, rates-classic-no-suffix.xml",
            "XML, EREF_1_1, true, true, rates-eref-1.1-param.xml",
            "XML, EREF_1_1, false, true, rates-eref-1.1-param-no-suffix.xml",
            "XML, CLASSIC, true, true, rates-classic.xml",
            "JSON, EREF_1_1, false, true, rates.json", "TXT, EREF_1_1, false, true, rates.txt"})
    void matchesTheGoldenFile(FeedFormat format, XmlFlavour flavour, boolean suffix, boolean param, String file)
            throws IOException {
        String actual = render(format, flavour,
                new FeedCompatibility(FeedCompatibility.DEFAULT.contentType(), suffix, param));
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
