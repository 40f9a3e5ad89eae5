package org.srstudio.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ComboItemsTest {
    /** Equal by value, like the variants and scales the studio's combos show. */
    private record Choice(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final ObservableList<Choice> source = FXCollections.observableArrayList();
    private ComboBox<Choice> box;
    private Choice chosen;

    @Start
    void start(Stage stage) {
        box = new ComboBox<>();
        // As the views do: the combo follows its list before it is shown, so its skin listens to the list last.
        ComboItems.follow(box, source, () -> chosen);
        stage.setScene(new Scene(new VBox(box), 300, 80));
        stage.show();
    }

    private String shownAfter(List<Choice> items, Choice choice) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            chosen = choice;
            source.setAll(items);
            box.applyCss();
            box.layout();
            return ((Labeled) ((ComboBoxListViewSkin<?>) box.getSkin()).getDisplayNode()).getText();
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void theChoiceStaysOnDisplayWhenTheListIsReplacedByEqualOrLongerOnes() throws Exception {
        assertThat(shownAfter(List.of(new Choice("a"), new Choice("b")), new Choice("b"))).isEqualTo("b");
        assertThat(shownAfter(List.of(new Choice("a"), new Choice("b")), new Choice("b"))).isEqualTo("b");
        assertThat(shownAfter(List.of(new Choice("a"), new Choice("b"), new Choice("c")), new Choice("b")))
                .isEqualTo("b");
        assertThat(shownAfter(List.of(new Choice("x"), new Choice("b")), new Choice("x"))).isEqualTo("x");
        assertThat(box.getItems()).containsExactly(new Choice("x"), new Choice("b"));
    }
}
