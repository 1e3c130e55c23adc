package edu.sevenp.coursepackage.readiness;

/** How much a readiness item matters. */
public enum Severity {
    /** The player's import (or the server's publishing) refuses the package until this is fixed. */
    ERROR,
    /** The package is accepted, but a learner would notice: worth fixing before publishing. */
    WARNING
}
