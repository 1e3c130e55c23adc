package edu.sevenp.desktop.ui.player;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;

/**
 * The side panel's tab headers as a row of toggle buttons that wraps onto a second line when the panel is narrow
 * (German titles, large text, a 1024-pixel screen), where a {@link TabPane}'s own header row would cut tabs off
 * behind its overflow menu. The tab pane stays the model (its selection, {@link Tab#isSelected()}, Ctrl+Tab); its
 * own header row is hidden by player.css ({@code .side-tabs > .tab-header-area}).
 */
final class SideTabBar {

    private final FlowPane bar;
    private final TabPane tabs;
    private final ToggleGroup group = new ToggleGroup();

    SideTabBar(FlowPane bar, TabPane tabs) {
        this.bar = Objects.requireNonNull(bar, "bar");
        this.tabs = Objects.requireNonNull(tabs, "tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((property, old, selected) -> showSelected(selected));
        // A click on the selected button would leave none selected: the tab shown stays shown.
        group.selectedToggleProperty().addListener((property, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
    }

    /** Adds the header of {@code tab}, already in the tab pane: its title follows the tab's, its id is the tab's + {@code -button}. */
    void add(Tab tab) {
        ToggleButton button = new ToggleButton();
        button.textProperty().bind(tab.textProperty());
        button.setId(tab.getId() + "-button");
        button.setMnemonicParsing(false);
        button.getStyleClass().add("side-tab-button");
        button.setToggleGroup(group);
        button.setUserData(tab);
        button.setOnAction(event -> {
            tabs.getSelectionModel().select(tab);
            panel(tab).requestFocus();
        });
        bar.getChildren().add(button);
        showSelected(tabs.getSelectionModel().getSelectedItem());
    }

    /** The panel a side tab shows (inside the scroll pane PlayerView puts it in): what takes the focus. */
    static Node panel(Tab tab) {
        return tab.getUserData() instanceof Node panel ? panel : tab.getContent();
    }

    private void showSelected(Tab selected) {
        group.getToggles().stream().filter(toggle -> toggle.getUserData() == selected).findFirst()
                .ifPresent(group::selectToggle);
    }
}
