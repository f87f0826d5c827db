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
        List<FeedLine> lines = FeedLines.of(FeedCatalogFixture.CURRENCIES, FeedCatalogFixture.DIRECTIONS,
                FeedCatalogFixture.profile(flavour, Map.of()));
        return FeedWriters.write(format, flavour, lines);
    }

    @ParameterizedTest
    @CsvSource({"XML, CLASSIC, rates-classic.xml", "XML, EREF_1_1, rates-eref-1.1.xml", "JSON, CLASSIC, rates.json",
            "TXT, CLASSIC, rates.txt"})
    void matchesTheGoldenFile(FeedFormat format, XmlFlavour flavour, String file) throws IOException {
        String actual = render(format, flavour);
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
