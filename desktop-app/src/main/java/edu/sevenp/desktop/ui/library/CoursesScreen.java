package edu.sevenp.desktop.ui.library;

import edu.sevenp.desktop.ui.catalog.CatalogView;
import java.io.File;
import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The screen that takes the lesson's place for the learner's courses: the library and, next to it, the server's
 * catalog, as two tabs (Ctrl+Tab between them). It also imports packages: the file chooser (Ctrl+O, the library's
 * button) and a .zip or folder dropped anywhere on the window.
 */
public final class CoursesScreen {

    private final LibraryViewModel library;
    private final LibraryView libraryView;
    private final CatalogView catalogView;
    private final TabPane tabs = new TabPane();
    private final Tab libraryTab;
    private final Tab catalogTab;
    private final Runnable onCatalogShown;
    private final Runnable onCatalogHidden;
    /** The learner's language, taken when the screen is made. */
    private final LibraryTexts texts = LibraryTexts.inDefaultLocale();
    private Runnable reveal = () -> { };

    /**
     * @param onCatalogShown the catalog's tab was chosen (the catalog reads the server then)
     * @param onCatalogHidden the library's tab was chosen
     */
    public CoursesScreen(LibraryViewModel library, LibraryView libraryView, CatalogView catalogView, Runnable onCatalogShown,
            Runnable onCatalogHidden) {
        this.library = Objects.requireNonNull(library, "library");
        this.libraryView = Objects.requireNonNull(libraryView, "libraryView");
        this.catalogView = Objects.requireNonNull(catalogView, "catalogView");
        this.onCatalogShown = Objects.requireNonNull(onCatalogShown, "onCatalogShown");
        this.onCatalogHidden = Objects.requireNonNull(onCatalogHidden, "onCatalogHidden");
        libraryTab = new Tab(texts.text("tab.library"), libraryView.root());
        libraryTab.setId("libraryTab");
        catalogTab = new Tab(texts.text("tab.catalog"), catalogView.root());
        catalogTab.setId("catalogTab");
        tabs.setId("coursesTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(libraryTab, catalogTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((property, old, tab) -> {
            if (tab == catalogTab) {
                onCatalogShown.run();
                catalogView.focus();
            } else {
                onCatalogHidden.run();
                libraryView.focus();
            }
        });
        libraryView.onImport(() -> chooseImport(tabs.getScene() == null ? null : tabs.getScene().getWindow()));
    }

    public Parent root() {
        return tabs;
    }

    /** How the window puts this screen in the lesson's place, for an import started from elsewhere (Ctrl+O, a drop). */
    public void onReveal(Runnable revealer) {
        this.reveal = Objects.requireNonNull(revealer, "revealer");
    }

    /** Shows the library's tab, read afresh, with the focus in its filter. */
    public void showLibrary() {
        library.refresh();
        // Just put in the window, the tabs have no skin yet, and their content is not in the scene to take the focus.
        tabs.applyCss();
        if (tabs.getSelectionModel().getSelectedItem() == libraryTab) {
            libraryView.focus();
        } else {
            tabs.getSelectionModel().select(libraryTab);
        }
    }

    /** Shows the catalog's tab, with the focus in its search field. */
    public void showCatalog() {
        tabs.applyCss();
        if (tabs.getSelectionModel().getSelectedItem() == catalogTab) {
            onCatalogShown.run();
            catalogView.focus();
        } else {
            tabs.getSelectionModel().select(catalogTab);
        }
    }

    public boolean showsCatalog() {
        return tabs.getSelectionModel().getSelectedItem() == catalogTab;
    }

    /** Asks for a package (a .zip, or the manifest.json of a package folder) and imports it, with the library shown. */
    public void chooseImport(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.text("import.chooser"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.text("import.filter"), "*.zip",
                "manifest.json"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            importFile(chosen);
        }
    }

    /** Imports {@code file} (a .zip, a package folder, or its manifest.json), showing the library with the progress. */
    public void importFile(File file) {
        reveal.run();
        showLibrary();
        library.importPackage(file.toPath());
    }

    /** Files dropped on the window are imported as course packages, the first one that may be one. */
    public void acceptDrops(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Dragboard board = event.getDragboard();
            boolean taken = board.hasFiles() && !board.getFiles().isEmpty();
            if (taken) {
                List<File> files = board.getFiles();
                importFile(files.get(0));
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }
}
