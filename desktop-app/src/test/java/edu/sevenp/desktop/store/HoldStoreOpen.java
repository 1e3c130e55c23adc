package edu.sevenp.desktop.store;

import java.nio.file.Path;

/** Child-JVM main for tests: opens a store, says so, and keeps it open until killed. */
public final class HoldStoreOpen {

    private HoldStoreOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        try (LocalStore store = LocalStore.openFile(Path.of(args[0]), "default")) {
            System.out.println("open");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
