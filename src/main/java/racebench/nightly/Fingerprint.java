package racebench.nightly;

import racebench.results.Csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What must match for two nightlies to be comparable: the machine (CPU model and generation, cores, OS) and
 * the JDK, and the benchmark settings (profile, selection, and how a fork measures). Read from a run's
 * environment.csv; a night on other hardware or another JDK is not a baseline.
 */
public record Fingerprint(Map<String, String> facts) {
    static final List<String> KEYS = List.of("cpu_model", "cpu_id", "cores", "os", "jdk", "profile", "include",
            "measurement");

    public Fingerprint {
        facts = Map.copyOf(facts);
    }

    public static Fingerprint of(Map<String, String> environment) {
        Map<String, String> f = new HashMap<>();
        for (String key : KEYS) {
            f.put(key, environment.getOrDefault(key, ""));
        }
        return new Fingerprint(f);
    }

    /** A run's fingerprint from its environment.csv; IllegalArgumentException when it is unreadable. */
    public static Fingerprint read(Path run) {
        Path file = run.resolve("environment.csv");
        try {
            return of(Csv.readFacts(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is unreadable: " + e.getMessage());
        }
    }

    /** The first fact that differs, as "jdk: X here, Y there"; empty when they match. */
    public String difference(Fingerprint other) {
        for (String key : KEYS) {
            String mine = facts.get(key);
            String theirs = other.facts.get(key);
            if (!mine.equals(theirs)) {
                return key + " '" + theirs + "' (this night: '" + mine + "')";
            }
        }
        return "";
    }

    /** This machine and these settings, for a nightly of {@code profile} over {@code selector}. */
    public static Fingerprint here(racebench.bench.Profile profile, String selector) {
        Map<String, String> facts = new HashMap<>(racebench.results.Environment.facts(null, java.time.Instant.now(),
                java.time.Instant.now()));
        facts.put("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        facts.put("include", selector);
        facts.put("measurement", profile.measurement());
        return of(facts);
    }

    /** One string for history.csv: profile, selection and measurement. */
    public String settings() {
        return facts.get("profile") + "; " + facts.get("include") + "; " + facts.get("measurement");
    }

    /** One string for history.csv: CPU model (and generation, where the run recorded it), cores, OS and JDK. */
    public String machine() {
        String id = facts.get("cpu_id");
        return facts.get("cpu_model") + (id.isEmpty() ? "" : " (" + id + ")") + "; " + facts.get("cores") + " cores; "
                + facts.get("os") + "; " + facts.get("jdk");
    }
}
