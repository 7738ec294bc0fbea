/**
 * The {@code xmppcert} command line (picocli): {@code connect} now; {@code server},
 * {@code client} and {@code requirements} as the harness grows.
 */
package org.xmppcert.harness.cli;
