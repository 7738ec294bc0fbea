/**
 * Scenarios as data: who connects, what is sent, what must (or must not) come back, and which
 * catalog requirements each expectation judges. Parsed from the XML scenario language
 * ({@code scenario.xsd}) and interpreted by the harness's runner.
 */
package org.xmppcert.scenarios.model;
