package org.xmppcert.xmpp.disco;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xmppcert.xmpp.jid.Jid;
import org.xmppcert.xmpp.xml.Element;

/**
 * The {@code disco} query type of XMPP URIs (XEP-0030 §10.3, registered under XEP-0147):
 * {@code xmpp:romeo@montague.net?disco;type=get;request=info} stands for the disco#info request
 * of §10.3 Example 26. Keys: {@code node}, {@code request} ({@code info} or {@code items}) and
 * {@code type} ({@code get}, the only value registered).
 */
public final class DiscoUri {
    private DiscoUri() {
    }

    /**
     * The request an XMPP URI with the {@code disco} query type stands for.
     *
     * @param uri e.g. {@code xmpp:romeo@montague.net?disco;type=get;request=items}
     * @return the IQ get, without id or {@code from}
     * @throws IllegalArgumentException if it is not an {@code xmpp:} URI of query type
     *     {@code disco}, or a key has a value §10.3 does not register
     */
    public static Element request(String uri) {
        if (!uri.startsWith("xmpp:")) {
            throw new IllegalArgumentException("not an xmpp: URI: " + uri);
        }
        String rest = uri.substring("xmpp:".length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q < 0) {
            throw new IllegalArgumentException("no query component in " + uri);
        }
        String path = rest.substring(0, q);
        if (path.startsWith("//")) {
            // xmpp://authority/path: the authority names the sender's account, not the target.
            int slash = path.indexOf('/', 2);
            path = slash < 0 ? "" : path.substring(slash + 1);
        }
        String[] parts = rest.substring(q + 1).split(";", -1);
        if (!"disco".equals(parts[0])) {
            throw new IllegalArgumentException("query type is not disco in " + uri);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("key without value in " + uri + ": " + parts[i]);
            }
            keys.put(decode(parts[i].substring(0, eq)), decode(parts[i].substring(eq + 1)));
        }
        String type = keys.getOrDefault("type", "get");
        if (!"get".equals(type)) {
            throw new IllegalArgumentException("XEP-0030 §10.3 registers only type=get, not " + type);
        }
        String request = keys.get("request");
        Jid to = path.isEmpty() ? null : Jid.of(decode(path));
        String node = keys.get("node");
        if ("info".equals(request)) {
            return DiscoInfo.request(to, node);
        }
        if ("items".equals(request)) {
            return DiscoItems.request(to, node);
        }
        throw new IllegalArgumentException("request must be info or items (XEP-0030 §10.3), not " + request);
    }

    /** Percent-decoding as RFC 3986 §2.1 defines it (no '+' for space), then UTF-8. */
    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("truncated percent-encoding in " + s);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
