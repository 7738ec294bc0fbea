/**
 * The report of one certification run, as data: what every writer (JSON, HTML, JUnit XML,
 * Allure) renders. Built by the harness, knows nothing of XMPP sockets. Verdicts as
 * {@code DESIGN.md} defines them.
 */
package org.xmppcert.reports.model;
