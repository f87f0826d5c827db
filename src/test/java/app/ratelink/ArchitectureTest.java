package app.ratelink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The rules of DEVELOPERS.md that a reviewer would otherwise have to remember. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Spring's AOT processing (ADR 7) writes generated bean definitions (Foo__BeanDefinitions, one
        // initializer naming every feature) into target/classes: generated code, not ours to judge.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__"))
                .importPackages("app.ratelink");
    }

    /**
     * The imported classes (with every JDK and library class they touch) are 45–60 MB of heap, and a static
     * field of a test class lives as long as the test JVM: kept, they were a quarter of a 256 MB test heap
     * for every test that ran after this one.
     */
    @AfterAll
    static void releaseClasses() {
        classes = null;
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("app.ratelink.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void moneyIsNeverBuiltFromBinaryFloatingPoint() {
        ArchRule rule = noClasses().should().callConstructor(BigDecimal.class, double.class)
                .orShould().callMethod(BigDecimal.class, "valueOf", double.class)
                .because("new BigDecimal(0.1) is 0.1000000000000000055511151231257827…");
        rule.check(classes);
    }

    @Test
    void roundingHappensOnlyInTheMoneyPackage() {
        noClasses().that().resideOutsideOfPackage("app.ratelink.money..")
                .should().callMethod(BigDecimal.class, "setScale", int.class)
                .orShould().callMethod(BigDecimal.class, "setScale", int.class, RoundingMode.class)
                .orShould().callMethod(BigDecimal.class, "setScale", int.class, int.class)
                .because("amounts are rounded at a currency's scale by Money and Decimals only (issue 14)")
                .check(classes);
    }

    /**
     * javac inlines a {@code static final String}, so a feature reading {@code Payouts.BASE_CURRENCY} left no
     * trace in its bytecode and {@link #featuresHaveNoCycles} missed a reward ⇄ payout cycle. The base currency
     * has one owner, {@code money.BaseCurrency}, read through methods; no other class may declare a constant
     * of it (a record component carrying the value, like a page's {@code baseCurrency}, is fine).
     */
    @Test
    void theBaseCurrencyHasOneOwner() {
        noFields().that().areStatic().and().areDeclaredInClassesThat().resideOutsideOfPackage("app.ratelink.money..")
                .should().haveNameMatching("(?i).*base_?currency.*")
                .because("the base currency is read from money.BaseCurrency only (issue 14)")
                .check(classes);
    }

    @Test
    void noFloatingPointFields() {
        noFields().should().haveRawType(double.class).orShould().haveRawType(Double.class)
                .orShould().haveRawType(float.class).orShould().haveRawType(Float.class)
                .because("amounts and rates are exact decimals").check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().doNotHaveSimpleName("ClockConfiguration")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("tests pin time through the Clock bean").check(classes);
    }

    @Test
    void controllersLiveInWebPackages() {
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .or().areMetaAnnotatedWith(RestController.class)
                .and().areNotAnnotations()
                .should().resideOutsideOfPackage("..web..")
                .check(classes);
    }

    @Test
    void noGenericNames() {
        noClasses().should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Utils").check(classes);
    }
}
