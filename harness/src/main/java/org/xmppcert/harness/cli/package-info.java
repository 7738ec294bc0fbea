/**
 * The {@code xmppcert} command line (picocli): {@code server} (certify a server through the
 * {@code xmppcert} engine and the JUnit Platform Launcher), {@code requirements} (the catalog
 * and its coverage) and {@code connect} (one session, for diagnosis); {@code client} later.
 * Internal: the commands are the interface, not these classes.
 */
package org.xmppcert.harness.cli;
