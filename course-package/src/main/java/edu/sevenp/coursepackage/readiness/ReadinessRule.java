package edu.sevenp.coursepackage.readiness;

import java.util.List;

/** One group of warnings, found on a package's contents. */
interface ReadinessRule {

    List<ReadinessItem> check(PackageContents contents);
}
