package racebench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import racebench.bench.BenchCase;
import racebench.bench.BenchRun;
import racebench.bench.JmhRunner;
import racebench.bench.Profile;
import racebench.results.RunDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code ./racebench bench}: JMH through its Runner API, statistics over forks, CSV. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure threads, pools, virtual threads, child JVMs and process pools on CPU work and "
                + "downloads (sleeps) with JMH, or your own JMH benchmarks (--jar), forks as the replication unit. "
                + "Writes results/<UTC time>-bench/ with bench.csv, bench-forks.csv, bench-ratios.csv, jmh.json, "
                + "jmh.log and environment.csv.")
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "PROFILE", converter = ProfileConverter.class,
            description = "smoke (under a minute, 2 forks), quick (8 tasks, 3 to 8 forks) or nightly (the nightly's rows, 3 to 30 "
                    + "forks, 80 for a row too blind for a verdict); "
                    + "default: ${DEFAULT-VALUE}.")
    Profile profile;

    @Option(names = "--include", defaultValue = ".*", paramLabel = "REGEX",
            description = "Run only the benchmarks whose name matches, e.g. 'StrategyBenchmark' or 'Spawn'.")
    String include;

    @Option(names = {"--results", "--out"}, paramLabel = "DIR", description = Results.DESCRIPTION)
    Path out;

    @Option(names = "--param", paramLabel = "NAME=V1,V2",
            description = "Run these values of a benchmark parameter instead of the profile's (repeatable), e.g. "
                    + "--param bytes=8,4096 or --param threads=4.")
    java.util.List<String> params = new java.util.ArrayList<>();

    @Option(names = "--budget", paramLabel = "MINUTES",
            description = "Time budget for measuring (default: the profile's: smoke 2, quick 8, nightly 25).")
    Integer budgetMinutes;

    @Option(names = "--list", description = "List the selected benchmarks and their parameters, and measure nothing.")
    boolean list;

    @Option(names = "--jar", paramLabel = "JAR", description = UserJars.JAR)
    Path jar;

    @Option(names = "--classpath", paramLabel = "PATH", description = UserJars.CLASS_PATH)
    String classPath;

    @Option(names = "--task", paramLabel = "FQCN",
            description = "Your own unit of work, a public Runnable or Callable with a public no-argument constructor "
                    + "on --classpath: run in batches of 1, 2, cores and 4 x cores tasks by every strategy (threads, "
                    + "pools, virtual threads, a JVM per task, the process pool, the GIL), with speedups over "
                    + "sequential; its code runs only in benchmark and worker JVMs, never in racebench's.")
    String task;

    @Option(names = "--baseline-param", paramLabel = "NAME=VALUE",
            description = "For a user's benchmarks: each row's speedup is against the row that differs from it only "
                    + "in this parameter, at this value, e.g. --baseline-param strategy=SEQUENTIAL (default: no speedup).")
    String baselineParam;

    @Override
    public Integer call() throws IOException {
        if (task != null) {
            return task();
        }
        java.util.Optional<racebench.bench.JmhJar> user = UserJars.of(jar, classPath);
        if (user.isPresent()) {
            return user(user.get());
        }
        if (baselineParam != null) {
            throw new BadInput("--baseline-param is for a user's benchmarks (--jar); racebench's own rows have their "
                    + "baselines");
        }
        String selector = selector(include);
        if (list) {
            BenchCase.listing(JmhRunner.matching(selector), profile.params()).forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        }
        Duration budget = budget(budgetMinutes, profile);
        java.util.Map<String, java.util.List<String>> values = params(selector, params);
        RunDirectory run = Results.create(Results.directory(out), "bench");
        measure(spec.commandLine().getOut(), profile, selector, values, budget, run);
        return ExitCodes.OK;
    }

    /** bench --task: a user's Runnable or Callable through every strategy. */
    private int task() throws IOException {
        if (jar != null || classPath == null || baselineParam != null || list) {
            throw new BadInput("--task needs --classpath (where the class is) and takes neither --jar, "
                    + "--baseline-param nor --list");
        }
        racebench.workload.UserTask.problem(task, classPath).ifPresent(p -> {
            throw new BadInput("--task: " + p);
        });
        java.util.Map<String, java.util.List<String>> values = parseParams(params);
        for (String name : values.keySet()) {
            if (!name.equals("tasks") && !name.equals("strategy")) {
                throw new BadInput("--param " + name + ": a task run takes only tasks and strategy");
            }
        }
        try {
            BenchCase.overlay(JmhRunner.matching(JmhRunner.TASK_BENCHMARK), java.util.Map.of(),
                    java.util.Map.of("strategy", values.getOrDefault("strategy", java.util.List.of("SEQUENTIAL"))));
        } catch (IllegalArgumentException e) {
            throw new BadInput("--param: " + e.getMessage());
        }
        for (String n : values.getOrDefault("tasks", java.util.List.of())) {
            if (!n.matches("[1-9][0-9]{0,3}")) {
                throw new BadInput("--param tasks=" + n + ": a batch is 1 to 9999 tasks");
            }
        }
        Duration budget = budget(budgetMinutes, profile);
        RunDirectory run = Results.create(Results.directory(out), "bench");
        PrintWriter console = spec.commandLine().getOut();
        try {
            BenchRun.run(run, console, r -> BenchRun.measureTask(console, profile, task, classPath, values, budget, r));
        } catch (BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e.getCause());
        }
        return ExitCodes.OK;
    }

    /** bench --jar: a user's benchmarks, listed or measured. */
    private int user(racebench.bench.JmhJar benchmarks) throws IOException {
        java.util.Map<String, java.util.List<String>> values = parseParams(params);
        checkRegex(include);
        if (list) {
            BenchCase.listing(benchmarks.matching(include), java.util.Map.of()).forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        }
        java.util.List<BenchCase> cases = userCases(benchmarks, include, values);
        java.util.Optional<racebench.bench.BenchAnalysis.BaselineParam> baseline = baseline(baselineParam, cases);
        Duration budget = budget(budgetMinutes, profile);
        RunDirectory run = Results.create(Results.directory(out), "bench");
        racebench.bench.Side side = new racebench.bench.Side("bench", benchmarks, racebench.bench.Side.currentJava(),
                java.util.List.of());
        PrintWriter console = spec.commandLine().getOut();
        try {
            BenchRun.run(run, console, r -> BenchRun.measure(console, profile, include, cases, side,
                    java.util.Optional.empty(), baseline, values, budget, r));
        } catch (BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e.getCause());
        }
        return ExitCodes.OK;
    }

    /** A user's cases, or one line and exit 2 when the selection or a --param names nothing there. */
    static java.util.List<BenchCase> userCases(racebench.bench.JmhJar benchmarks, String include,
                                               java.util.Map<String, java.util.List<String>> values) {
        try {
            return BenchRun.userCases(benchmarks, include, values);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /** --baseline-param, checked against the cases: some case must have that parameter at that value. */
    static java.util.Optional<racebench.bench.BenchAnalysis.BaselineParam> baseline(String text,
                                                                                  java.util.List<BenchCase> cases) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        racebench.bench.BenchAnalysis.BaselineParam b;
        try {
            b = racebench.bench.BenchAnalysis.BaselineParam.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--baseline-param " + e.getMessage());
        }
        if (cases.stream().noneMatch(c -> b.value().equals(c.params().get(b.name())))) {
            throw new BadInput("--baseline-param " + text + ": no selected row has " + b.name() + "=" + b.value());
        }
        return java.util.Optional.of(b);
    }

    static void checkRegex(String include) {
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new BadInput("--include is not a valid regular expression: " + e.getDescription() + " in '" + include + "'");
        }
    }

    /** JMH's include pattern for a user's --include, or a one-line usage error when it selects nothing. */
    static String selector(String include) {
        checkRegex(include);
        String selector = include.startsWith("racebench") ? include : "racebench\\..*(" + include + ")";
        if (JmhRunner.matching(selector).isEmpty()) {
            throw new BadInput("--include '" + include + "' matches no benchmark; they are: "
                    + String.join(", ", JmhRunner.matching("racebench\\.").stream()
                    .map(e -> BenchCase.simpleName(e.getUsername()))
                    .toList()));
        }
        return selector;
    }

    /** A user's --param values, checked against the selected benchmarks before anything is written. */
    private java.util.Map<String, java.util.List<String>> params(String selector, java.util.List<String> given) {
        java.util.Map<String, java.util.List<String>> values = parseParams(given);
        try {
            BenchCase.overlay(JmhRunner.matching(selector), profile.params(), values);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--param: " + e.getMessage());
        }
        return values;
    }

    /** --param NAME=V1,V2 options as a map, each checked for its form. */
    static java.util.Map<String, java.util.List<String>> parseParams(java.util.List<String> given) {
        java.util.Map<String, java.util.List<String>> values = new java.util.LinkedHashMap<>();
        for (String option : given) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--param '" + option + "' is not NAME=V1,V2, e.g. --param bytes=8,4096");
            }
            String name = option.substring(0, eq).trim();
            String list = option.substring(eq + 1);
            if (values.containsKey(name)) { // a second --param of one name would silently replace the first
                throw new BadInput("--param " + name + " is given twice: name all its values once, e.g. --param "
                        + name + "=V1,V2");
            }
            java.util.List<String> split = java.util.Arrays.stream(list.split(",")).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList();
            if (split.isEmpty()) {
                throw new BadInput("--param " + name + " needs at least one value, e.g. --param " + name + "=V1,V2");
            }
            if (new java.util.HashSet<>(split).size() < split.size()) {
                throw new BadInput("--param " + name + " names a value twice: " + list);
            }
            values.put(name, split);
        }
        return values;
    }

    /** Runs the benchmarks into {@code run}: JMH failures become exit 3. */
    static BenchRun.Measured measure(PrintWriter console, Profile profile, String selector,
                                     java.util.Map<String, java.util.List<String>> params, Duration budget,
                                     RunDirectory run) throws IOException {
        try {
            return BenchRun.run(run, console, r -> BenchRun.measure(console, profile, selector, params, budget, r));
        } catch (BenchRun.JmhFailure e) {
            throw new ToolFailure(e.getMessage(), e.getCause());
        }
    }

    /** The --budget option, or the profile's default. */
    static Duration budget(Integer minutes, Profile profile) {
        return minutes == null ? profile.budget() : OptionChecks.budget(minutes);
    }

    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            for (Profile p : Profile.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("unknown profile '" + value + "'; use smoke, quick or nightly");
        }
    }
}
