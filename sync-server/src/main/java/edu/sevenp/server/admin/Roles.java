package edu.sevenp.server.admin;

import java.util.List;

/** The role names of table roles (V18 renamed student to learner), which auth.has_role() checks. */
public final class Roles {

    public static final String LEARNER = "learner";
    public static final String INSTRUCTOR = "instructor";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(LEARNER, INSTRUCTOR, ADMIN);

    private Roles() {
    }

    public static boolean isRole(String name) {
        return ALL.contains(name);
    }
}
