/**
 * Scenarios written in Java, for what the scenario language cannot express (TLS, SASL, caps
 * hashes): discovered with {@link java.util.ServiceLoader} and reported exactly like file
 * scenarios.
 */
package org.xmppcert.scenarios.spi;
