package edu.sevenp.desktop.search;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchableWrites;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Child-JVM main for crash tests. {@code note <profile> <course> <lesson>}: writes a note, finds it
 * (indexed, not yet committed), says "found" and waits to be killed. {@code rebuild <profile>}: opens
 * the profile, whose index the parent deleted, says "rebuilding" once the background has started,
 * and waits to be killed.
 */
public final class CrashingSearcher {

    private CrashingSearcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStore store = LocalStore.openFile(Path.of(args[1]), "default");
        SearchService search = SearchService.open(store);
        if (args[0].equals("note")) {
            new SearchableWrites(store).writeNote(UUID.fromString(args[2]), UUID.fromString(args[3]), "aardvark");
            System.out.println(search.search("aardvark", 10).hits().size() == 1 ? "found" : "missing");
        } else {
            System.out.println("rebuilding");
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
