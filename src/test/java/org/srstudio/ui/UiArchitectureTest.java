package org.srstudio.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.srstudio.core.StudioServices;
import org.srstudio.ui.common.FxEventBridge;

/** The UI's own layering rules, so that they hold before the project-wide architecture test is merged. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.srstudio.ui", "org.srstudio.bench");

    @Test
    void onlyTheBridgeHopsOntoTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName(FxEventBridge.class.getName())
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .check(UI);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene.control..")
                .check(UI);
    }

    @Test
    void viewsReachTheServicesOnlyThroughTheirViewModel() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().areAssignableTo(StudioServices.class)
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Executor")
                .check(UI);
    }

    @Test
    void uiCodeDoesNotPrint() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(UI);
    }
}
