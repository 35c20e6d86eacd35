package racebench.race;

import org.apache.commons.csv.CSVRecord;

import java.util.List;

/**
 * One outcome of one test in one jcstress configuration: a row of race-outcomes.csv. The
 * jcstress JVM writes these (from jcstress's own TestResult and TestGrading), the racebench
 * JVM reads them back, so no Java serialization crosses the process boundary.
 *
 * @param test        jcstress test name, e.g. racebench.stress.LostUpdate.Racy
 * @param compilation how each actor was compiled, e.g. "actor1=C2 actor2=Interpreter", or "unified"
 * @param jvmArgs     the configuration's extra JVM flags (jcstress's C2 stress randomizers), or empty
 * @param fork        jcstress fork number within the configuration
 * @param status      jcstress status of the configuration: NORMAL, or an error kind
 * @param outcome     the arbiter's observed value (or declared pattern with count 0)
 * @param expect      jcstress grading: ACCEPTABLE, ACCEPTABLE_INTERESTING, FORBIDDEN, UNKNOWN
 * @param count       how many samples ended in this outcome in this configuration
 * @param description the outcome's description from the test's declaration
 */
public record OutcomeRow(String test, String compilation, String jvmArgs, int fork, String status,
                         String outcome, String expect, long count, String description) {

    public static final List<String> HEADER = List.of(
            "test", "compilation", "jvm_args", "fork", "status", "outcome", "expect", "count", "description");

    /** One configuration of a test: the rows that share it belong to one jcstress run. */
    public String configuration() {
        return compilation + (jvmArgs.isEmpty() ? "" : " " + jvmArgs) + " #" + fork;
    }

    /**
     * The configuration without its fork number and random stress seed: what the forks and
     * rounds of one test share, and what a fix and its twin (separate tests, own seeds) share.
     * The user counter's system property, the same in every fork of a run, is left out too.
     */
    public String setting() {
        String flags = PER_RUN_FLAGS.matcher(jvmArgs).replaceAll("").trim();
        return compilation + (flags.isEmpty() ? "" : " " + flags);
    }

    private static final java.util.regex.Pattern PER_RUN_FLAGS =
            java.util.regex.Pattern.compile("\\s*(-XX:StressSeed=\\d+|-Dracebench\\.counter=\\S+)");

    /**
     * Whether this outcome is a race: for racebench's own counters a non-zero final value (a lost
     * update, however the test graded it); for a user's jcstress test an outcome it graded FORBIDDEN,
     * or one it did not grade at all (UNKNOWN), which jcstress fails a test for too.
     */
    public boolean isRace() {
        return Verdicts.isSuiteTest(test) ? !outcome.trim().equals("0")
                : "FORBIDDEN".equals(expect) || "UNKNOWN".equals(expect);
    }

    public boolean isNormal() {
        return "NORMAL".equals(status);
    }

    public List<Object> cells() {
        return List.of(test, compilation, jvmArgs, fork, status, outcome, expect, count, description);
    }

    public static OutcomeRow of(CSVRecord r) {
        return new OutcomeRow(r.get("test"), r.get("compilation"), r.get("jvm_args"),
                Integer.parseInt(r.get("fork")), r.get("status"), r.get("outcome"), r.get("expect"),
                Long.parseLong(r.get("count")), r.get("description"));
    }
}
