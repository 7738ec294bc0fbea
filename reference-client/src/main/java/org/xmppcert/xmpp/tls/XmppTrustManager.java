package org.xmppcert.xmpp.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's certificate check for one XMPP connection, run by JSSE during the TLS
 * handshake (RFC 6120 §5.4.3.1 rule 5, §13.7.2): first PKIX path validation against the
 * {@link TrustPolicy}'s anchors by the JDK's own trust manager (signatures, path,
 * validity, key usage, algorithm constraints), then the identity check of §13.7.2.1 by
 * {@link XmppIdentityVerifier}.
 *
 * <p>All checks run even after one has failed, so the {@link CertificateVerdict} lists
 * every problem. If there is one and the policy is enforced, a {@link CertificateException}
 * is thrown: JSSE sends a fatal alert and the handshake ends before the client has sent any
 * application data, so no credential can leak to an impostor.
 *
 * <p>One instance per connection: it remembers the verdict of its handshake. The JDK does
 * no endpoint identification of its own here, because this is an
 * {@link X509ExtendedTrustManager} and the engine has no identification algorithm.
 *
 * <p>As a server-side trust manager (mock server, XEP-0178 client certificates) it
 * validates the path only: which JID a client certificate proves is decided later, during
 * SASL EXTERNAL (RFC 6120 §13.7.2.2).
 */
public final class XmppTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(XmppTrustManager.class);

    private final TrustPolicy policy;
    private final AtomicReference<CertificateVerdict> verdict = new AtomicReference<>();

    public XmppTrustManager(TrustPolicy policy) {
        this.policy = policy;
    }

    /** The verdict of the latest check; empty until the peer's certificate was examined. */
    public Optional<CertificateVerdict> verdict() {
        return Optional.ofNullable(verdict.get());
    }

    public TrustPolicy policy() {
        return policy;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        judge(chain, true, pkix -> pkix.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        judge(chain, true, pkix -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(chain, true, pkix -> pkix.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        judge(chain, false, pkix -> pkix.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        judge(chain, false, pkix -> pkix.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        judge(chain, false, pkix -> pkix.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return policy.pkixTrustManager().getAcceptedIssuers();
        } catch (GeneralSecurityException e) {
            return new X509Certificate[0];
        }
    }

    /** The JDK's check, in whichever of its three forms JSSE called us. */
    @FunctionalInterface
    private interface PkixCheck {
        void run(X509ExtendedTrustManager pkix) throws CertificateException;
    }

    private void judge(X509Certificate[] chain, boolean checkIdentity, PkixCheck pkixCheck)
            throws CertificateException {
        CertificateVerdict result = evaluate(chain, checkIdentity, pkixCheck);
        verdict.set(result);
        LOG.debug("{}", result);
        if (!result.trusted() && policy.enforced()) {
            throw new CertificateException(result.summary());
        }
    }

    private CertificateVerdict evaluate(X509Certificate[] chain, boolean checkIdentity, PkixCheck pkixCheck) {
        Map<CertificateProblem, String> findings = new LinkedHashMap<>();
        if (chain == null || chain.length == 0) {
            findings.put(CertificateProblem.NO_CERTIFICATE, "the peer presented no certificate");
            return verdict("", findings, Optional.empty());
        }
        X509Certificate leaf = chain[0];
        checkValidity(chain, findings);
        try {
            pkixCheck.run(policy.pkixTrustManager());
        } catch (CertificateException e) {
            CertificateProblem problem = classify(e, chain);
            findings.putIfAbsent(problem, e.getMessage());
        } catch (GeneralSecurityException e) {
            findings.putIfAbsent(CertificateProblem.INVALID_CHAIN, "trust anchors unusable: " + e.getMessage());
        }
        Optional<IdentityVerification> identity = Optional.empty();
        if (checkIdentity) {
            IdentityVerification verification = XmppIdentityVerifier.verify(leaf, policy.domain());
            identity = Optional.of(verification);
            if (!verification.matched()) {
                findings.put(CertificateProblem.NAME_MISMATCH, verification.explanation());
            }
        }
        return verdict(Certificates.subjectOf(leaf), findings, identity);
    }

    private CertificateVerdict verdict(String subject, Map<CertificateProblem, String> findings,
            Optional<IdentityVerification> identity) {
        return new CertificateVerdict(policy.domain(), subject, findings, identity, policy.enforced(),
                policy.anchorsDescription());
    }

    /**
     * Checked here, before PKIX, because the JDK reports an expired certificate in as many
     * ways as there are paths to it (and not at all when it is itself the trust anchor).
     */
    private static void checkValidity(X509Certificate[] chain, Map<CertificateProblem, String> findings) {
        for (X509Certificate certificate : chain) {
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException e) {
                findings.putIfAbsent(CertificateProblem.EXPIRED,
                        Certificates.subjectOf(certificate) + " expired on " + certificate.getNotAfter().toInstant());
            } catch (CertificateNotYetValidException e) {
                findings.putIfAbsent(CertificateProblem.NOT_YET_VALID, Certificates.subjectOf(certificate)
                        + " is not valid before " + certificate.getNotBefore().toInstant());
            }
        }
    }

    private static CertificateProblem classify(CertificateException failure, X509Certificate[] chain) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return CertificateProblem.EXPIRED;
            }
            if (cause instanceof CertificateNotYetValidException) {
                return CertificateProblem.NOT_YET_VALID;
            }
            if (cause instanceof CertPathValidatorException validation) {
                if (validation.getReason() == BasicReason.EXPIRED) {
                    return CertificateProblem.EXPIRED;
                }
                if (validation.getReason() == BasicReason.NOT_YET_VALID) {
                    return CertificateProblem.NOT_YET_VALID;
                }
            }
            if (cause instanceof CertPathBuilderException) {
                // No path to an anchor at all: RFC 3920 §14.2 case #2 or, if it signs itself, case #3.
                return chain.length == 1 && Certificates.isSelfSigned(chain[0])
                        ? CertificateProblem.SELF_SIGNED_UNTRUSTED
                        : CertificateProblem.UNTRUSTED_ISSUER;
            }
        }
        return CertificateProblem.INVALID_CHAIN;
    }
}
