package org.xmppcert.xmpp.xml;

import java.util.ArrayList;
import java.util.List;

/** Records parser events as comparable strings. */
final class RecordingListener implements XmlStreamListener {
    final List<String> events = new ArrayList<>();
    final List<Element> elements = new ArrayList<>();
    Element root;
    XmlStreamError error;

    @Override
    public void onStreamOpen(Element root) {
        this.root = root;
        events.add("open " + root.toXml());
    }

    @Override
    public void onElement(Element element) {
        elements.add(element);
        events.add("element " + element.toXml());
    }

    @Override
    public void onStreamClose() {
        events.add("close");
    }

    @Override
    public void onError(XmlStreamError error) {
        this.error = error;
        events.add("error " + error.violation());
    }

    static RecordingListener parse(String xml) {
        return parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), XmlLimits.DEFAULT);
    }

    static RecordingListener parse(byte[] bytes, XmlLimits limits) {
        RecordingListener l = new RecordingListener();
        new XmlStreamParser(limits, l).feed(bytes, 0, bytes.length);
        return l;
    }
}
