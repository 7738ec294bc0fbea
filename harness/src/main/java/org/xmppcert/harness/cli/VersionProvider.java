package org.xmppcert.harness.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by the build). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = XmppCert.class.getPackage().getImplementationVersion();
        return new String[] {"xmppcert " + (v == null ? "(development build)" : v)};
    }
}
