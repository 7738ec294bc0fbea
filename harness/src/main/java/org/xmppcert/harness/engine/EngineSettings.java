package org.xmppcert.harness.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.xmppcert.harness.run.PoolAccount;

/**
 * The engine's configuration parameters ({@link Constants}), read and checked once. A wrong value
 * is an {@link IllegalArgumentException} naming the parameter and never repeating a password.
 *
 * @param domain the target's domain, or {@code null}: not configured, every scenario is skipped
 * @param host or {@code null}
 * @param port 0 for the default
 * @param register fresh accounts per scenario (XEP-0077)
 * @param accounts the pool, when not registering
 * @param caFile or {@code null}
 * @param insecure accept any certificate
 * @param profile the profile's id
 * @param only the scenario filter, or {@code null}
 * @param parallel how many scenarios at once, at least 1
 * @param deadline or {@code null}
 * @param replyTimeout the bound on each answer
 */
@API(status = INTERNAL)
public record EngineSettings(String domain, String host, int port, boolean register, List<PoolAccount> accounts,
        Path caFile, boolean insecure, String profile, Glob only, int parallel, Duration deadline,
        Duration replyTimeout) {

    /** The default bound on one answer. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(10);

    public EngineSettings {
        accounts = List.copyOf(accounts);
    }

    /** Reads the parameters through a lookup, e.g. {@code ConfigurationParameters::get}. */
    public static EngineSettings read(Function<String, Optional<String>> parameters) {
        Function<String, String> get = k -> parameters.apply(k).map(String::strip).filter(v -> !v.isEmpty())
                .orElse(null);
        String domain = get.apply(Constants.DOMAIN);
        String host = get.apply(Constants.HOST);
        int port = 0;
        if (get.apply(Constants.PORT) != null) {
            try {
                port = Integer.parseInt(get.apply(Constants.PORT));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(Constants.PORT + " must be a port between 1 and 65535, not '"
                        + get.apply(Constants.PORT) + "'");
            }
        }
        boolean register = bool(get, Constants.REGISTER);
        List<PoolAccount> accounts = new ArrayList<>();
        String pool = get.apply(Constants.ACCOUNTS);
        if (pool != null) {
            for (String a : pool.split(",")) {
                if (!a.isBlank()) {
                    try {
                        accounts.add(PoolAccount.parse(a.strip(), domain));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(Constants.ACCOUNTS + ": " + e.getMessage());
                    }
                }
            }
        }
        Path caFile = get.apply(Constants.CAFILE) == null ? null : Path.of(get.apply(Constants.CAFILE));
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new IllegalArgumentException(Constants.CAFILE + ": cannot read " + caFile);
        }
        boolean insecure = bool(get, Constants.INSECURE);
        if (caFile != null && insecure) {
            throw new IllegalArgumentException(Constants.CAFILE + " and " + Constants.INSECURE + " exclude each other");
        }
        String profile = Optional.ofNullable(get.apply(Constants.PROFILE)).orElse(Constants.DEFAULT_PROFILE);
        Glob only = get.apply(Constants.ONLY) == null ? null : Glob.of(get.apply(Constants.ONLY));
        int parallel = 1;
        if (get.apply(Constants.PARALLEL) != null) {
            try {
                parallel = Integer.parseInt(get.apply(Constants.PARALLEL));
            } catch (NumberFormatException e) {
                parallel = 0;
            }
            if (parallel < 1 || parallel > 256) {
                throw new IllegalArgumentException(Constants.PARALLEL + " must be between 1 and 256, not '"
                        + get.apply(Constants.PARALLEL) + "'");
            }
        }
        Duration deadline = duration(get, Constants.DEADLINE, null);
        Duration replyTimeout = duration(get, Constants.REPLY_TIMEOUT, DEFAULT_REPLY_TIMEOUT);
        if (domain != null && !register && accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts are needed: set " + Constants.REGISTER + "=true, or "
                    + Constants.ACCOUNTS + "=user:password,…");
        }
        if (register && !accounts.isEmpty()) {
            throw new IllegalArgumentException(Constants.REGISTER + " and " + Constants.ACCOUNTS
                    + " exclude each other");
        }
        return new EngineSettings(domain, host, port, register, accounts, caFile, insecure, profile, only, parallel,
                deadline, replyTimeout);
    }

    /** Whether a target is given at all. */
    public boolean configured() {
        return domain != null;
    }

    private static boolean bool(Function<String, String> get, String key) {
        String v = get.apply(key);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
        };
    }

    private static Duration duration(Function<String, String> get, String key, Duration dflt) {
        String v = get.apply(key);
        if (v == null) {
            return dflt;
        }
        Duration d;
        try {
            d = Duration.parse(v.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S, not '" + v + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not '" + v + "'");
        }
        return d;
    }

    @Override
    public String toString() {
        return "EngineSettings[" + domain + ", host=" + host + ", port=" + port + ", register=" + register + ", "
                + accounts.size() + " pool accounts, profile=" + profile + ", parallel=" + parallel + "]";
    }
}
