package edu.sevenp.desktop.search;

import edu.sevenp.desktop.store.LocalStore;
import edu.sevenp.desktop.store.SearchableWrites;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Child-JVM main for crash tests. {@code note <profile> <course> <lesson>}: writes a note, finds it
 * (indexed, not yet committed), says "found" and waits to be killed. {@code rebuild <profile>}: opens
 * the profile, whose index the parent deleted; once the background rebuild has taken in part of the
 * library but not all of it, says "indexed <done> of <total>" and holds the indexing thread there until
 * it is killed, so the kill lands at that point and nowhere else.
 */
public final class CrashingSearcher {

    private CrashingSearcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStore store = LocalStore.openFile(Path.of(args[1]), "default");
        if (args[0].equals("note")) {
            SearchService search = SearchService.open(store);
            new SearchableWrites(store).writeNote(UUID.fromString(args[2]), UUID.fromString(args[3]), "aardvark");
            System.out.println(search.search("aardvark", 10).hits().size() == 1 ? "found" : "missing");
            System.out.flush();
        } else {
            ExecutorService indexing = Executors.newSingleThreadExecutor();
            SearchService.open(store, indexing, CrashingSearcher::holdHalfway);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Called on the indexing thread: part of the rebuild is indexed (and maybe committed), the rest not. */
    private static void holdHalfway(IndexStatus status) {
        if (status.state() == IndexStatus.State.REBUILDING && status.done() > 0 && status.done() < status.total()) {
            System.out.println("indexed " + status.done() + " of " + status.total());
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
