package org.srstudio.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of the design card, checked on the compiled main classes. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.srstudio");
    }

    @Test
    void coreHasNoJavaFx() {
        noClasses().that().resideInAPackage("org.srstudio.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void coreDependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("org.srstudio.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.srstudio.ui..", "org.srstudio.cli..",
                        "org.srstudio.app..", "org.srstudio.engine..", "org.srstudio.iqa..")
                .check(classes);
    }

    @Test
    void onlyTheEnginePackageImportsDjl() {
        noClasses().that().resideOutsideOfPackage("org.srstudio.engine..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void engineAndMetricsKnowNothingOfTheUi() {
        noClasses().that().resideInAnyPackage("org.srstudio.engine..", "org.srstudio.iqa..", "org.srstudio.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.srstudio.ui..")
                .check(classes);
    }

    @Test
    void backgroundEventsReachTheFxThreadThroughOneBridge() {
        noClasses().that().doNotHaveFullyQualifiedName("org.srstudio.ui.common.FxEventBridge")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().resideInAPackage("org.srstudio.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene.control..")
                .check(classes);
    }

    @Test
    void viewsReachTheServicesOnlyThroughTheirViewModels() {
        noClasses().that().resideInAPackage("org.srstudio.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().areAssignableTo(org.srstudio.core.StudioServices.class)
                .orShould().dependOnClassesThat().areAssignableTo(org.srstudio.core.job.JobExecutor.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.srstudio.engine..", "org.srstudio.core.pipeline..")
                .check(classes);
    }

    @Test
    void libraryCodeLogsInsteadOfPrinting() {
        noClasses().that().resideOutsideOfPackages("org.srstudio.bench..")
                .and().doNotHaveFullyQualifiedName("org.srstudio.app.Main")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(classes);
    }
}
