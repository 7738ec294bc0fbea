/**
 * The scenarios xmppcert ships written in Java, for what the scenario language cannot see (stream
 * headers, negotiation): registered in {@code META-INF/services/org.xmppcert.scenarios.spi.JavaScenario}.
 */
package org.xmppcert.scenarios.builtin;
