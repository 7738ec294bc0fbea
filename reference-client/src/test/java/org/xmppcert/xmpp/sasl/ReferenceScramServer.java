package org.xmppcert.xmpp.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of SCRAM-SHA-1 written straight from RFC 5802 §3 and §7 with JDK crypto
 * only, so that the client can be checked by code that shares nothing with ongres. It checks
 * the c= attribute (RFC 5802 §6: the server MUST) and the ClientProof.
 */
final class ReferenceScramServer {

    private final char[] password;
    private final byte[] salt;
    private final int iterations;
    private final String serverNonce;
    private final byte[] expectedCbindData;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;

    /**
     * @param expectedCbindData the TLS channel binding data this server sees, or null when it
     *     expects none (flags n and y)
     */
    ReferenceScramServer(String password, byte[] salt, int iterations, String serverNonce, byte[] expectedCbindData) {
        this.password = password.toCharArray();
        this.salt = salt.clone();
        this.iterations = iterations;
        this.serverNonce = serverNonce;
        this.expectedCbindData = expectedCbindData;
    }

    String serverFirst(String clientFirst) {
        int flagEnd = clientFirst.indexOf(',');
        int headerEnd = clientFirst.indexOf(',', flagEnd + 1);
        gs2Header = clientFirst.substring(0, headerEnd + 1);
        clientFirstBare = clientFirst.substring(headerEnd + 1);
        String clientNonce = attribute(clientFirstBare, 'r');
        serverFirst = "r=" + clientNonce + serverNonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + iterations;
        return serverFirst;
    }

    /**
     * @return the server-final-message with v=
     * @throws AssertionError when c= or the proof is wrong
     */
    String serverFinal(String clientFinal) throws GeneralSecurityException {
        byte[] cbindInput = Base64.getDecoder().decode(attribute(clientFinal, 'c'));
        byte[] expectedInput = expectedCbindData == null ? gs2Header.getBytes(UTF_8)
                : concat(gs2Header.getBytes(UTF_8), expectedCbindData);
        if (!MessageDigest.isEqual(cbindInput, expectedInput)) {
            throw new AssertionError("c= does not match gs2-header [cbind-data] (RFC 5802 §6)");
        }
        String withoutProof = clientFinal.substring(0, clientFinal.lastIndexOf(",p="));
        byte[] proof = Base64.getDecoder().decode(attribute(clientFinal, 'p'));
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(UTF_8);

        byte[] saltedPassword = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 160)).getEncoded();
        byte[] storedKey = MessageDigest.getInstance("SHA-1").digest(hmac(saltedPassword, "Client Key".getBytes(UTF_8)));
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(MessageDigest.getInstance("SHA-1").digest(clientKey), storedKey)) {
            throw new AssertionError("invalid ClientProof (RFC 5802 §3)");
        }
        byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(UTF_8));
        return "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
    }

    static String attribute(String message, char name) {
        for (String attribute : message.split(",")) {
            if (attribute.length() > 1 && attribute.charAt(0) == name && attribute.charAt(1) == '=') {
                return attribute.substring(2);
            }
        }
        throw new AssertionError("no " + name + "= attribute");
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
