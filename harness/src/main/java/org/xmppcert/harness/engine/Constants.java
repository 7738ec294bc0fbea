package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The configuration parameters of the {@code xmppcert} engine, as given to the JUnit Platform
 * ({@code -Dxmppcert.domain=…} under Surefire, {@code --config xmppcert.domain=…} to the Console
 * Launcher, {@code junit-platform.properties}); the {@code server} command sets them from its
 * options. Without {@link #DOMAIN} every scenario is reported skipped, so a build without a
 * target stays green.
 */
@API(status = STABLE)
public final class Constants {

    /** The engine's id, the first segment of every unique id: {@value}. */
    public static final String ENGINE_ID = "xmppcert";

    /** The XMPP domain of the server under test, e.g. {@code example.com}. Without it, nothing runs. */
    public static final String DOMAIN = "xmppcert.domain";

    /** The host to connect to; default: resolved from {@code _xmpp-client._tcp.<domain>} (RFC 6120 §3.2). */
    public static final String HOST = "xmppcert.host";

    /** The TCP port; default 5222, or the SRV record's. */
    public static final String PORT = "xmppcert.port";

    /**
     * {@code true}: every scenario gets fresh accounts, registered with XEP-0077 before it and
     * removed after it. Either this or {@link #ACCOUNTS} is needed.
     */
    public static final String REGISTER = "xmppcert.register";

    /**
     * A pool of existing accounts, {@code user:password,user:password…} (a password may hold
     * {@code :}, not {@code ,}). Each scenario leases the accounts it needs exclusively; their
     * rosters and privacy lists are restored after it. Passwords are never logged or reported.
     */
    public static final String ACCOUNTS = "xmppcert.accounts";

    /** A PEM file of CA certificates to trust for the server's certificate instead of the JVM's. */
    public static final String CAFILE = "xmppcert.cafile";

    /** {@code true}: accept any server certificate (test servers only). */
    public static final String INSECURE = "xmppcert.insecure";

    /** The profile certified; default {@value #DEFAULT_PROFILE}. */
    public static final String PROFILE = "xmppcert.profile";

    /** The default of {@link #PROFILE}: XEP-0211, XMPP Basic Client 2008. */
    public static final String DEFAULT_PROFILE = "basic-client-2008";

    /**
     * Only the scenarios whose id matches this glob ({@code *} any characters, {@code ?} one;
     * several globs separated by commas), e.g. {@code roster-*,iq-*}.
     */
    public static final String ONLY = "xmppcert.only";

    /** How many scenarios run at the same time; default 1 here, 4 from the command line. */
    public static final String PARALLEL = "xmppcert.parallel";

    /**
     * An ISO-8601 duration ({@code PT5M}) after which no scenario starts: those not started are
     * reported not run (skipped) and the run is marked incomplete.
     */
    public static final String DEADLINE = "xmppcert.deadline";

    /** An ISO-8601 duration bounding each expected answer and each connection; default {@code PT10S}. */
    public static final String REPLY_TIMEOUT = "xmppcert.replyTimeout";

    private Constants() {
    }
}
