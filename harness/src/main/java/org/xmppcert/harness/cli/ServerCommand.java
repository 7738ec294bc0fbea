package org.xmppcert.harness.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.xmppcert.harness.engine.Constants;
import org.xmppcert.harness.engine.OutcomeCollector;
import org.xmppcert.harness.engine.RunControl;
import org.xmppcert.harness.engine.ScenarioSource;
import org.xmppcert.harness.engine.XmppCertTestEngine;
import org.xmppcert.harness.run.PoolAccount;
import org.xmppcert.harness.run.ReportBuilder;
import org.xmppcert.reports.ReportWriters;
import org.xmppcert.reports.model.Report;
import org.xmppcert.reports.model.Target;
import org.xmppcert.scenarios.catalog.Profile;
import org.xmppcert.scenarios.catalog.Subject;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xmppcert server}: certifies a server against a profile. Drives the {@code xmppcert} JUnit
 * Platform engine through the Launcher, shows progress, aggregates the outcomes into the report
 * and writes it. A run stopped by Ctrl-C or by {@code --deadline} still writes what finished,
 * marked incomplete.
 */
@Command(name = "server",
        header = "Certify an XMPP server: run the server scenarios of a profile and write the report.",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs every server scenario of the profile (XEP-0211 Basic Client 2008 by",
            "default) against the server, in parallel, each with accounts of its own:",
            "fresh ones registered with XEP-0077 (--register) and removed afterwards, or",
            "accounts you give (--account), whose rosters and privacy lists are put back",
            "after each scenario. Each requirement of the catalog gets a status (PASS, FAIL,",
            "WARN, NOT_APPLICABLE, ERROR, NOT_TESTED) and the profile a verdict.",
            "",
            "Writes report.json, report.html, junit.xml and allure-results/ into --out.",
            "Passwords and SASL data never appear in the output or the report."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:COMPLIANT",
            "1:NOT_COMPLIANT, or the run was incomplete (--deadline passed)",
            "2:usage or configuration error",
            "3:target unreachable, or its accounts unusable (checked before any scenario)",
            "70:a bug of xmppcert (e.g. a scenario naming a requirement the catalog lacks)",
            "130:interrupted (Ctrl-C); the report of what finished is written, marked incomplete"})
final class ServerCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The server's XMPP domain.")
    private String domain;

    @CommandLine.Mixin
    private AddressOptions address;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Accounts accounts;

    static final class Accounts {
        @Option(names = "--register", required = true,
                description = "Register fresh accounts for every scenario (XEP-0077), removed afterwards.")
        boolean register;

        @Option(names = "--account", required = true, paramLabel = "USER:PASSWORD",
                description = "An existing account for the scenarios (repeat it; scenarios with two actors need "
                        + "two). Lent to one scenario at a time; its roster and privacy lists are restored after "
                        + "each. Visible to other local users in the process list: use test accounts.")
        List<String> pool;
    }

    @CommandLine.Mixin
    private TrustOptions trust;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = Constants.DEFAULT_PROFILE,
            description = "The profile to certify (default: ${DEFAULT-VALUE}); 'xmppcert requirements' lists it.")
    private String profile;

    @Option(names = "--only", paramLabel = "GLOB",
            description = "Only the scenarios whose id matches (* any characters, ? one; several separated by "
                    + "commas), e.g. 'roster-*'.")
    private String only;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "How many scenarios run at the same time (default: ${DEFAULT-VALUE}).")
    private int parallel;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start no scenario after this long (e.g. 5m, PT5M); the rest are reported not run and "
                    + "the report is marked incomplete.")
    private Duration deadline;

    @Option(names = "--reply-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Bound on each expected answer and each connection (default: ${DEFAULT-VALUE}).")
    private Duration replyTimeout;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xmppcert-report",
            description = "Where the report files go (default: ${DEFAULT-VALUE}/ in the working directory).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> parameters;
        try {
            parameters = parameters();
        } catch (IllegalArgumentException e) {
            err.println("xmppcert server: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        ScenarioSource source;
        try {
            source = ScenarioSource.shipped();
        } catch (IllegalStateException e) {
            err.println("xmppcert server: the catalog or the scenario library does not load "
                    + "(a bug of this build): " + e.getMessage());
            return ExitCode.INTERNAL_ERROR.code();
        }
        Profile chosen;
        try {
            chosen = source.profile(profile);
        } catch (IllegalArgumentException e) {
            err.println("xmppcert server: --profile: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        RunControl.reset();
        OutcomeCollector collector = new OutcomeCollector();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C: start nothing more, let the running scenarios end (each is bounded), write the report.
            RunControl.requestStop();
            try {
                reported.await(replyTimeout.toMillis() * 3 + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xmppcert-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            launcher().execute(request(parameters), collector, new ConsoleProgress(stdout));
            if (collector.unusable().isPresent()) {
                err.println("xmppcert server: target unusable: " + collector.unusable().get());
                return ExitCode.UNREACHABLE.code();
            }
            if (collector.engineFailure().isPresent()) {
                Throwable t = collector.engineFailure().get();
                err.println("xmppcert server: " + (t instanceof IllegalArgumentException ? t.getMessage()
                        : "internal error: " + t));
                return (t instanceof IllegalArgumentException ? ExitCode.USAGE : ExitCode.INTERNAL_ERROR).code();
            }
            boolean complete = collector.complete() && !RunControl.stopRequested();
            Report report = new ReportBuilder(chosen, source.inScope(chosen, Subject.SERVER))
                    .version(version())
                    .target(collector.target().orElse(new Target("server", domain, address.host(),
                            address.port() == null ? 0 : address.port(),
                            null)))
                    .timing(start, Duration.ofNanos(System.nanoTime() - startNanos).toMillis())
                    .complete(complete)
                    .addAll(collector.results())
                    .build();
            ReportWriters.Written written;
            try {
                written = ReportWriters.writeAll(report, out);
            } catch (IOException e) {
                err.println("xmppcert server: cannot write the report into " + out + ": " + e.getMessage());
                return ExitCode.USAGE.code();
            }
            new SummaryTable(stdout).print(report, chosen, written.html());
            return report.complete() && report.verdict() == org.xmppcert.reports.model.Verdict.COMPLIANT
                    ? ExitCode.OK.code() : ExitCode.NOT_COMPLIANT.code();
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running and has just been released
            }
        }
    }

    /** The engine's configuration parameters from the options; checks them the way the engine will. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(Constants.DOMAIN, domain);
        if (address.host() != null) {
            p.put(Constants.HOST, address.host());
        }
        if (address.port() != null) {
            p.put(Constants.PORT, String.valueOf(address.port()));
        }
        if (accounts.register) {
            p.put(Constants.REGISTER, "true");
        } else {
            List<String> pool = new ArrayList<>();
            for (String a : accounts.pool) {
                if (a.contains(",")) {
                    throw new IllegalArgumentException("--account: one account per option (no ',')");
                }
                PoolAccount.parse(a, domain);
                pool.add(a);
            }
            p.put(Constants.ACCOUNTS, String.join(",", pool));
        }
        if (trust.caFile() != null) {
            if (!Files.isReadable(trust.caFile())) {
                throw new IllegalArgumentException("--cafile: cannot read " + trust.caFile());
            }
            p.put(Constants.CAFILE, trust.caFile().toString());
        }
        if (trust.insecure()) {
            p.put(Constants.INSECURE, "true");
        }
        p.put(Constants.PROFILE, profile);
        if (only != null) {
            p.put(Constants.ONLY, only);
        }
        p.put(Constants.PARALLEL, String.valueOf(parallel));
        if (deadline != null) {
            p.put(Constants.DEADLINE, deadline.toString());
        }
        p.put(Constants.REPLY_TIMEOUT, replyTimeout.toString());
        try {
            org.xmppcert.harness.engine.EngineSettings.read(k -> java.util.Optional.ofNullable(p.get(k)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("xmppcert.", "--"), e);
        }
        return p;
    }

    /** Only our engine, no listener or configuration picked up from the class path. */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new XmppCertTestEngine())
                .build());
    }

    private static LauncherDiscoveryRequest request(Map<String, String> parameters) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(UniqueId.forEngine(Constants.ENGINE_ID)))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(parameters)
                .build();
    }

    private static String version() {
        String v = XmppCert.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
