/**
 * A fault-injecting TCP proxy for the end-to-end sync tests (issue 9): between client and server it drops, delays,
 * cuts mid-request, cuts mid-response and resets connections, as a seeded {@link
 * edu.sevenp.desktop.sync.faults.FaultPlan} decides for each connection.
 *
 * <p>A test takes its seeds from {@link edu.sevenp.desktop.sync.faults.Seeds} and names {@code proxy.describe()} in
 * its failure messages, which carry the seed. Commands (add {@code -pl desktop-app -am}; an {@code *IT} test runs
 * under failsafe and takes {@code -Dit.test} instead of {@code -Dtest}):
 *
 * <ul>
 *   <li>CI, three fixed seeds: {@code mvn verify -Dtest=FaultProxyRandomRunTest};
 *   <li>replay one seed: add {@code -Dfaults.seed=<seed>};
 *   <li>soak, 1,000 seeds from a printed random base: add {@code -Dfaults.soak=1000}; replay the whole soak with
 *       {@code -Dfaults.soak=1000 -Dfaults.base=<base>}.
 * </ul>
 *
 * <p>{@link edu.sevenp.desktop.sync.faults.HoldingProxy} is the proxy a test steers by hand instead: it holds one
 * chosen request (the server never sees it) or response (the server answered, the client has not heard) until the
 * test releases or drops it, so that a test can kill a player at exactly that point. The end-to-end fault runs over
 * the real server and engine are {@code edu.sevenp.desktop.sync.e2e.FaultInjectionIT}, whose javadoc has the soak
 * command.
 *
 * <p>Each fault is logged at INFO by {@code FaultProxy}'s logger; the tests' simplelogger.properties shows WARN and
 * above, so add {@code -Dorg.slf4j.simpleLogger.log.edu.sevenp.desktop.sync.faults=info} to see them.
 */
package edu.sevenp.desktop.sync.faults;
