package budgetledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The modules and their allowed dependencies, as docs/ARCHITECTURE.md draws them: each module's top-level package
 * uses only those of the modules before it (events, disclosure, command, projections, query, processing, audit,
 * exchange, security, api, web, app), api and web never each other, and no two top-level packages depend on each
 * other in a cycle. Maven holds the modules to their poms; this holds the packages to the picture.
 */
class ModuleDependenciesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importTheLedger() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("budgetledger..");
    }

    static LayeredArchitecture modules() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("events").definedBy("budgetledger.events..", "budgetledger.model..")
                .layer("disclosure").definedBy("budgetledger.disclosure..")
                .layer("command").definedBy("budgetledger.command..")
                .layer("projections").definedBy("budgetledger.projections..")
                .layer("query").definedBy("budgetledger.query..")
                .layer("processing").definedBy("budgetledger.processing..")
                .layer("audit").definedBy("budgetledger.audit..")
                .layer("exchange").definedBy("budgetledger.exchange..")
                .layer("security").definedBy("budgetledger.security..")
                .layer("api").definedBy("budgetledger.api..")
                .layer("web").definedBy("budgetledger.web..")
                .layer("app").definedBy("budgetledger.app..")

                .whereLayer("events").mayNotAccessAnyLayer()
                .whereLayer("disclosure").mayOnlyAccessLayers("events")
                .whereLayer("command").mayOnlyAccessLayers("events", "disclosure")
                .whereLayer("projections").mayOnlyAccessLayers("events", "disclosure", "command")
                .whereLayer("query").mayOnlyAccessLayers("events", "disclosure", "command", "projections")
                .whereLayer("processing").mayOnlyAccessLayers("events", "disclosure", "command", "projections",
                        "query")
                .whereLayer("audit").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing")
                .whereLayer("exchange").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing", "audit")
                .whereLayer("security").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing", "audit", "exchange")
                .whereLayer("api").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing", "audit", "exchange", "security")
                .whereLayer("web").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing", "audit", "exchange", "security")
                .whereLayer("app").mayOnlyAccessLayers("events", "disclosure", "command", "projections", "query",
                        "processing", "audit", "exchange", "security", "api", "web");
    }

    @Test
    void each_module_uses_only_the_modules_before_it_and_api_and_web_not_each_other() {
        modules().check(classes);
    }

    @Test
    void no_two_top_level_packages_depend_on_each_other() {
        slices().matching("budgetledger.(*)..").should().beFreeOfCycles().check(classes);
    }
}
