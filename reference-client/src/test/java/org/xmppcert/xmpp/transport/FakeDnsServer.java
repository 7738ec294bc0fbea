package org.xmppcert.xmpp.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on a UDP port of 127.0.0.1 for unit tests: answers from records the test puts in,
 * in the order it puts them; NXDOMAIN for names it does not know, NOERROR without answers for a
 * known name asked for another type; a chosen rcode, or silence, for chosen names. Records every
 * question so a test can say what was (not) asked.
 */
final class FakeDnsServer implements AutoCloseable {
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Map<String, Integer> rcodes = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final List<String> questions = new CopyOnWriteArrayList<>();

    FakeDnsServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** An SRV record for {@code _xmpp-client._tcp.<domain>}. */
    FakeDnsServer srv(String domain, int priority, int weight, int port, String target) {
        Name owner = name("_xmpp-client._tcp." + domain);
        return add(new SRVRecord(owner, DClass.IN, TTL, priority, weight, port, name(target)));
    }

    FakeDnsServer a(String host, String address) {
        return add(new ARecord(name(host), DClass.IN, TTL, inet(address)));
    }

    FakeDnsServer aaaa(String host, String address) {
        return add(new AAAARecord(name(host), DClass.IN, TTL, inet(address)));
    }

    /** Every question for this name gets this rcode (e.g. {@link Rcode#SERVFAIL}) and no answer. */
    FakeDnsServer rcode(String name, int rcode) {
        rcodes.put(key(name(name)), rcode);
        return this;
    }

    /** Questions for this name are never answered. */
    FakeDnsServer silent(String name) {
        silent.add(key(name(name)));
        return this;
    }

    /** The questions received so far, as "name TYPE" without the final dot. */
    List<String> questions() {
        return List.copyOf(questions);
    }

    private FakeDnsServer add(Record r) {
        records.computeIfAbsent(key(r.getName()), k -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    private void serve() {
        byte[] buf = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] reply = answer(query);
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        String key = key(question.getName());
        questions.add(key + " " + Type.string(question.getType()));
        if (silent.contains(key)) {
            return null;
        }
        Message reply = new Message(query.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            reply.getHeader().setFlag(Flags.RD);
            reply.getHeader().setFlag(Flags.RA);
        }
        reply.addRecord(question, Section.QUESTION);
        Integer rcode = rcodes.get(key);
        List<Record> known = records.get(key);
        if (rcode != null) {
            reply.getHeader().setRcode(rcode);
        } else if (known == null) {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            List<Record> matching = new ArrayList<>();
            for (Record r : known) {
                if (r.getType() == question.getType()) {
                    matching.add(r);
                }
            }
            matching.forEach(r -> reply.addRecord(r, Section.ANSWER));
        }
        return reply.toWire();
    }

    private static String key(Name name) {
        String s = name.toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static InetAddress inet(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
